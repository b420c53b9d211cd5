// The helper answers `get` by asking the Secret Service over the session bus itself (a plain
// session, two round trips) and keeps keytar for everything else and for what it cannot answer
// (docs/performance.md §3.1). Real gnome-keyring in a private D-Bus session.

import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {lockLoginCollection} from '../support/private-keyring.mjs';
import {HELPER} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

function helper(file: string, action: string, input: string, env: NodeJS.ProcessEnv) {
	const result = spawnSync(process.execPath, [file, action], {input, env, encoding: 'utf8', timeout: 60_000});
	return {stdout: result.stdout, code: result.status};
}

const ITEMS = [
	{ServerURL: 'registry.example.com', Username: 'alice', Secret: 'pw-1'},
	{ServerURL: 'https://index.docker.io/v1/', Username: '<token>', Secret: 'tök&<en>✓'},
	{ServerURL: 'big.example', Username: 'u', Secret: 'x'.repeat(100_000)},
];

test('get is answered over the bus without keytar: found, not found, the same bytes', () => {
	const keyring = startKeyring(tempDir());
	const env: NodeJS.ProcessEnv = {PATH: process.env.PATH, ...keyring.env};
	for (const item of ITEMS) assert.equal(helper(HELPER, 'store', JSON.stringify(item), env).code, 0);

	// A copy of the bundle where require('keytar') cannot resolve: only the bus can answer.
	const alone = join(tempDir(), 'bin');
	mkdirSync(alone);
	const copy = join(alone, 'docker-credential-regauth.cjs');
	copyFileSync(HELPER, copy);
	const store = helper(copy, 'store', JSON.stringify(ITEMS[0]), env);
	assert.equal(store.code, 1);
	assert.match(store.stdout, /keytar could not be loaded/, 'the copy really has no keytar');

	for (const item of ITEMS) {
		const got = helper(copy, 'get', item.ServerURL, env);
		assert.equal(got.code, 0, got.stdout.slice(0, 200));
		assert.deepEqual(JSON.parse(got.stdout), item);
		assert.equal(got.stdout, helper(HELPER, 'get', item.ServerURL, {...env, REGAUTH_HELPER_KEYTAR_ONLY: '1'}).stdout);
	}
	assert.deepEqual(helper(copy, 'get', 'never.example', env), {stdout: 'credentials not found in native keychain\n', code: 1});
	// DBUS_SESSION_BUS_ADDRESS unset: the bus at $XDG_RUNTIME_DIR/bus, as GDBus finds it.
	const {DBUS_SESSION_BUS_ADDRESS: _, ...withoutAddress} = env;
	assert.deepEqual(JSON.parse(helper(copy, 'get', ITEMS[0]!.ServerURL, withoutAddress).stdout), ITEMS[0]);
});

test('a foreign item reads the same both ways; a locked item is left to keytar', () => {
	const keyring = startKeyring(tempDir());
	const env: NodeJS.ProcessEnv = {PATH: process.env.PATH, ...keyring.env};
	assert.equal(helper(HELPER, 'store', JSON.stringify(ITEMS[0]), env).code, 0);
	// Not one of regauth's (not the {Username, Secret} JSON): both ways call it not found.
	execFileSync(
		'secret-tool',
		['store', '--label=foreign', 'service', 'regauth', 'account', 'foreign.example', 'xdg:schema', 'org.freedesktop.Secret.Generic'],
		{
			env,
			input: 'just a password',
		},
	);
	for (const server of ['foreign.example', ITEMS[0]!.ServerURL]) {
		assert.deepEqual(helper(HELPER, 'get', server, env), helper(HELPER, 'get', server, {...env, REGAUTH_HELPER_KEYTAR_ONLY: '1'}));
	}

	lockLoginCollection(env);
	// Locked: the bus path hands over to keytar (libsecret asks for the unlock prompt; with no
	// prompter here it finds nothing), so the answer is keytar's own.
	const locked = helper(HELPER, 'get', ITEMS[0]!.ServerURL, env);
	assert.deepEqual(locked, helper(HELPER, 'get', ITEMS[0]!.ServerURL, {...env, REGAUTH_HELPER_KEYTAR_ONLY: '1'}));
	assert.equal(locked.code, 1);
});

test('no session bus to talk to: keytar answers (and says what is wrong)', () => {
	const dir = tempDir();
	const env = {PATH: process.env.PATH, HOME: dir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus')}`};
	const got = helper(HELPER, 'get', 'registry.example.com', env);
	assert.equal(got.code, 1);
	assert.deepEqual(got, helper(HELPER, 'get', 'registry.example.com', {...env, REGAUTH_HELPER_KEYTAR_ONLY: '1'}));
});
