// Crash safety: an apply killed with SIGKILL at random moments always leaves every destination
// either as it was or as planned, and parseable; and `regauth undo` then restores the start.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {ARGS, NAMESPACES, runAndKill, timed} from './kill-run.js';

const RUNS = 60;
const ORIGINAL = '{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "b2N0bzp4"\n\t\t}\n\t},\n\t"keepMe": true\n}';

function fresh(root: string, name: string) {
	const dir = join(root, name);
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	writeFileSync(join(home, '.docker', 'config.json'), ORIGINAL, {mode: 0o600});
	return {dir, home, env: cleanEnv(home)};
}

function destinations(dir: string, home: string): string[] {
	return [
		join(home, '.docker', 'config.json'),
		...NAMESPACES.map(ns => join(dir, 'regauth', 'kubernetes', ns, 'regcred.secret.yaml')),
		join(dir, 'regauth', 'kubernetes', 'pod-example.yaml'),
	];
}

test(`apply killed with SIGKILL at ${RUNS} random moments never leaves a half-written file`, {timeout: 420_000}, async () => {
	const root = tempDir();
	// What "as planned" means: the bytes of a complete run.
	const reference = fresh(root, 'reference');
	const done = await runCli(ARGS, {env: reference.env, cwd: reference.dir, input: 'the-password'});
	assert.equal(done.code, 0, done.stderr);
	const planned = destinations(reference.dir, reference.home).map(path => readFileSync(path, 'utf8'));

	// Aim the kills at the write phase: between the end of a dry run and the end of a real one.
	const dryArgs = ARGS.map(arg => (arg === '--yes' ? '--dry-run' : arg));
	const dry = Math.min(...(await Promise.all([0, 1, 2].map(() => timed(() => runCli(dryArgs, {env: reference.env, cwd: reference.dir, input: 'x'}))))));
	const full = await timed(() => runCli(ARGS, {env: reference.env, cwd: reference.dir, input: 'the-password'}));
	const low = dry * 0.8;
	const high = Math.max(full * 1.2, low + 20);

	const outcomes = {untouched: 0, partial: 0, complete: 0};
	for (let run = 0; run < RUNS; run++) {
		const {dir, home, env} = fresh(root, `run${run}`);
		await runAndKill(env, dir, low + Math.random() * (high - low));
		let written = 0;
		for (const [index, path] of destinations(dir, home).entries()) {
			const original = index === 0 ? ORIGINAL : undefined;
			const now = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
			assert.ok(now === original || now === planned[index], `run ${run}: ${path} is neither as before nor as planned:\n${now}`);
			if (now !== undefined) path.endsWith('.json') ? JSON.parse(now) : parse(now);
			if (now === planned[index]) written++;
		}
		outcomes[written === 0 ? 'untouched' : written === planned.length ? 'complete' : 'partial']++;

		// Whatever the moment, undo brings back the start.
		const undo = await runCli(['undo'], {env, cwd: dir});
		assert.ok(undo.code === 0, `run ${run}: undo failed: ${undo.stdout}${undo.stderr}`);
		assert.equal(readFileSync(join(home, '.docker', 'config.json'), 'utf8'), ORIGINAL);
		for (const path of destinations(dir, home).slice(1)) assert.equal(existsSync(path), false, `run ${run}: ${path} left after undo`);
		const litter = readdirSync(join(home, '.docker')).filter(name => !name.startsWith('config.json'));
		assert.deepEqual(
			litter.filter(name => !name.endsWith('.tmp')),
			[],
			`run ${run}`,
		);
	}
	console.log(`kills: ${JSON.stringify(outcomes)} (window ${Math.round(low)}–${Math.round(high)} ms)`);
	// A test whose kills all missed the writes proves nothing about them.
	assert.ok(outcomes.partial > 0, `no kill landed in the write phase: ${JSON.stringify(outcomes)}`);
});
