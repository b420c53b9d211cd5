// Lost routes: regauth runs at once with --keychain regauth on one config.json, in a real keyring
// (gnome-keyring in a private D-Bus session). Each run stores the secret, then writes the route
// (credHelpers) that points docker at it. Every run that succeeds must have both; a run that
// fails must not leave a keychain item without its route.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');

test('4 keychain runs at once, 3 rounds: every stored secret has its route, no route is lost', async t => {
	const dir = tempDir();
	const keyring = startKeyring(join(dir, 'keyring'));
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	writeFileSync(config, '{\n\t"auths": {}\n}\n', {mode: 0o600});
	const env = cleanEnv(home, {...keyring.env, HOME: home, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});
	const outcomes: Array<{host: string; code: number | null; output: string}> = [];
	for (let round = 0; round < 3; round++) {
		const hosts = Array.from({length: 4}, (_, i) => `k${round}-${i}.example.com`);
		const results = await Promise.all(
			hosts.map(host =>
				runCli(['-r', host, '-u', 'u', '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--no-verify', '--yes'], {
					env,
					cwd: dir,
					input: 'pw',
					timeoutMs: 120_000,
				}),
			),
		);
		for (const [i, result] of results.entries()) outcomes.push({host: hosts[i]!, code: result.code, output: result.stdout + result.stderr});
	}
	const routes = (JSON.parse(readFileSync(config, 'utf8')) as {credHelpers?: Record<string, string>}).credHelpers ?? {};
	const inKeychain = (host: string) => {
		try {
			return execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', host], {env, encoding: 'utf8'}) !== '';
		} catch {
			return false;
		}
	};
	const ok = outcomes.filter(outcome => outcome.code === 0);
	const lostRoutes = ok.filter(outcome => routes[outcome.host] !== 'regauth').map(outcome => outcome.host);
	const orphans = outcomes.filter(outcome => inKeychain(outcome.host) && routes[outcome.host] !== 'regauth').map(outcome => outcome.host);
	t.diagnostic(`keychain: ${ok.length}/${outcomes.length} exit 0; routes lost: ${lostRoutes.length}; keychain items without a route: ${orphans.length}`);
	for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.output);
	assert.deepEqual(lostRoutes, []);
	assert.deepEqual(orphans, []);
});
