// What a check of a keychain found: the shared vocabulary of the keychain code, the machine
// model and the planner (a fact plan() takes), kept at the bottom so every layer can name it.

export type KeychainProblemCode =
	| 'module-missing'
	| 'no-session-bus'
	| 'no-secret-service'
	| 'locked'
	| 'no-login-keyring'
	| 'pass-not-initialized'
	| 'timeout'
	| 'crashed'
	| 'helper-missing'
	| 'unknown';

export interface KeychainProblem {
	code: KeychainProblemCode;
	/** What happened, one sentence, no trailing period. */
	message: string;
	/** Fixes, most likely first; commands are ready to paste. */
	advice: string[];
	/** The raw error, for the curious (never holds a secret: helpers do not echo them). */
	detail: string;
}

/** The outcome of probing a helper's keychain (a store and an erase of a probe item). */
export type KeychainStatus = {helper: string; ok: true} | {helper: string; ok: false; problem: KeychainProblem};
