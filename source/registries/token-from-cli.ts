// Getting a token from a cloud CLI the user is already logged in to (aws, gcloud, az, gh). The
// token travels on the CLI's stdout only: nothing secret is ever on a command line, and the CLI's
// own output is never echoed back (stderr is only matched, and its first line shown made safe).
import {terminalText} from '../formats/terminal-text.js';
import type {TokenCommand} from './providers.js';

export interface MintedToken {
	password: string;
	/** When the token stops working, if known (from `lifetimeSeconds` or the token itself). */
	expiresAt?: Date;
}

export type TokenFailure =
	| {reason: 'missing'; message: string}
	| {reason: 'not-logged-in'; message: string}
	| {reason: 'failed'; message: string}
	| {reason: 'empty'; message: string};

export type TokenResult = {ok: true; token: MintedToken} | ({ok: false} & TokenFailure);

export interface TokenRun {
	/** The environment the CLI runs with (the user's own: profiles, config dirs). */
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
	signal?: AbortSignal;
	/** For tokens whose lifetime the service fixes. */
	lifetimeSeconds?: number;
	now?: () => Date;
}

const ONE_MIB = 1024 * 1024;

/** The first line of a CLI's complaint, shown safely (terminalText) and short enough for a message. */
function firstLine(text: string): string {
	const line =
		text
			.split(/\r?\n/)
			.map(part => part.trim())
			.find(part => part.length > 0) ?? '';
	const shown = terminalText(line);
	return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

function pick(stdout: string, output: TokenCommand['output']): string | undefined {
	if (output === 'text') return stdout.trim();
	try {
		const value = (JSON.parse(stdout) as Record<string, unknown>)[output.json];
		return typeof value === 'string' ? value.trim() : undefined;
	} catch {
		return undefined;
	}
}

export async function tokenFromCli(command: TokenCommand, run: TokenRun = {}): Promise<TokenResult> {
	const {execa} = await import('execa');
	const shown = `${command.file} ${command.args.join(' ')}`;
	const result = await execa(command.file, command.args, {
		env: {...(run.env ?? process.env), ...command.env},
		extendEnv: false,
		stdin: 'ignore',
		reject: false,
		timeout: run.timeoutMs ?? 60_000,
		maxBuffer: ONE_MIB,
		...(run.signal ? {cancelSignal: run.signal} : {}),
	});
	if ((result as {code?: string}).code === 'ENOENT') {
		return {ok: false, reason: 'missing', message: `${command.file} is not installed (or not on PATH), so regauth cannot get a token. ${command.install}.`};
	}
	if (result.timedOut) {
		return {
			ok: false,
			reason: 'failed',
			message: `${shown} did not finish within ${Math.round((run.timeoutMs ?? 60_000) / 1000)} s (is it waiting for a browser login?). Run it once yourself, then try again.`,
		};
	}
	const stderr = String(result.stderr ?? '');
	if (result.exitCode !== 0) {
		if (command.notLoggedIn.test(stderr)) {
			return {ok: false, reason: 'not-logged-in', message: `${command.file} is not logged in (${firstLine(stderr)}). Run: ${command.login}`};
		}
		const said = firstLine(stderr);
		return {ok: false, reason: 'failed', message: `${shown} failed (exit ${result.exitCode ?? 'by signal'})${said ? `: ${said}` : ''}.`};
	}
	const password = pick(String(result.stdout ?? ''), command.output);
	if (!password || /[\r\n]/.test(password)) {
		return {ok: false, reason: 'empty', message: `${shown} printed no token (or not the shape regauth expects); run it yourself to see why.`};
	}
	const now = run.now?.() ?? new Date();
	const {jwtExpiry} = await import('./jwt-expiry.js');
	const expiresAt = jwtExpiry(password) ?? (run.lifetimeSeconds ? new Date(now.getTime() + run.lifetimeSeconds * 1000) : undefined);
	return {ok: true, token: {password, ...(expiresAt ? {expiresAt} : {})}};
}
