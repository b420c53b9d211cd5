import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseKeychainSetup} from '../../../source/cli/keychain-setup.js';

test('keychain setup flags', () => {
	assert.deepEqual(parseKeychainSetup(['setup', '--store', 'pass', '--passphrase-stdin', '-r', 'a.example,b.example', '--registry', 'c.example', '--yes']), {
		help: false,
		store: 'pass',
		registries: ['a.example', 'b.example', 'c.example'],
		passphraseStdin: true,
		yes: true,
	});
	assert.equal(parseKeychainSetup(['--help']).help, true);
});

test('bad usage names the flag and the fix', () => {
	assert.throws(() => parseKeychainSetup(['setup', '--store', 'kwallet']), /--store kwallet: expected one of pass, secretservice, wincred, desktop, file\./);
	assert.throws(() => parseKeychainSetup(['setup', '--registry', '']), /--registry is empty/);
	assert.throws(() => parseKeychainSetup(['unlock']), /the keychain command is "regauth keychain setup"/);
	assert.throws(() => parseKeychainSetup(['setup', '--password-stdin']), /unknown flag --password-stdin for regauth keychain setup/);
});
