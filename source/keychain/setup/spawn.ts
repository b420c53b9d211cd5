// Running the programs a keychain set-up needs (gpg, pass, gnome-keyring-daemon, systemctl):
// a deadline, no terminal, and a secret only ever on a pipe — stdin or fd 3, which gpg reads
// with --passphrase-fd 3 — never in argv (docs/keychains.md §1.1).
import {spawn} from 'node:child_process';

export interface ProgramRun {
	code: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	/** The program could not be started (not installed, not executable). */
	spawnError?: string;
}

export interface ProgramOptions {
	env: NodeJS.ProcessEnv;
	/** Written to stdin, which is then closed. */
	input?: string;
	/** Written to fd 3 (a pipe), for gpg's --passphrase-fd 3. */
	fd3?: string;
	timeoutMs?: number;
	cwd?: string;
}

export function runProgram(file: string, args: readonly string[], options: ProgramOptions): Promise<ProgramRun> {
	return new Promise(resolve => {
		// detached: a new session without a controlling terminal, so gpg and pass never try to
		// open /dev/tty for a prompt regauth could not answer (they fail instead, and say why).
		const child = spawn(file, [...args], {
			env: options.env,
			cwd: options.cwd,
			detached: true,
			stdio: ['pipe', 'pipe', 'pipe', options.fd3 === undefined ? 'ignore' : 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, options.timeoutMs ?? 60_000);
		child.stdout!.on('data', chunk => (stdout += chunk));
		child.stderr!.on('data', chunk => (stderr += chunk));
		child.on('error', error => {
			clearTimeout(timer);
			resolve({code: null, stdout, stderr, timedOut: false, spawnError: error.message});
		});
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr, timedOut});
		});
		child.stdin!.on('error', () => undefined);
		child.stdin!.end(options.input ?? '');
		const fd3 = child.stdio[3] as NodeJS.WritableStream | null | undefined;
		if (fd3 && options.fd3 !== undefined) {
			(fd3 as unknown as {on: (event: string, listener: () => void) => void}).on('error', () => undefined);
			fd3.end(`${options.fd3}\n`);
		}
	});
}

/** The last lines a failed program printed, for a message (programs here never echo secrets). */
export function lastLines(run: ProgramRun, count = 3): string {
	if (run.spawnError) return run.spawnError;
	if (run.timedOut) return 'did not finish in time and was stopped';
	return `${run.stderr}\n${run.stdout}`
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean)
		.slice(-count)
		.join(' ');
}
