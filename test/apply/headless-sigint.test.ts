// Ctrl+C in a headless run: while the registry check hangs (a server that never answers) and
// while files are being written. Exit status 130 (or death by SIGINT, which a shell shows as
// 130), and never a half-done state: before the apply nothing at all is written.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {CLI, cleanEnv} from '../support/run-cli.js';
import {startSilentServer} from '../support/silent-server.js';
import {tempDir} from '../support/temp.js';

test('SIGINT during the registry check: exit 130, nothing written', async () => {
	const server = await startSilentServer();
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	const original = '{\n\t"auths": {}\n}\n';
	writeFileSync(config, original, {mode: 0o600});
	const child = spawn(process.execPath, [CLI, '-r', server.host, '-u', 'u', '--password-stdin', '-t', 'docker,kubernetes', '--verify-timeout', '30', '--yes'], {
		env: cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state')}),
		cwd: dir,
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	child.stdin.end('pw');
	let stderr = '';
	child.stderr.on('data', chunk => (stderr += chunk));
	// Wait until the check has reached the silent server, then interrupt.
	for (const deadline = Date.now() + 20_000; server.accepted() === 0 && Date.now() < deadline; ) await new Promise(resolve => setTimeout(resolve, 50));
	assert.ok(server.accepted() > 0, 'the check reached the server');
	child.kill('SIGINT');
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.on('close', (c, s) => resolve([c, s])));
	assert.ok(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}: ${stderr}`);
	assert.equal(readFileSync(config, 'utf8'), original);
	assert.deepEqual(readdirSync(join(home, '.docker')), ['config.json']);
	assert.equal(existsSync(join(dir, 'regauth')), false, 'no manifest written');
	assert.equal(existsSync(join(dir, 'state')), false, 'no journal written');
	await server.stop();
});
