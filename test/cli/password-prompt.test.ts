// The headless run asks for a missing password in a terminal (as docker login does), echoes
// nothing, and without a terminal still exits 2 naming --password-stdin. -p says why not.
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {typePassword} from '../../source/cli/password-prompt.js';
import {runInPty} from '../support/pty.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

test('typing at the prompt: Backspace, Ctrl+U and Ctrl+W edit; Enter ends; Ctrl+C cancels; control keys are not typed', () => {
	assert.deepEqual(typePassword('', 'wrong\x15pass\r'), {value: 'pass', done: true, cancelled: false});
	assert.deepEqual(typePassword('', 'passs\x7f\n'), {value: 'pass', done: true, cancelled: false});
	assert.deepEqual(typePassword('', 'a b\x17'), {value: 'a ', done: false, cancelled: false});
	assert.deepEqual(typePassword('', 'ab\x01\x05'), {value: 'ab', done: false, cancelled: false});
	assert.equal(typePassword('x', '\x03').cancelled, true);
});

test('in a terminal without --password-stdin the password is asked for, never echoed, and used', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const run = runInPty(process.execPath, [CLI, '-r', 'registry.example.com', '-u', 'ci', '-t', 'docker', '--no-verify', '--dry-run'], {
		cwd: dir,
		env: {...cleanEnv(home), TERM: 'xterm-256color'},
		columns: 100,
		rows: 30,
	});
	await run.waitFor(/Password for ci at registry\.example\.com: /);
	await run.typeSlowly('s3cret-Tok');
	await run.press('\x15'); // Ctrl+U: start again, as in docker login
	await run.typeSlowly('hunter2-token');
	await run.press('\r');
	const {exitCode} = await run.exit;
	const screen = run.screen();
	assert.equal(exitCode, 0, screen);
	assert.match(screen, /config\.json/);
	assert.ok(!run.history().includes('hunter2'), 'the password was echoed');
	assert.ok(!run.history().includes('s3cret'), 'the cleared text was echoed');
	assert.ok(!/•/.test(screen.split('\n').find(line => line.includes('Password for')) ?? ''), 'no mask: the length stays private');
});

test('without a terminal: exit 2 naming --password-stdin; -p explains that passwords come only from stdin or the prompt', async () => {
	const home = tempDir();
	const piped = await runCli(['-r', 'quay.io', '-u', 'u', '--dry-run'], {env: cleanEnv(home), input: ''});
	assert.equal(piped.code, 2);
	assert.match(piped.stderr, /--password-stdin is required without a terminal/);
	const flag = await runCli(['-r', 'quay.io', '-u', 'u', '-p', 'secret'], {env: cleanEnv(home), input: ''});
	assert.equal(flag.code, 2);
	assert.match(flag.stderr, /-p\/--password: regauth takes a password only from stdin \(--password-stdin\) or, in a terminal, from its prompt/);
	assert.match(flag.stderr, /visible to other users in ps/);
	assert.ok(!flag.stderr.includes('secret'));
});
