// The podman target's auth.json, read by the real skopeo 1.9.3 (containers/image, the same
// library podman and buildah use) against a real registry with htpasswd auth.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {type Registry, startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

function skopeo(args: string[], env: NodeJS.ProcessEnv = process.env) {
	return spawnSync('skopeo', ['--insecure-policy', ...args], {encoding: 'utf8', env, timeout: 60_000});
}

async function registryWithImage(dir: string): Promise<{registry: Registry; image: string}> {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const registry = await startRegistry(join(dir, 'registry'));
	const image = `docker://${pushImage(buildOciImage(join(dir, 'oci')), registry)}`;
	return {registry, image};
}

test('skopeo pulls with the auth.json regauth writes, and is refused with a wrong password', async () => {
	const dir = tempDir();
	const {registry, image} = await registryWithImage(dir);

	const home = join(dir, 'home');
	mkdirSync(home);
	const run = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'podman', '--yes'], {
		input: registry.password,
		env: cleanEnv(home),
		cwd: dir,
	});
	assert.equal(run.code, 0, run.stderr);
	const authFile = join(home, '.config', 'containers', 'auth.json');
	assert.equal(statSync(authFile).mode & 0o777, 0o600);
	assert.equal(statSync(join(home, '.config', 'containers')).mode & 0o777, 0o700);

	const inspect = skopeo(['inspect', '--tls-verify=false', '--authfile', authFile, image]);
	assert.equal(inspect.status, 0, inspect.stderr);
	assert.match(JSON.parse(inspect.stdout).Digest, /^sha256:[0-9a-f]{64}$/);

	// Without --authfile: the persistent file is found by podman's own search order (the tmpfs
	// file under XDG_RUNTIME_DIR does not exist), so it works after a reboot too.
	const runtime = join(dir, 'run');
	mkdirSync(runtime, {mode: 0o700});
	const found = skopeo(['inspect', '--tls-verify=false', image], {PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: runtime});
	assert.equal(found.status, 0, found.stderr);

	const wrongHome = join(dir, 'wrong');
	mkdirSync(wrongHome);
	// --no-verify: regauth itself would refuse the wrong password; store it to prove skopeo fails.
	const wrong = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'podman', '--no-verify', '--yes'], {
		input: 'not-the-password',
		env: cleanEnv(wrongHome),
		cwd: dir,
	});
	assert.equal(wrong.code, 0, wrong.stderr);
	const refused = skopeo(['inspect', '--tls-verify=false', '--authfile', join(wrongHome, '.config', 'containers', 'auth.json'), image]);
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /unauthorized|authentication required/i);
});

test('with a keychain helper: regauth stores through it and skopeo gets the login from it via credHelpers', async () => {
	const dir = tempDir();
	const {registry, image} = await registryWithImage(dir);
	// A minimal docker-credential helper that keeps one credential in a file (protocol: docs/formats.md §2).
	const bin = join(dir, 'bin');
	mkdirSync(bin);
	const helper = join(bin, 'docker-credential-regauthtest');
	writeFileSync(
		helper,
		`#!/bin/sh\nstore="${join(dir, 'helper-store.json')}"\ncase "$1" in\n  store) cat > "$store" ;;\n  get) cat > /dev/null; if [ -f "$store" ]; then cat "$store"; else echo "credentials not found in native keychain"; exit 1; fi ;;\n  erase) rm -f "$store" ;;\n  *) exit 1 ;;\nesac\n`,
	);
	chmodSync(helper, 0o755);
	const path = `${bin}:${process.env.PATH}`;
	const home = join(dir, 'home');
	mkdirSync(home);
	const run = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'podman', '--keychain', 'regauthtest', '--yes'], {
		input: registry.password,
		env: cleanEnv(home, {PATH: path}),
		cwd: dir,
	});
	assert.equal(run.code, 0, run.stderr);
	const authFile = join(home, '.config', 'containers', 'auth.json');
	const doc = JSON.parse(readFileSync(authFile, 'utf8'));
	assert.deepEqual(doc, {auths: {}, credHelpers: {[registry.host]: 'regauthtest'}}, 'no password in the file');
	assert.deepEqual(JSON.parse(readFileSync(join(dir, 'helper-store.json'), 'utf8')), {
		ServerURL: registry.host,
		Username: registry.username,
		Secret: registry.password,
	});
	const inspect = skopeo(['inspect', '--tls-verify=false', '--authfile', authFile, image], {...process.env, PATH: path});
	assert.equal(inspect.status, 0, inspect.stderr);
});
