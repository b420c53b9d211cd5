// Talking to a credential helper from regauth: the keychain probe, reading remembered
// credentials. Each call is a child process with a deadline, because a keychain call cannot be
// cancelled in-process (libsecret blocks a worker thread for 25 s when the bus is wrong) and
// keytar can crash the process (findCredentials on foreign items): the child is killed, regauth
// goes on and says why.
import {spawn} from 'node:child_process';
import type {Environment} from '../environment.js';
import {crashProblem, diagnoseKeychainError, type KeychainProblem, type KeychainStatus, timeoutProblem} from './diagnose.js';
import {helperArgv} from './helper-argv.js';
import {HELPER_NAME, NOT_FOUND, PROBE_ACTION} from './names.js';

export {helperArgv};

export const PROBE_TIMEOUT_MS = 15_000;

export interface HelperRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	timedOut: boolean;
	/** The program could not be started (not found, not executable). */
	spawnError?: string;
}

export function runHelper(
	argv: readonly string[],
	action: string,
	input: string,
	timeoutMs: number,
	processEnv: NodeJS.ProcessEnv = process.env,
): Promise<HelperRun> {
	return new Promise(resolve => {
		const [file, ...args] = argv as [string, ...string[]];
		const child = spawn(file, [...args, action], {env: processEnv, stdio: ['pipe', 'pipe', 'ignore']});
		let stdout = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdout.on('data', chunk => (stdout += chunk));
		child.on('error', error => {
			clearTimeout(timer);
			resolve({code: null, signal: null, stdout, timedOut: false, spawnError: error.message});
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, timedOut});
		});
		child.stdin.on('error', () => undefined);
		child.stdin.end(input);
	});
}

/** The problem a failed helper run shows, or undefined when it succeeded. */
export function runProblem(run: HelperRun, helper: string, timeoutMs: number): KeychainProblem | undefined {
	if (run.timedOut) return timeoutProblem(Math.round(timeoutMs / 1000));
	if (run.spawnError) {
		return {
			code: 'helper-missing',
			message: `docker-credential-${helper} could not be started`,
			advice: [`Check that docker-credential-${helper} is installed and on PATH`],
			detail: run.spawnError,
		};
	}
	if (run.signal) return crashProblem(run.signal);
	if (run.code !== 0) return diagnoseKeychainError(run.stdout);
	return undefined;
}

/** A server no one stores credentials for: Docker's helpers are probed by looking it up. */
const PROBE_SERVER = 'regauth-probe.invalid';

/**
 * Can the chosen keychain be used? For regauth's own: a throwaway write (a locked keyring only
 * fails on writes). For Docker's helpers: a `get` of a server no one stores, which fails with
 * the keychain's own error without a bus or provider (their `list` hides the reason).
 */
export async function probeKeychain(
	env: Pick<Environment, 'regauthHelper'>,
	helper: string,
	options: {timeoutMs?: number; processEnv?: NodeJS.ProcessEnv} = {},
): Promise<KeychainStatus> {
	const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
	const own = helper === HELPER_NAME;
	for (let attempt = 0; ; attempt++) {
		const run = await runHelper(helperArgv(env, helper), own ? PROBE_ACTION : 'get', own ? '' : PROBE_SERVER, timeoutMs, options.processEnv);
		if (!own && run.code === 1 && run.stdout.trim() === NOT_FOUND) return {helper, ok: true};
		const problem = runProblem(run, helper, timeoutMs);
		// gnome-keyring answers "No such interface … Secret.Item" or "Object does not exist at path
		// …/collection/login/1" (an item, not the collection) when another client removes an item
		// while this one walks the collection (seen with several regauth runs at once): a race, not
		// a missing keyring, so the probe asks again before calling the keychain broken.
		if (problem && attempt < 3 && /No such (interface|object)|Object does not exist at path \S*\/collection\/[^/\s]+\/\d+/.test(run.stdout)) {
			await new Promise(resolve => setTimeout(resolve, 150 * (attempt + 1)));
			continue;
		}
		return problem ? {helper, ok: false, problem} : {helper, ok: true};
	}
}

export type Lookup = {found: true; username: string; secret: string} | {found: false} | {found: false; problem: KeychainProblem};

/** `get` through regauth's helper: what the keychain remembers for one server key. */
export async function readRemembered(
	env: Pick<Environment, 'regauthHelper'>,
	serverKey: string,
	options: {timeoutMs?: number; processEnv?: NodeJS.ProcessEnv} = {},
): Promise<Lookup> {
	const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
	const run = await runHelper(helperArgv(env, HELPER_NAME), 'get', serverKey, timeoutMs, options.processEnv);
	if (run.code === 1 && run.stdout.trim() === NOT_FOUND) return {found: false};
	const problem = runProblem(run, HELPER_NAME, timeoutMs);
	if (problem) return {found: false, problem};
	const value = parseAnswer(run.stdout) as {Username?: unknown; Secret?: unknown} | undefined;
	if (typeof value?.Username !== 'string' || typeof value.Secret !== 'string') return {found: false, problem: notJsonProblem(run.stdout, 'get')};
	return {found: true, username: value.Username, secret: value.Secret};
}

/** `list` through regauth's helper: server key → user name of every remembered credential. */
export async function listRemembered(
	env: Pick<Environment, 'regauthHelper'>,
	options: {timeoutMs?: number; processEnv?: NodeJS.ProcessEnv} = {},
): Promise<{ok: true; servers: Record<string, string>} | {ok: false; problem: KeychainProblem}> {
	const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
	const run = await runHelper(helperArgv(env, HELPER_NAME), 'list', '', timeoutMs, options.processEnv);
	const problem = runProblem(run, HELPER_NAME, timeoutMs);
	if (problem) return {ok: false, problem};
	const servers = parseAnswer(run.stdout);
	if (!servers || typeof servers !== 'object' || Array.isArray(servers) || Object.values(servers).some(value => typeof value !== 'string')) {
		return {ok: false, problem: notJsonProblem(run.stdout, 'list')};
	}
	return {ok: true, servers: servers as Record<string, string>};
}

function parseAnswer(stdout: string): unknown {
	try {
		return JSON.parse(stdout);
	} catch {
		return undefined;
	}
}

/**
 * The helper answered, but not in the protocol's JSON: a foreign program of that name first on
 * PATH, or a broken install. Its output is never quoted: on `get` it may be the secret itself.
 */
function notJsonProblem(stdout: string, action: string): KeychainProblem {
	return {
		code: 'unknown',
		message: `docker-credential-${HELPER_NAME} answered \`${action}\` with ${stdout.length} bytes that are not the credential-helper protocol's JSON`,
		advice: [`Check which program runs: command -v docker-credential-${HELPER_NAME}; it should be regauth's own (reinstall regauth if it is)`],
		detail: '',
	};
}
