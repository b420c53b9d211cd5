// Runs the built CLI (dist/, made by `npm test` before the tests) as a user would.
import {spawn} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {tempDir} from './temp.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The package's bin: draws the cached first frame itself, then loads dist/cli.js (source/startup/front-door.ts). */
export const BIN = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
export const HELPER = fileURLToPath(new URL('../../dist/docker-credential-regauth.cjs', import.meta.url));

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	input?: string;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	timeoutMs?: number;
}

/** A minimal environment: only what is passed (plus PATH), so the developer's own HOME never leaks in. */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', ...extra};
}

/** A throwaway directory with an empty HOME in it, and the clean environment for that HOME (plus `extra`, which may name paths in the directory). */
export function cliHome(extra: (dir: string) => NodeJS.ProcessEnv = () => ({})): {dir: string; home: string; env: NodeJS.ProcessEnv} {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, home, env: cleanEnv(home, extra(dir))};
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
	return runNode([CLI, ...args], options);
}

export function runNode(args: string[], options: CliOptions = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
		child.stdin.end(options.input ?? '');
	});
}
