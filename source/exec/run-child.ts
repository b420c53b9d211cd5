// Runs COMMAND with the login's environment, stdio inherited, and resolves with the status the
// shell would report: its exit code, 128+N for a death by signal N, 127 when the program is
// not found and 126 when it cannot be run (POSIX "Command Search and Execution").
import {type ChildProcess, spawn} from 'node:child_process';
import {signalExitCode} from './signals.js';

export interface ChildRun {
	child: ChildProcess;
	/** The exit status; never rejects. */
	status: Promise<number>;
}

export function runChild(command: readonly string[], env: NodeJS.ProcessEnv, onError: (message: string) => void): ChildRun {
	const [file, ...args] = command;
	const child = spawn(file!, args, {stdio: 'inherit', env});
	const status = new Promise<number>(resolve => {
		child.once('error', error => {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') {
				onError(`${file}: command not found (not on PATH, or no such file).`);
				resolve(127);
			} else {
				onError(`${file}: cannot run it: ${(error as Error).message}.`);
				resolve(126);
			}
		});
		child.once('exit', (code, signal) => resolve(signal ? signalExitCode(signal) : (code ?? 1)));
	});
	return {child, status};
}
