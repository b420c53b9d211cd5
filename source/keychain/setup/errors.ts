// A set-up step that cannot be done: wrong input (exit 2) or a machine that cannot do it (exit 1).
// The message says what failed and what to do; it never holds a passphrase.
export class SetupError extends Error {
	constructor(
		message: string,
		readonly exitCode: 1 | 2 = 1,
	) {
		super(message);
	}
}
