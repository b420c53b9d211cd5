import assert from 'node:assert/strict';
import {test} from 'node:test';
import {diagnoseKeychainError, formatProblem} from '../../source/keychain/diagnose.js';

// The texts keytar and Docker's helpers print, as observed (docs/real-parts.md §1).
const OBSERVED: Array<[string, string]> = [
	['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-session-bus'],
	['Could not connect: No such file or directory', 'no-session-bus'],
	['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service'],
	['Cannot create an item in a locked collection', 'locked'],
	['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-login-keyring'],
	['Timeout was reached', 'timeout'],
	["keytar could not be loaded: Cannot find package 'keytar' imported from /x/dist/docker-credential-regauth.js", 'module-missing'],
	['keytar could not be loaded: libsecret-1.so.0: cannot open shared object file: No such file or directory', 'module-missing'],
	['Error: pass not initialized: exit status 1: Error: password store is empty. Try "pass init".', 'pass-not-initialized'],
];

test('each observed keychain error becomes a specific problem with advice', () => {
	for (const [raw, code] of OBSERVED) {
		const problem = diagnoseKeychainError(raw);
		assert.equal(problem.code, code, raw);
		assert.ok(problem.advice.length >= 2, raw);
		assert.equal(problem.detail, raw);
	}
});

test('every problem offers the non-keychain alternatives, file only with its warning', () => {
	const text = formatProblem(diagnoseKeychainError('Cannot create an item in a locked collection'));
	assert.match(text, /^The OS keychain cannot be used: the keychain is locked \(Cannot create an item in a locked collection\)\./);
	assert.match(text, /unlock/i);
	assert.match(text, /--keychain file \(base64 in config\.json, NOT encrypted/);
	assert.match(text, /--keychain pass/);
});

test('an unknown error keeps its text and still says what else to do', () => {
	const problem = diagnoseKeychainError('something new');
	assert.equal(problem.code, 'unknown');
	assert.match(formatProblem(problem), /something new/);
});
