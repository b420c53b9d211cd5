// Storing into docker-credential-pass erases the server's items first (one item per server and
// user: docs/formats.md §2.3). When the store then fails, the erased item is gone: the run must
// report a failure that names it, and undo must store it back. Real parts: gpg, pass and
// docker-credential-pass, set up by `regauth keychain setup` with no D-Bus session; the store
// fails for a real reason (the store's .gpg-id names a key gpg does not have, so pass cannot
// encrypt), while erase and get still work.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const HOST = 'registry.example.com';

test('pass: a store that fails after its erase is a failure naming the erased item; undo stores it back; the emptied folder reads as nothing stored', async () => {
	for (const program of ['gpg', 'pass', 'docker-credential-pass'])
		requireProgram(program, 'apt-get install pass gnupg golang-docker-credential-helpers (see .ci/run)');
	const home = join(tempDir(), 'home');
	mkdirSync(home, {recursive: true});
	const env = cleanEnv(home);
	after(() => spawnSync('gpgconf', ['--kill', 'gpg-agent'], {env}));
	const setup = await runCli(['keychain', 'setup', '--store', 'pass', '--passphrase-stdin', '--yes'], {
		input: 'Passphrase for-erase 5!\n',
		env,
		timeoutMs: 170_000,
	});
	assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
	const get = () => spawnSync('docker-credential-pass', ['get'], {input: HOST, env, encoding: 'utf8'});
	const login = (user: string, password: string) =>
		runCli(['-r', HOST, '-u', user, '--password-stdin', '-t', 'docker', '--keychain', 'pass', '--no-verify', '--yes'], {input: password, env});

	const alice = await login('alice', 'alice-Pass-1');
	assert.equal(alice.code, 0, alice.stderr);
	assert.deepEqual(JSON.parse(get().stdout), {ServerURL: HOST, Username: 'alice', Secret: 'alice-Pass-1'});

	const gpgId = join(home, '.password-store', '.gpg-id');
	const goodId = readFileSync(gpgId, 'utf8');
	const breakStore = () => writeFileSync(gpgId, `${'0'.repeat(40)}\n`);
	breakStore();
	const bob = await login('bob', 'bob-Pass-2');
	assert.equal(bob.code, 1, bob.stdout);
	assert.match(bob.stdout, /^✗ Store the registry\.example\.com credential in the keychain \(docker-credential-pass\) — .*encryption failed/m);
	assert.match(
		bob.stdout,
		/The keychain item for registry\.example\.com \(user alice\) was erased before this store and is no longer in the keychain: nothing that reads the keychain has a login for registry\.example\.com now\. regauth undo stores that item back/,
	);
	assert.doesNotMatch(bob.stdout, /^✓ Store/m, 'never reported as stored');
	const gone = get();
	assert.equal(gone.status, 1, 'the item is really gone');
	assert.match(gone.stdout, /no usernames for registry\.example\.com/);

	writeFileSync(gpgId, goodId);
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, `${undo.stdout}\n${undo.stderr}`);
	assert.match(undo.stdout, /stored back through docker-credential-pass \(user alice\)/);
	assert.deepEqual(JSON.parse(get().stdout), {ServerURL: HOST, Username: 'alice', Secret: 'alice-Pass-1'});

	// The folder an erase empties answers `get` with "no usernames for …": nothing stored, so the
	// next login goes ahead (it used to stop at "could not read the item").
	breakStore();
	assert.equal((await login('bob', 'bob-Pass-2')).code, 1);
	writeFileSync(gpgId, goodId);
	const again = await login('bob', 'bob-Pass-2');
	assert.equal(again.code, 0, `${again.stdout}\n${again.stderr}`);
	assert.deepEqual(JSON.parse(get().stdout), {ServerURL: HOST, Username: 'bob', Secret: 'bob-Pass-2'});
});
