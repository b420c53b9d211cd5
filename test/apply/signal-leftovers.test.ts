// Leftovers: SIGTERM and SIGINT mid-apply remove the temp file being written (it may hold the
// password); a SIGKILL cannot be caught, so the next run removes what it left.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {ARGS, runAndKill, timed} from './kill-run.js';

function fresh(root: string, name: string) {
	const dir = join(root, name);
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	writeFileSync(join(home, '.docker', 'config.json'), '{\n\t"auths": {}\n}', {mode: 0o600});
	return {dir, home, env: cleanEnv(home)};
}

function temps(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter(name => /\.regauth-[0-9a-f]{12}\.tmp$/.test(name));
}

test('SIGTERM and SIGINT mid-apply leave no temp file; one left by a SIGKILL is removed by the next run', async () => {
	const root = tempDir();
	const reference = fresh(root, 'reference');
	const full = await timed(() => runCli(ARGS, {env: reference.env, cwd: reference.dir, input: 'the-password'}));
	const left: string[] = [];
	for (let run = 0; run < 10; run++) {
		const {dir, env} = fresh(root, `term${run}`);
		const signal = run % 2 === 0 ? 'SIGTERM' : 'SIGINT';
		await runAndKill(env, dir, full * (0.5 + Math.random() * 0.6), signal);
		left.push(...temps(dir).map(name => `${signal}: ${name}`));
	}
	assert.deepEqual(left, [], 'temp files left after SIGTERM/SIGINT');

	// A SIGKILL cannot be caught: plant what it leaves (a temp holding the password) and run again.
	const {dir, home, env} = fresh(root, 'swept');
	const stale = join(home, '.docker', '.config.json.regauth-0123456789ab.tmp');
	writeFileSync(stale, '{"auths":{"quay.io":{"auth":"the-password"}}}', {mode: 0o600});
	const again = await runCli(ARGS, {env, cwd: dir, input: 'the-password'});
	assert.equal(again.code, 0, again.stderr);
	assert.equal(existsSync(stale), false, 'the next run removed the temp file a killed run left');
	assert.deepEqual(temps(dir), []);
});
