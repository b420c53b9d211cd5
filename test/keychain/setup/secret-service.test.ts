import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {PROFILE_BEGIN, profilePath, profileWithBlock, SNIPPET} from '../../../source/keychain/setup/secret-service.js';

test('the profile block is appended once, after what the user had', () => {
	const first = profileWithBlock('export EDITOR=vi');
	assert.equal(first.changed, true);
	assert.match(first.text, new RegExp(`^export EDITOR=vi\\n\\n${PROFILE_BEGIN}\\n`));
	assert.deepEqual(profileWithBlock(first.text), {text: first.text, changed: false});
	assert.ok(profileWithBlock(undefined).text.startsWith(PROFILE_BEGIN));
});

test('the login file is the one a login shell reads: bash takes the first of three', () => {
	assert.equal(
		profilePath('/h', () => false),
		'/h/.profile',
	);
	assert.equal(
		profilePath('/h', path => path === '/h/.bash_login' || path === '/h/.profile'),
		'/h/.bash_login',
	);
});

test('the snippet is valid POSIX sh (dash -n) and never echoes the password', () => {
	execFileSync('dash', ['-n'], {input: SNIPPET});
	assert.match(SNIPPET, /stty -echo/);
	assert.doesNotMatch(SNIPPET, /echo "\$_regauth_pw"/);
});
