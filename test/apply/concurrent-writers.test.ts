// Lost updates: several regauth runs at once on one config.json and one podman auth.json, and
// regauth against a loop of the real `docker login` (which takes no lock and renames its own
// copy over the file, docs/concurrency.md). Every run that reports success must find its entry
// in both files at the end. The figures are printed as test diagnostics.

import assert from 'node:assert/strict';
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {type CliResult, cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('docker', 'the docker CLI comes with the CI machine image (or apt-get install docker.io)');

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	mkdirSync(join(home, '.config', 'containers'), {recursive: true});
	const docker = join(home, '.docker', 'config.json');
	const podman = join(home, '.config', 'containers', 'auth.json');
	writeFileSync(docker, '{\n\t"auths": {\n\t\t"kept.example.com": {\n\t\t\t"auth": "a2VwdDp4"\n\t\t}\n\t}\n}\n', {mode: 0o600});
	writeFileSync(podman, '{\n\t"auths": {}\n}\n', {mode: 0o600});
	return {dir, home, docker, podman, env: cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state')})};
}

const keys = (path: string) => Object.keys((JSON.parse(readFileSync(path, 'utf8')) as {auths: object}).auths);

function login(host: string, env: NodeJS.ProcessEnv, dir: string): Promise<CliResult> {
	return runCli(['-r', host, '-u', 'u', '--password-stdin', '-t', 'docker,podman', '--no-verify', '--yes'], {
		env,
		cwd: dir,
		input: 'pw-secret',
		timeoutMs: 120_000,
	});
}

test('8 regauth runs at once, 3 rounds: every run succeeds and no entry is lost', async t => {
	const {dir, docker, podman, env} = setup();
	let succeeded = 0;
	const hosts: string[] = [];
	for (let round = 0; round < 3; round++) {
		const batch = Array.from({length: 8}, (_, i) => `r${round}-w${i}.example.com`);
		const results = await Promise.all(batch.map(host => login(host, env, dir)));
		results.forEach((result, i) => {
			assert.equal(result.code, 0, `${batch[i]}: ${result.stdout}${result.stderr}`);
			succeeded++;
			hosts.push(batch[i]!);
		});
	}
	const inDocker = new Set(keys(docker));
	const inPodman = new Set(keys(podman));
	const lostDocker = hosts.filter(host => !inDocker.has(host));
	const lostPodman = hosts.filter(host => !inPodman.has(host));
	t.diagnostic(`8 parallel × 3 rounds: ${succeeded}/24 exit 0; lost in config.json: ${lostDocker.length}; lost in auth.json: ${lostPodman.length}`);
	assert.deepEqual(lostDocker, []);
	assert.deepEqual(lostPodman, []);
	assert.ok(inDocker.has('kept.example.com'), 'the entry regauth does not own is kept');
	const leftovers = readdirSync(join(docker, '..')).filter(name => name.endsWith('.tmp') || name.endsWith('.lock'));
	assert.deepEqual(leftovers, [], 'no temp file or lock is left');
});

test('regauth against a loop of real docker login on the same config.json: no run reports an entry that is not there', async t => {
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const {dir, docker, env} = setup();
	let stop = false;
	let dockerLogins = 0;
	const loop = (async () => {
		while (!stop) {
			const child: ChildProcess = spawn('docker', ['login', '-u', registry.username, '--password-stdin', registry.host], {
				env: {...env, DOCKER_CONFIG: join(env.HOME!, '.docker')},
				stdio: ['pipe', 'ignore', 'ignore'],
			});
			child.stdin!.end(registry.password);
			const code = await new Promise(resolve => child.on('close', resolve));
			if (code === 0) dockerLogins++;
		}
	})();
	const outcomes: Array<{host: string; result: CliResult}> = [];
	for (let i = 0; i < 12; i++) {
		const pair = [`d${i}-a.example.com`, `d${i}-b.example.com`];
		const results = await Promise.all(pair.map(host => login(host, env, dir)));
		for (const [k, result] of results.entries()) outcomes.push({host: pair[k]!, result});
	}
	stop = true;
	await loop;
	const present = new Set(keys(docker));
	const ok = outcomes.filter(outcome => outcome.result.code === 0);
	const lost = ok.filter(outcome => !present.has(outcome.host));
	const failed = outcomes.filter(outcome => outcome.result.code !== 0);
	t.diagnostic(`regauth ×${outcomes.length} vs ${dockerLogins} docker logins: ${ok.length} exit 0, ${lost.length} of those lost, ${failed.length} failed`);
	for (const outcome of failed) {
		// A run that gives up says so and names the file; it never claims the entry.
		assert.match(outcome.result.stdout + outcome.result.stderr, /changed|replaced/, outcome.result.stdout + outcome.result.stderr);
		assert.doesNotMatch(outcome.result.stdout, /✓ Docker config\.json/);
	}
	assert.ok(dockerLogins > 0, 'docker login ran during the test');
	assert.deepEqual(
		lost.map(outcome => outcome.host),
		[],
	);
});
