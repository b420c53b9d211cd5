// `--apply commands` runs the real docker CLI's `docker login --password-stdin` against a real
// registry (Debian's docker-registry with htpasswd). No docker engine is needed: the CLI logs
// in client-side. DOCKER_CONFIG points at a temp dir that already holds a config, otherwise the
// Debian credential helpers would be picked as the default store (docs/real-parts.md §3).

import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('docker', 'the docker CLI comes with the CI machine image (or apt-get install docker.io)');

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	const dockerConfig = join(dir, 'docker-config');
	mkdirSync(home);
	mkdirSync(dockerConfig);
	writeFileSync(join(dockerConfig, 'config.json'), '{\n\t"auths": {\n\t\t"other.example.com": {\n\t\t\t"auth": "b3RoZXI6eA=="\n\t\t}\n\t}\n}');
	return {dir, dockerConfig, env: cleanEnv(home, {DOCKER_CONFIG: dockerConfig})};
}

test('docker login with the password on stdin stores the login in $DOCKER_CONFIG', async () => {
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const {dir, dockerConfig, env} = setup();
	const result = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--apply', 'commands', '--yes'], {
		env,
		cwd: dir,
		input: registry.password,
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.match(result.stdout, /✓ docker login 127\.0\.0\.1:\d+ — Login Succeeded/);
	const config = JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8'));
	assert.equal(config.auths[registry.host].auth, Buffer.from(`${registry.username}:${registry.password}`).toString('base64'));
	assert.ok(config.auths['other.example.com'], 'the other login is kept');
	assert.ok(!result.stdout.includes(registry.password) && !result.stderr.includes(registry.password));
});

test('a wrong password is refused before docker runs; with --no-verify docker login itself fails; nothing changes', async () => {
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const {dir, dockerConfig, env} = setup();
	const before = readFileSync(join(dockerConfig, 'config.json'), 'utf8');
	const args = ['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--apply', 'commands', '--yes'];
	const verified = await runCli(args, {env, cwd: dir, input: 'wrong-password'});
	assert.equal(verified.code, 1);
	assert.match(verified.stderr, /rejected the user name or password/);
	const result = await runCli([...args, '--no-verify'], {env, cwd: dir, input: 'wrong-password'});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /✗ docker login 127\.0\.0\.1:\d+ — docker exited with 1: .*(401|unauthorized)/i);
	assert.equal(readFileSync(join(dockerConfig, 'config.json'), 'utf8'), before);
});
