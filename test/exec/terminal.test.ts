// regauth exec on a real terminal (node-pty): Ctrl+C reaches the command once — from the terminal,
// which signals the whole foreground process group — and regauth does not send a second one
// (docs/ci.md §2.4). The command here counts the SIGINTs it gets, then exits 3.
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInPty} from '../support/pty.js';
import {CLI} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {type Lab, leaks, machine, privateDirs, registryLab} from './lab.js';

const lab: Lab = await registryLab(tempDir());

test('Ctrl+C on a terminal: the command gets one SIGINT, exits as it chooses; the directory is removed', async () => {
	const m = machine(tempDir());
	const secret = join(m.home, 'token');
	writeFileSync(secret, lab.registry.password, {mode: 0o600});
	const counter =
		"let n=0; process.on('SIGINT',()=>console.log('INT '+(++n))); console.log('ready'); setTimeout(()=>{console.log('total '+n); process.exit(3)}, 2500)";
	const command = [CLI, 'exec', '-r', lab.registry.host, '-u', lab.registry.username, '--password-stdin', '--', process.execPath, '-e', counter];
	// exec: the shell's place is taken by regauth, so regauth and the command form the foreground group.
	const quoted = command.map(part => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
	const pty = runInPty('sh', ['-c', `exec ${quoted} < '${secret}'`], {cwd: m.home, env: m.env, columns: 100, rows: 20});
	await pty.waitFor(/ready/, 20_000);
	await pty.press('\x03');
	const exit = await pty.exit;
	assert.match(pty.history(), /total 1/, pty.screen());
	assert.equal(exit.exitCode, 3);
	assert.deepEqual(privateDirs(m), []);
	assert.deepEqual(
		leaks(m, lab.registry).filter(path => !path.startsWith(secret)),
		[],
	);
});
