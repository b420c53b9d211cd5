// Running one planned command with execa: the secret only on stdin, a timeout, cancellation,
// output streamed line by line (scrubbed) and a failure reason a person can act on.

import {basename} from 'node:path';
import {scrub} from '../formats/scrub.js';
import {diagnoseKeychainError, formatProblem} from '../keychain/diagnose.js';
import type {Command} from '../plan-types.js';
import {diagnoseKubectl} from './kubectl-errors.js';

export interface RunOptions {
	signal?: AbortSignal;
	secrets: readonly string[];
	onOutput?: (line: string) => void;
	env?: NodeJS.ProcessEnv;
}

export interface CommandOutcome {
	ok: boolean;
	exitCode?: number;
	stdout: string;
	stderr: string;
	/** Why it failed, with the fix (empty when ok). */
	reason: string;
}

export async function runArgv(
	argv: readonly string[],
	input: string | undefined,
	timeoutMs: number,
	options: RunOptions,
	extraEnv: Record<string, string> = {},
): Promise<CommandOutcome> {
	const {execa} = await import('execa');
	// Long base64 runs in stdin (a Secret's .dockerconfigjson, an auth value) are secrets too,
	// should a program echo its input.
	options = {...options, secrets: [...options.secrets, ...(input?.match(/[A-Za-z0-9+/=]{40,}/g) ?? [])]};
	const [file, ...args] = argv as [string, ...string[]];
	const child = execa(file, args, {
		input: input ?? '',
		timeout: timeoutMs,
		...(options.signal ? {cancelSignal: options.signal} : {}),
		env: {...(options.env ?? process.env), ...extraEnv},
		extendEnv: false,
		reject: false,
		stripFinalNewline: true,
	});
	const emit = (chunk: Buffer) => {
		for (const line of scrub(chunk.toString('utf8'), options.secrets).split('\n')) if (line.trim() !== '') options.onOutput?.(line);
	};
	child.stdout?.on('data', emit);
	child.stderr?.on('data', emit);
	const result = await child;
	const stdout = scrub(String(result.stdout ?? ''), options.secrets);
	const stderr = scrub(String(result.stderr ?? ''), options.secrets);
	if (!result.failed) return {ok: true, exitCode: 0, stdout, stderr, reason: ''};
	return {
		ok: false,
		...(result.exitCode === undefined ? {} : {exitCode: result.exitCode}),
		stdout,
		stderr,
		reason: failureReason(argv, result, stdout, stderr, timeoutMs),
	};
}

function failureReason(
	argv: readonly string[],
	result: {code?: string; isCanceled?: boolean; timedOut?: boolean; exitCode?: number; signal?: string},
	stdout: string,
	stderr: string,
	timeoutMs: number,
): string {
	const program = argv[0]!;
	if (result.code === 'ENOENT') return `${program} is not installed or not on PATH: install it, or run the command yourself later (it is shown in the review).`;
	if (result.isCanceled) return 'cancelled';
	if (result.timedOut) return `${program} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`;
	const output = `${stderr}\n${stdout}`.trim();
	if (program === 'kubectl') {
		const diagnosis = diagnoseKubectl(output);
		if (diagnosis) return `${diagnosis.reason}. ${diagnosis.advice}`;
	}
	const helper = credentialHelper(argv);
	if (helper) {
		// Helpers print keychain errors (D-Bus, locked keyring) on stdout: say what they mean.
		const problem = diagnoseKeychainError(output);
		if (problem.code !== 'unknown') return formatProblem(problem, `${helper} could not use the keychain`);
	}
	const last = output.split('\n').filter(Boolean).slice(-3).join(' ').trim();
	const status = result.exitCode === undefined ? `was killed (${result.signal ?? 'signal'})` : `exited with ${result.exitCode}`;
	return last === '' ? `${program} ${status}.` : `${program} ${status}: ${last}`;
}

/** docker-credential-<name>, run directly or (regauth's own) as node + its bundle. */
function credentialHelper(argv: readonly string[]): string | undefined {
	const program = basename(argv[0] ?? '');
	if (program.startsWith('docker-credential-')) return program;
	// The helper's bundle is .cjs; launchers regauth 0.1 wrote run the .js one.
	return /^(docker-credential-.+?)\.c?js$/.exec(basename(argv[1] ?? ''))?.[1];
}

export async function runCommand(command: Command, options: RunOptions): Promise<CommandOutcome> {
	return runArgv(command.argv, command.input, command.timeoutMs, options, command.env);
}
