// A run SIGKILLed while it holds the lock beside config.json cannot remove `<file>.lock`; the next
// run must take it over as stale (5 s untouched, docs/concurrency.md §1) and write its entry. The
// holder is regauth's own lockFile in a child process, killed for real.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const FILE_LOCK = fileURLToPath(new URL('../../source/apply/file-lock.ts', import.meta.url));

test('a lock left by a SIGKILLed holder is taken over and the next run writes its entry', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	const config = join(home, '.docker', 'config.json');
	mkdirSync(join(home, '.docker'), {recursive: true, mode: 0o700});
	writeFileSync(config, '{"auths":{}}\n', {mode: 0o600});

	// The holder stays alive until killed: proper-lockfile's refresh timer does not keep node running,
	// and a holder that ended by itself would release its lock on exit (seen under CI load).
	const holder = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'-e',
			`import(${JSON.stringify(FILE_LOCK)}).then(m => m.lockFile(${JSON.stringify(config)})).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`,
		],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	await new Promise<void>((resolve, reject) => {
		holder.stdout.on('data', chunk => String(chunk).includes('locked') && resolve());
		holder.on('exit', code => reject(new Error(`the holder exited (${code}) before it locked`)));
	});
	holder.kill('SIGKILL');
	await new Promise(resolve => holder.once('exit', resolve));
	assert.ok(existsSync(`${config}.lock`), 'the killed holder left its lock');

	const started = Date.now();
	const run = await runCli(['-r', 'after-kill.example.com', '-u', 'ci', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {
		input: 'pw-after-kill\n',
		env: cleanEnv(home),
	});
	const seconds = (Date.now() - started) / 1000;
	console.log(`run after a SIGKILLed lock holder: exit ${run.code} after ${seconds.toFixed(1)} s`);
	assert.equal(run.code, 0, run.stdout + run.stderr);
	assert.ok(JSON.parse(readFileSync(config, 'utf8')).auths['after-kill.example.com'].auth);
	assert.ok(!existsSync(`${config}.lock`), 'the stale lock is gone');
});
