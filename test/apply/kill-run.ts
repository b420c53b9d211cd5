// What the crash and signal tests share: one headless apply that writes many files (docker and a
// Secret per namespace), started and stopped by a signal at a chosen moment.
import {spawn} from 'node:child_process';
import {CLI} from '../support/run-cli.js';

export const NAMESPACES = Array.from({length: 30}, (_, index) => `ns${index}`);

export const ARGS = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker,kubernetes', ...NAMESPACES.flatMap(ns => ['-n', ns]), '--yes'];

/** Starts the apply and sends `signal` after `delayMs`; resolves when it has exited. */
export function runAndKill(env: NodeJS.ProcessEnv, cwd: string, delayMs: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...ARGS], {env, cwd, stdio: ['pipe', 'ignore', 'ignore']});
		child.stdin.end('the-password');
		const timer = setTimeout(() => child.kill(signal), delayMs);
		child.on('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}
