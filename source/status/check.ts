// status --check: each login asked of its registry, all at once, each with its own deadline.
// The secret is read from where the login lives (the file's entry, the helper's `get`), used for
// the one check and dropped; it is never printed.
import {entrySecret} from '../authfile/meaning.js';
import type {Environment} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {isPlainObject} from '../formats/json-text.js';
import {helperArgv, runHelper, runProblem} from '../keychain/helper-client.js';
import type {VerifyStatus} from '../verify/result.js';
import {verifyCredential} from '../verify/verify-credential.js';
import type {CheckResult, LoginStatus} from './report.js';

export interface CheckOptions {
	timeoutMs: number;
	caFile?: string;
	insecure: boolean;
	processEnv?: NodeJS.ProcessEnv;
}

type Secret = {ok: true; username: string; password: string} | {ok: false; message: string};

async function secretOf(env: Environment, stored: LoginStatus['stored'][number], timeoutMs: number, processEnv: NodeJS.ProcessEnv): Promise<Secret> {
	if (stored.storage === 'helper') {
		const helper = stored.helper!;
		const run = await runHelper(helperArgv(env, helper), 'get', stored.key, timeoutMs, processEnv);
		const problem = runProblem(run, helper, timeoutMs);
		if (problem) return {ok: false, message: `docker-credential-${helper} get failed: ${problem.message}`};
		try {
			const value = JSON.parse(run.stdout) as {Username?: unknown; Secret?: unknown};
			if (typeof value.Secret === 'string' && typeof value.Username === 'string') return {ok: true, username: value.Username, password: value.Secret};
		} catch {
			// falls through
		}
		return {ok: false, message: `docker-credential-${helper} get printed no credential`};
	}
	const file = readAuthFile(env.files[stored.file]);
	const auths = file.kind === 'present' && isPlainObject(file.doc.auths) ? file.doc.auths : {};
	const secret = entrySecret(auths[stored.key]);
	return secret.kind === 'none' || secret.kind === 'undecodable'
		? {ok: false, message: `${stored.file} holds no usable entry for ${stored.key}`}
		: {ok: true, ...secret};
}

const RESULT: Record<VerifyStatus, CheckResult> = {
	verified: 'ok',
	anonymous: 'ok',
	rejected: 'rejected',
	unreachable: 'unreachable',
	tls: 'unreachable',
	unexpected: 'unreachable',
	cancelled: 'error',
	invalid: 'error',
};

async function checkOne(env: Environment, login: LoginStatus, options: CheckOptions): Promise<LoginStatus['check']> {
	const processEnv = options.processEnv ?? process.env;
	const where = login.stored[0];
	if (!where) return {result: 'error', message: 'regauth recorded this login, but no docker or podman file holds it now'};
	const secret = await secretOf(env, where, options.timeoutMs, processEnv);
	if (!secret.ok) return {result: 'error', message: secret.message};
	const result = await verifyCredential({
		registry: login.key,
		username: secret.username,
		password: secret.password,
		timeoutMs: options.timeoutMs,
		insecure: options.insecure,
		env: processEnv,
		home: env.home,
		...(options.caFile ? {caFile: options.caFile} : {}),
	});
	const message = result.status === 'anonymous' ? `${result.message} (the login could not be tested there)` : result.message;
	return {result: RESULT[result.status], message: result.advice && result.status !== 'verified' ? `${message} ${result.advice}` : message};
}

/** The logins with their `check` filled in. */
export async function checkLogins(env: Environment, logins: readonly LoginStatus[], options: CheckOptions): Promise<LoginStatus[]> {
	return Promise.all(logins.map(async login => ({...login, check: await checkOne(env, login, options)})));
}
