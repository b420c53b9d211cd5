import assert from 'node:assert/strict';
import {test} from 'node:test';
import {diagnoseKeychainError} from '../../../source/keychain/diagnose.js';

test('gpg\'s "No secret key" from docker-credential-pass means a locked key, and says how to unlock it', () => {
	// docker-credential-pass 0.6.4's answer to get when gpg-agent has no cached passphrase.
	const problem = diagnoseKeychainError('exit status 2: gpg: decryption failed: No secret key');
	assert.equal(problem.code, 'locked');
	assert.match(problem.message, /GPG key is locked/);
	assert.match(problem.advice[0]!, /regauth keychain setup --store pass/);
	assert.equal(diagnoseKeychainError('pass not initialized: exit status 1: Error: password store is empty. Try "pass init".').code, 'pass-not-initialized');
});
