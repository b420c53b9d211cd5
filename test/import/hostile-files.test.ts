// --import reads files from elsewhere: hostile ones get a message, quickly, and nothing from them
// reaches the terminal raw. FIFOs, devices and files over 1 MiB are refused before reading.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {importCredentials} from '../../source/import/quay-files.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const refused = (text: string) => {
	const result = importCredentials(text, 'robot.json');
	assert.ok(!result.ok, 'refused');
	return result.message;
};

test('a YAML alias bomb and deeply nested JSON get messages, not crashes', () => {
	const bomb = [
		'a: &a ["x","x","x","x","x","x","x","x","x"]',
		...Array.from(
			{length: 9},
			(_, i) =>
				`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
					.fill(`*${String.fromCharCode(97 + i)}`)
					.join(',')}]`,
		),
		'kind: Secret',
	].join('\n');
	assert.match(refused(bomb), /robot\.json/);
	assert.match(refused(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), /robot\.json/);
	assert.match(refused(`{"auths": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`), /robot\.json/);
});

test('a file with thousands of registries is refused at once', () => {
	const auths = Object.fromEntries(Array.from({length: 20_000}, (_, i) => [`r${i}.example.com`, {auth: Buffer.from('u:p').toString('base64')}]));
	assert.match(refused(JSON.stringify({auths})), /holds 20000 logins; .* at most 100/);
});

test('names from the file are shown escaped in found and in errors', () => {
	const auth = Buffer.from('org+bot\u001b[2J\u001b]0;PWNED\u0007:token').toString('base64');
	const result = importCredentials(JSON.stringify({auths: {'quay.io': {auth}}}), 'robot.json');
	assert.ok(result.ok);
	assert.ok(!result.found.includes('\u001b'));
	assert.match(result.found, /org\+bot\\u001B\[2J\\u001B\]0;PWNED\\u0007/);
	assert.ok(!refused('docker login -u "robot\u001b]0;x\u0007" quay.io').includes('\u001b'));
});

test('--import refuses a FIFO, a device and a file over 1 MiB at once', async () => {
	const dir = tempDir();
	const fifo = join(dir, 'robot.fifo');
	execFileSync('mkfifo', [fifo]);
	const big = join(dir, 'big.json');
	writeFileSync(big, `{"auths": {}, "pad": "${'x'.repeat(1024 * 1024)}"}`);
	const env = cleanEnv(join(dir, 'home'));
	for (const [file, message] of [
		[fifo, /it is a FIFO \(named pipe\), not a file\. To read a stream, use --import - < FILE\./],
		['/dev/zero', /it is a device, not a file/],
		[big, /it is larger than 1 MiB/],
	] as const) {
		// A FIFO would block the read and /dev/zero never ends: the run's own time limit is the
		// hang guard (a hang fails on the exit code), not a timing assertion.
		const result = await runCli(['--import', file, '-t', 'docker', '--no-verify', '--dry-run'], {env, cwd: dir, timeoutMs: 10_000});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, message);
	}
});

test('a hostile user name in an --import file never reaches the terminal raw', async () => {
	const dir = tempDir();
	const file = join(dir, 'login.txt');
	writeFileSync(file, 'docker login -u "robot\u001b]0;PWNED-import\u0007" -p "tok" quay.io\n');
	const result = await runCli(['--import', file, '-t', 'docker', '--no-verify', '--dry-run'], {env: cleanEnv(join(dir, 'home')), cwd: dir});
	assert.ok(!(result.stdout + result.stderr).includes('\u001b'), result.stderr);
	assert.ok(!(result.stdout + result.stderr).includes('\u0007'));
	assert.match(result.stderr, /robot\\u001B\]0;PWNED-import\\u0007/);
});
