// docker-credential-secretservice keeps one item per server AND user and `get` answers with any
// of them (docs/formats.md §2.3), so storing a second user for a registry used to leave docker
// reading the old one. regauth erases the server's items before it stores. Real parts:
// gnome-keyring in a private D-Bus session, Docker's own helper, secret-tool and the docker CLI.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('docker-credential-secretservice', 'apt-get install golang-docker-credential-helpers (see .ci/run)');
requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
requireProgram('docker', 'the docker CLI (see .ci/run)');

const USERS = ['ciuser', 'user name', 'org+robot', 'ciuser', "o'neil"];
const RUNS = 25;

test(`--keychain secretservice: after each of ${RUNS} stores for one registry, docker reads the user just stored`, async () => {
	const dir = tempDir();
	const keyring = startKeyring(join(dir, 'keyring'));
	const home = keyring.env.HOME!;
	const env = cleanEnv(home, keyring.env);
	const server = '127.0.0.1:5999';
	let right = 0;
	let dockerRight = 0;
	// Collected, not asserted at once, so a failure prints the whole tally.
	const wrong: string[] = [];
	for (let i = 0; i < RUNS; i++) {
		const user = USERS[i % USERS.length]!;
		const password = `pw-${i}-${user}`;
		const run = await runCli(['-r', server, '-u', user, '--password-stdin', '-t', 'docker', '--keychain', 'secretservice', '--no-verify', '--yes'], {
			input: `${password}\n`,
			env,
		});
		assert.equal(run.code, 0, run.stdout + run.stderr);
		// What docker asks the helper for this registry.
		const get = spawnSync('docker-credential-secretservice', ['get'], {env, input: server, encoding: 'utf8', timeout: 30_000});
		const found = JSON.parse(get.stdout) as {Username: string; Secret: string};
		if (found.Username === user && found.Secret === password) right++;
		else wrong.push(`run ${i + 1}: stored ${user}, got ${found.Username}`);
		// One item for the server, whatever users came before.
		const items = spawnSync('secret-tool', ['search', '--all', 'server', server], {env, encoding: 'utf8', timeout: 30_000});
		const count = (items.stdout + items.stderr).match(/^attribute\.username = /gm)?.length ?? 0;
		if (count !== 1) wrong.push(`run ${i + 1}: ${count} keychain items for ${server}`);
		// docker itself, every fifth run (it needs no daemon to print the stored user).
		if (i % 5 === 4) {
			const docker = spawnSync('docker', ['login', server], {env, input: '', encoding: 'utf8', timeout: 60_000});
			if ((docker.stdout + docker.stderr).includes(`[Username: ${user}]`)) dockerRight++;
			else wrong.push(`run ${i + 1}: docker login printed ${JSON.stringify(docker.stdout + docker.stderr)}`);
		}
	}
	console.log(`second user, secretservice: helper returned the user just stored ${right}/${RUNS}; docker login ${dockerRight}/${RUNS / 5}`);
	assert.deepEqual(wrong, []);
	assert.equal(right, RUNS);
});
