// Docker's own helper (--keychain secretservice) and the real docker CLI storing through
// docker-credential-regauth, each in its own real keyring session against a real registry.

import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {launcherScript} from '../../source/keychain/launcher.js';
import {keychainLab, skopeoInspect} from '../support/keychain-lab.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, HELPER, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

test("--keychain secretservice: Docker's helper stores it, config.json routes to it, skopeo pulls", async () => {
	requireProgram('docker-credential-secretservice', 'apt-get install golang-docker-credential-helpers (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference, digest} = await keychainLab(dir);
	const env = cleanEnv(home, keyring.env);

	const run = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'secretservice', '--yes'], {
		input: `${registry.password}\n`,
		env,
	});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, /✓ Store the .* credential in the keychain \(docker-credential-secretservice\)/);
	assert.doesNotMatch(run.stdout, /Launcher/);

	// Docker's item (schema io.docker.Credentials), as docker-credential-secretservice stores it.
	const secret = execFileSync('secret-tool', ['lookup', 'server', registry.host, 'docker_cli', '1'], {env, encoding: 'utf8'});
	assert.equal(secret, registry.password);
	const config = join(home, '.docker', 'config.json');
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {auths: {[registry.host]: {}}, credHelpers: {[registry.host]: 'secretservice'}});
	assert.deepEqual(filesContaining(home, secretForms(registry.username, registry.password)), []);

	const inspect = skopeoInspect(config, reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);
	assert.equal(JSON.parse(inspect.stdout).Digest, digest);
});

test('the real docker CLI logs in through docker-credential-regauth (credHelpers), and regauth reuses what it stored', async () => {
	requireProgram('docker', 'the docker CLI (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference} = await keychainLab(dir);
	// The launcher regauth installs, in a directory first on PATH.
	const bin = join(dir, 'bin');
	mkdirSync(bin);
	writeFileSync(join(bin, 'docker-credential-regauth'), launcherScript({node: process.execPath, script: HELPER}));
	chmodSync(join(bin, 'docker-credential-regauth'), 0o755);
	// An explicit config: an empty one would make docker pick pass/secretservice by itself (docs/real-parts.md §3).
	const dockerConfig = join(dir, 'docker-config');
	mkdirSync(dockerConfig, {mode: 0o700});
	writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({auths: {}, credHelpers: {[registry.host]: 'regauth'}}));
	const env = cleanEnv(home, {...keyring.env, PATH: `${bin}:${process.env.PATH}`, DOCKER_CONFIG: dockerConfig});

	const login = spawnSync('docker', ['login', registry.host, '--username', registry.username, '--password-stdin'], {
		env,
		input: registry.password,
		encoding: 'utf8',
		timeout: 60_000,
	});
	assert.equal(login.status, 0, login.stderr);
	assert.match(login.stdout, /Login Succeeded/);
	assert.doesNotMatch(login.stderr, /stored unencrypted/);
	const item = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.deepEqual(JSON.parse(item), {Username: registry.username, Secret: registry.password});
	assert.deepEqual(filesContaining(dockerConfig, secretForms(registry.username, registry.password)), []);
	const inspect = skopeoInspect(join(dockerConfig, 'config.json'), reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);

	// What docker stored, regauth can reuse for outputs that need the secret itself.
	const out = join(dir, 'out');
	const reuse = await runCli(['-r', registry.host, '-t', 'kubernetes', '--from-keychain', '--yes', '-o', out], {env});
	assert.equal(reuse.code, 0, reuse.stderr);
	// The Secret holds exactly the credential docker stored: decode it, not just its presence.
	const secret = readFileSync(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'), 'utf8');
	const data = /\.dockerconfigjson: (\S+)/.exec(secret)?.[1];
	assert.ok(data, secret);
	const entry = JSON.parse(Buffer.from(data, 'base64').toString('utf8')).auths[registry.host];
	assert.equal(entry.username, registry.username);
	assert.equal(entry.password, registry.password);
	assert.equal(Buffer.from(entry.auth, 'base64').toString('utf8'), `${registry.username}:${registry.password}`);

	// docker logout erases through the helper.
	const logout = spawnSync('docker', ['logout', registry.host], {env, encoding: 'utf8', timeout: 60_000});
	assert.equal(logout.status, 0, logout.stderr);
	const gone = spawnSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.notEqual(gone.status, 0);
});
