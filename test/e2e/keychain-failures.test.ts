// The keychain failure modes of docs/real-parts.md §1, with real parts: each gives its own
// message with the fix, exits 1, and leaves no file behind (no plain-text fallback).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {listFiles} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const PASSWORD = 'fail-mode-S3cret';
const args = (keychain: string) => ['-r', 'registry.example.com', '-u', 'ci', '--password-stdin', '-t', 'docker', '--keychain', keychain, '--yes'];

test('no session bus: the specific message, exit 1, nothing written', async () => {
	const home = join(tempDir(), 'home');
	mkdirSync(home);
	// No DBUS_SESSION_BUS_ADDRESS and no XDG_RUNTIME_DIR (GLib would find $XDG_RUNTIME_DIR/bus): as over SSH or in CI.
	const env = cleanEnv(home);
	for (const keychain of ['regauth', 'secretservice']) {
		const run = await runCli(args(keychain), {input: PASSWORD, env});
		assert.equal(run.code, 1, `${keychain}: ${run.stderr}`);
		assert.match(run.stderr, /there is no D-Bus session bus[\s\S]*dbus-run-session[\s\S]*--keychain file \(base64 in config\.json, NOT encrypted/, keychain);
		assert.match(run.stderr, /Nothing was written\./);
		assert.ok(!run.stderr.includes(PASSWORD));
		assert.deepEqual(listFiles(home), [], `${keychain} left files behind`);
	}
	const remembered = await runCli(['-r', 'registry.example.com', '-t', 'kubernetes', '--from-keychain', '--yes', '-o', join(home, 'out')], {env});
	assert.equal(remembered.code, 1);
	assert.match(remembered.stderr, /^regauth: --from-keychain: The OS keychain cannot be used: there is no D-Bus session bus/);
	assert.deepEqual(listFiles(home), []);
});

test('a locked keyring: the specific message, exit 1, nothing written, nothing stored', async () => {
	const keyring = startKeyring(tempDir(), {locked: true});
	const home = keyring.env.HOME!;
	const env = cleanEnv(home, keyring.env);
	const before = listFiles(home);

	const run = await runCli(args('regauth'), {input: PASSWORD, env});
	assert.equal(run.code, 1, run.stderr);
	assert.match(
		run.stderr,
		/^regauth: The OS keychain cannot be used: the keychain is locked \(Cannot create an item in a locked collection\)\.[\s\S]*Unlock it/,
	);

	// Docker's helper cannot tell a locked keyring from an empty one until it stores: apply runs
	// the store first, it fails, and no config is written.
	const docker = await runCli(args('secretservice'), {input: PASSWORD, env});
	assert.equal(docker.code, 1, docker.stderr);
	assert.match(
		docker.stdout,
		/✗ Store the registry\.example\.com credential in the keychain \(docker-credential-secretservice\) — docker-credential-secretservice could not use the keychain: the keychain is locked/,
	);
	assert.match(docker.stdout, /· Docker config\.json .*not attempted/);

	assert.ok(!existsSync(join(home, '.docker')));
	assert.ok(!existsSync(join(home, '.local', 'bin')));
	assert.deepEqual(
		listFiles(home).filter(path => !before.includes(path) && !path.startsWith('.local/share/keyrings/')),
		[],
	);
	const lookup = spawnSync('secret-tool', ['search', '--all', 'service', 'regauth'], {env, encoding: 'utf8'});
	assert.equal(lookup.stdout, '');
});
