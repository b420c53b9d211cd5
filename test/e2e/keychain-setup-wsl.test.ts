// WSL, SIMULATED: this machine is not WSL and has no Windows. The WSL signal is the
// WSL_DISTRO_NAME variable WSL's init sets, and docker-credential-wincred.exe is a stand-in
// written below that speaks docker's helper protocol and, like Windows' Credential Manager,
// refuses secrets over 2,560 bytes with "The stub received bad data.". The registry, regauth's
// login and skopeo's pull through the stand-in are real.
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {skopeoInspect} from '../support/keychain-lab.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const STAND_IN = `#!/usr/bin/env node
// Stand-in for docker-credential-wincred.exe (a simulation: no Windows here).
const fs = require('node:fs');
const file = process.env.STAND_IN_STORE;
const load = () => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const input = fs.readFileSync(0, 'utf8').trim();
const all = load();
const action = process.argv[2];
const out = text => process.stdout.write(text + '\\n');
if (action === 'store') {
	const c = JSON.parse(input);
	if (Buffer.byteLength(c.Secret, 'utf8') > 2560) { out('The stub received bad data.'); process.exit(1); }
	all[c.ServerURL] = {Username: c.Username, Secret: c.Secret};
	fs.writeFileSync(file, JSON.stringify(all));
} else if (action === 'get') {
	if (!all[input]) { out('credentials not found in native keychain'); process.exit(1); }
	out(JSON.stringify({ServerURL: input, ...all[input]}));
} else if (action === 'erase') {
	delete all[input];
	fs.writeFileSync(file, JSON.stringify(all));
} else if (action === 'list') {
	out(JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.Username]))));
} else { out('Unknown credential action'); process.exit(1); }
`;

test('WSL (simulated): setup routes to docker-credential-wincred.exe after a round trip; tokens over 2,560 bytes are refused', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	const bin = join(dir, 'windows-bin');
	mkdirSync(home, {recursive: true});
	mkdirSync(bin);
	writeFileSync(join(bin, 'docker-credential-wincred.exe'), STAND_IN);
	chmodSync(join(bin, 'docker-credential-wincred.exe'), 0o755);
	const store = join(dir, 'windows-credential-manager.json');
	const registry = await startRegistry(join(dir, 'registry'));
	const image = buildOciImage(join(dir, 'oci'));
	const reference = pushImage(image, registry);
	const env = cleanEnv(home, {PATH: `${bin}:${process.env.PATH}`, WSL_DISTRO_NAME: 'Debian', STAND_IN_STORE: store});

	const setup = await runCli(['keychain', 'setup', '--store', 'wincred', '--yes', '-r', registry.host], {env});
	assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
	assert.match(setup.stdout, /WSL detected \(WSL_DISTRO_NAME=Debian\)/);
	assert.match(setup.stdout, /✓ docker-credential-wincred\.exe: store, get and erase of a test credential worked/);
	assert.match(setup.stdout, /at most 2560 bytes per credential/);
	const config = join(home, '.docker', 'config.json');
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {auths: {}, credHelpers: {[registry.host]: 'wincred.exe'}});
	assert.deepEqual(JSON.parse(readFileSync(store, 'utf8')), {}, 'the test credential was erased');

	// Without --store, WSL with a reachable Windows helper picks it, and says why.
	const chosen = await runCli(['keychain', 'setup', '--yes'], {env});
	assert.equal(chosen.code, 0, chosen.stderr);
	assert.match(chosen.stdout, /^Store: wincred \(WSL \(WSL_DISTRO_NAME=Debian\) with docker-credential-wincred\.exe reachable/m);

	// The route went through apply: regauth undo takes it back (the file did not exist before).
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, undo.stderr);
	assert.equal(existsSync(config), false);

	// A token of 2,561 bytes (one over; é is two bytes in UTF-8): refused before anything is written.
	const long = `${'a'.repeat(2559)}é`;
	const refused = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'wincred.exe', '--yes'], {
		input: long,
		env,
	});
	assert.equal(refused.code, 2, refused.stderr);
	assert.match(
		refused.stderr,
		/--keychain: the token for .* is 2561 bytes, and docker-credential-wincred\.exe keeps it in Windows' Credential Manager, which holds at most 2560 bytes/,
	);
	assert.deepEqual(JSON.parse(readFileSync(store, 'utf8')), {});

	// A token that fits goes through: stored in the stand-in, read back by skopeo through it.
	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'wincred.exe', '--yes'], {
		input: registry.password,
		env,
	});
	assert.equal(login.code, 0, login.stderr);
	const inspect = skopeoInspect(config, reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);
	assert.equal(JSON.parse(inspect.stdout).Digest, image.manifestDigest);
});

test('with no store installed at all, setup says what to install', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	const empty = join(dir, 'empty-path');
	mkdirSync(home);
	mkdirSync(empty);
	const run = await runCli(['keychain', 'setup', '--yes'], {env: cleanEnv(home, {PATH: empty})});
	assert.equal(run.code, 1, run.stderr);
	assert.match(
		run.stderr,
		/no credential store can be set up here yet\. Install one: Debian\/Ubuntu sudo apt-get install pass gnupg golang-docker-credential-helpers/,
	);
});

test('--store wincred off WSL says where it works; without the helper, what to install', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	// On a real WSL machine the first case does not apply.
	if (existsSync('/proc/sys/fs/binfmt_misc/WSLInterop')) return;
	const off = await runCli(['keychain', 'setup', '--store', 'wincred', '--yes'], {env: cleanEnv(home)});
	assert.equal(off.code, 2, off.stderr);
	assert.match(off.stderr, /--store wincred uses Windows' Credential Manager, reachable only from WSL/);
	const missing = await runCli(['keychain', 'setup', '--store', 'desktop', '--yes'], {env: cleanEnv(home, {WSL_DISTRO_NAME: 'Debian'})});
	assert.equal(missing.code, 1, missing.stderr);
	assert.match(missing.stderr, /docker-credential-desktop\.exe was not found on PATH: .*WSL integration/);
});
