// Docker Hub with a keychain, read by docker AND by podman's library: regauth's config.json must
// route Docker Hub under docker's key (`https://index.docker.io/v1/`) and under `docker.io`, the
// only name containers/image (skopeo, podman, buildah) looks up in credHelpers (docs/formats.md
// §8.1). Real parts: gnome-keyring in a private D-Bus session, docker-credential-secretservice,
// regauth's own helper, skopeo and the docker CLI. No network: both only read the stored login.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
requireProgram('docker', 'the docker CLI (see .ci/run)');
requireProgram('docker-credential-secretservice', 'apt-get install golang-docker-credential-helpers (see .ci/run)');

for (const keychain of ['secretservice', 'regauth']) {
	test(`-r docker.io -t docker --keychain ${keychain}: docker and skopeo both find the Docker Hub login`, async () => {
		const dir = tempDir();
		const keyring = startKeyring(join(dir, 'keyring'));
		const home = keyring.env.HOME!;
		// ~/.local/bin first on PATH, as on a desktop: regauth installs its launcher there.
		const env = cleanEnv(home, {...keyring.env, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});

		const run = await runCli(['-r', 'docker.io', '-u', 'hub-alice', '--password-stdin', '-t', 'docker', '--keychain', keychain, '--no-verify', '--yes'], {
			input: 'hub-pässword-1\n',
			env,
		});
		assert.equal(run.code, 0, run.stdout + run.stderr);
		const config = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'));
		assert.deepEqual(config.credHelpers, {'https://index.docker.io/v1/': keychain, 'docker.io': keychain});
		// Only config.json: skopeo must find Docker Hub there, not in an auth.json of its own.
		assert.ok(!existsSync(join(home, '.config', 'containers', 'auth.json')));

		// skopeo's credential look-up (the one podman and buildah use too), from config.json alone.
		const skopeo = spawnSync('skopeo', ['login', '--get-login', 'docker.io'], {env, encoding: 'utf8', timeout: 60_000});
		assert.equal(skopeo.status, 0, skopeo.stderr);
		assert.equal(skopeo.stdout.trim(), 'hub-alice');

		// docker reads its own key through the helper; it then fails for want of a daemon, after
		// printing the user it found.
		const docker = spawnSync('docker', ['login'], {env, input: '', encoding: 'utf8', timeout: 60_000});
		assert.match(docker.stdout + docker.stderr, /Authenticating with existing credentials\.\.\. \[Username: hub-alice\]/);

		// Both names answer with the same credential from the keychain.
		const helper = keychain === 'regauth' ? join(home, '.local', 'bin', 'docker-credential-regauth') : 'docker-credential-secretservice';
		for (const server of ['https://index.docker.io/v1/', 'docker.io']) {
			const get = spawnSync(helper, ['get'], {env, input: server, encoding: 'utf8', timeout: 30_000});
			assert.equal(get.status, 0, get.stdout + get.stderr);
			assert.deepEqual(JSON.parse(get.stdout), {ServerURL: server, Username: 'hub-alice', Secret: 'hub-pässword-1'});
		}
	});
}
