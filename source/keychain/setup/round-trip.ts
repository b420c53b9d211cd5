// The proof that a store works: store, get and erase a throwaway credential through the very
// helper docker will call (docker-credential-<name> from PATH, in the environment docker runs it
// with). Set-up ends with this, or with the step that failed and why.
import {randomBytes} from 'node:crypto';
import {diagnoseKeychainError, formatProblem, type KeychainProblem} from '../diagnose.js';
import {runHelper, runProblem} from '../helper-client.js';
import {NOT_FOUND} from '../names.js';

/** A server no registry uses (.invalid is reserved, RFC 2606), so the check never touches a real entry. */
export const CHECK_SERVER = 'regauth-keychain-check.invalid';
export const CHECK_USER = 'regauth-check';

export type RoundTripStep = 'store' | 'get' | 'erase' | 'gone';

export type RoundTrip = {ok: true; helper: string; millis: number} | {ok: false; helper: string; step: RoundTripStep; problem: KeychainProblem};

const STEP_TEXT: Record<RoundTripStep, string> = {
	store: 'storing a test credential',
	get: 'reading the test credential back',
	erase: 'erasing the test credential',
	gone: 'checking the test credential is gone',
};

export async function roundTrip(argv: readonly string[], helper: string, processEnv: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<RoundTrip> {
	const started = Date.now();
	const secret = randomBytes(24).toString('base64url');
	const fail = (step: RoundTripStep, problem: KeychainProblem): RoundTrip => ({ok: false, helper, step, problem});
	const input = `${JSON.stringify({ServerURL: CHECK_SERVER, Username: CHECK_USER, Secret: secret})}\n`;

	const store = await runHelper(argv, 'store', input, timeoutMs, processEnv);
	const storeProblem = runProblem(store, helper, timeoutMs);
	if (storeProblem) return fail('store', storeProblem);

	const get = await runHelper(argv, 'get', CHECK_SERVER, timeoutMs, processEnv);
	const getProblem = runProblem(get, helper, timeoutMs);
	if (getProblem) return fail('get', getProblem);
	let read: {Username?: string; Secret?: string} = {};
	try {
		read = JSON.parse(get.stdout) as typeof read;
	} catch {
		return fail('get', diagnoseKeychainError(`unexpected answer: ${get.stdout.slice(0, 200)}`));
	}
	if (read.Secret !== secret || read.Username !== CHECK_USER) {
		return fail('get', {
			code: 'unknown',
			message: `docker-credential-${helper} answered, but not with the credential just stored (${read.Secret ? 'a different secret' : 'an empty secret'})`,
			advice: ['Another program may hold this store, or the helper cannot decrypt what it wrote: check it by hand with the commands in docs/keychains.md'],
			detail: '',
		});
	}

	const erase = await runHelper(argv, 'erase', CHECK_SERVER, timeoutMs, processEnv);
	const eraseProblem = runProblem(erase, helper, timeoutMs);
	if (eraseProblem) return fail('erase', eraseProblem);

	// Erased means "not found": exit 1 with docker's text, or (pass helper 0.6.x) an empty answer.
	const again = await runHelper(argv, 'get', CHECK_SERVER, timeoutMs, processEnv);
	const empty = again.code === 0 && /"Secret":""/.test(again.stdout);
	if (!(again.code === 1 && again.stdout.trim() === NOT_FOUND) && !empty) {
		const problem = runProblem(again, helper, timeoutMs);
		return fail('gone', problem ?? {code: 'unknown', message: 'the test credential is still there after erase', advice: [], detail: ''});
	}
	return {ok: true, helper, millis: Date.now() - started};
}

export function roundTripMessage(result: RoundTrip): string {
	if (result.ok) return `✓ docker-credential-${result.helper}: store, get and erase of a test credential worked (${result.millis} ms).`;
	return `✗ docker-credential-${result.helper} failed while ${STEP_TEXT[result.step]}.\n${formatProblem(result.problem, `docker-credential-${result.helper}`)}`;
}
