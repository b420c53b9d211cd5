// What a run does with the checks' results. Wrong credentials stop it before anything is written;
// a registry that cannot be reached only warns (provisioning often happens away from the
// registry's network) — unless --verify=strict, where anything but "verified" stops it.
import type {Note} from '../plan-types.js';
import type {VerifyResult} from './result.js';

export type VerifyMode = 'on' | 'strict' | 'off';

export interface Verdict {
	/** Results that stop the run (exit 1, nothing written). */
	failures: VerifyResult[];
	/** Notes for the plan: what was verified, what could not be. */
	notes: Note[];
}

export function verdict(results: readonly VerifyResult[], mode: VerifyMode): Verdict {
	const failures = results.filter(result => result.status === 'rejected' || result.status === 'invalid' || (mode === 'strict' && result.status !== 'verified'));
	const notes: Note[] = results.map(result =>
		result.status === 'verified'
			? {level: 'info', message: `Verified: ${result.message}.`}
			: {level: 'warning', message: `Not verified: ${result.message}. ${result.advice}`.trim()},
	);
	return {failures, notes};
}

/** The message of a run stopped by the checks: each failure with its advice, and the way round. */
export function failureMessage(failures: readonly VerifyResult[], mode: VerifyMode, wayOut?: string): string {
	const lines = failures.map(result => `${result.message}. ${result.advice}`.trim());
	// The wizard says what to do in its own terms (its keys), not with flags it was not given.
	if (wayOut !== undefined) return [...lines, wayOut].join(' ');
	const strict = mode === 'strict' && failures.some(result => result.status !== 'rejected' && result.status !== 'invalid');
	const way = strict
		? 'Without --verify=strict an unreachable registry only warns; --no-verify saves without checking.'
		: 'To save them anyway, add --no-verify.';
	return `${lines.join('\nregauth: ')}\nregauth: nothing was written. ${way}`;
}
