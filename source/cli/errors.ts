// Exit codes and the errors that map to them. A user error prints one message naming the flag
// and the fix — never a stack trace.

export const EXIT = {ok: 0, failed: 1, usage: 2, cancelled: 130} as const;

/** Bad usage or input: exit 2, the message names the flag. */
export class UsageError extends Error {
	readonly exitCode = EXIT.usage;
}

/** The run could not do what was asked (refused, a command failed): exit 1. */
export class FailureError extends Error {
	readonly exitCode = EXIT.failed;
}

/** The user cancelled (Ctrl+C): exit 130, nothing more written. */
export class CancelledError extends Error {
	readonly exitCode = EXIT.cancelled;
	constructor() {
		super('cancelled');
	}
}
