// Secrets reach child processes on stdin only. Fake docker, kubectl and credential helpers
// first on PATH record their argv, environment and stdin; the secret must appear only in stdin.

import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {recordingPrograms} from '../support/recording-program.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const PASSWORD = 'Tr4nsport-Secret-Ω';
const AUTH = Buffer.from(`org+bot:${PASSWORD}`).toString('base64');

test('docker login, kubectl apply and a credential helper get the secret only on stdin', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const {bin, calls} = recordingPrograms(dir, ['docker', 'kubectl', 'docker-credential-fakestore'], {kubectl: '{"metadata":{"name":"default"}}'});
	const env = cleanEnv(home, {PATH: `${bin}:${process.env.PATH}`});

	const login = await runCli(
		[
			'-r',
			'quay.io',
			'-u',
			'org+bot',
			'--password-stdin',
			'-t',
			'docker,kubernetes',
			'-n',
			'web',
			'--service-account',
			'default',
			'--apply',
			'commands',
			'--yes',
		],
		{env, cwd: dir, input: PASSWORD},
	);
	assert.equal(login.code, 0, login.stdout + login.stderr);
	const keychain = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker', '--keychain', 'fakestore', '--yes'], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(keychain.code, 0, keychain.stdout + keychain.stderr);

	const recorded = calls();
	assert.deepEqual(
		recorded.map(call => `${call.program} ${call.argv.slice(0, 2).join(' ')}`),
		[
			'docker login quay.io',
			'kubectl apply --namespace',
			'kubectl get secret',
			'kubectl get serviceaccount',
			'kubectl patch serviceaccount',
			'docker-credential-fakestore get',
			// the item there now, kept for regauth undo before it is replaced
			'docker-credential-fakestore get',
			// a foreign helper may keep an item per user: its items for the server go first
			'docker-credential-fakestore erase',
			'docker-credential-fakestore store',
		],
	);
	for (const call of recorded) {
		const visible = `${call.argv.join('\0')}\0${Object.entries(call.env)
			.map(([key, value]) => `${key}=${value}`)
			.join('\0')}`;
		for (const secret of [PASSWORD, AUTH]) assert.ok(!visible.includes(secret), `${call.program} ${call.argv.join(' ')} saw the secret outside stdin`);
	}
	assert.equal(recorded[0]!.stdin, `${PASSWORD}\n`);
	assert.ok(recorded[1]!.stdin.includes('.dockerconfigjson'));
	assert.ok(!recorded[5]!.stdin.includes(PASSWORD), 'the keychain probe sends no secret');
	assert.equal(recorded[6]!.stdin, 'quay.io', 'get gets only the server');
	assert.equal(recorded[7]!.stdin, 'quay.io\n', 'erase gets only the server');
	assert.deepEqual(JSON.parse(recorded[8]!.stdin), {ServerURL: 'quay.io', Username: 'org+bot', Secret: PASSWORD});
	for (const output of [login.stdout, login.stderr, keychain.stdout, keychain.stderr]) {
		assert.ok(!output.includes(PASSWORD) && !output.includes(AUTH));
	}
});

test('a program that echoes its stdin has the secret scrubbed from what regauth prints', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const bin = join(dir, 'bin');
	mkdirSync(bin);
	const {writeFileSync, chmodSync} = await import('node:fs');
	writeFileSync(join(bin, 'docker'), '#!/bin/sh\necho "echoing: $(cat)"\necho "failed for $(cat)" >&2\nexit 1\n');
	chmodSync(join(bin, 'docker'), 0o755);
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker', '--apply', 'commands', '--yes'], {
		env: cleanEnv(home, {PATH: `${bin}:${process.env.PATH}`}),
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(result.code, 1);
	assert.match(result.stderr + result.stdout, /echoing: ••••••••/);
	assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD));
});
