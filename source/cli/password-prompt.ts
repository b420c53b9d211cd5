// The headless run's password prompt, as `docker login -u USER HOST` has: in a terminal, a
// missing password is asked for with nothing echoed (not even a mask: the length stays
// private), and line editing that a person expects from a password prompt works — Backspace,
// Ctrl+U, Ctrl+W; Ctrl+C cancels. Without a terminal there is no prompt: the caller says to
// use --password-stdin.
import {CancelledError, UsageError} from './errors.js';

export interface PromptStreams {
	input: NodeJS.ReadStream;
	output: NodeJS.WriteStream;
}

/** Can a password be asked for here? Both ends must be a terminal (a pipe would take the prompt). */
export function canPrompt(streams: PromptStreams = {input: process.stdin, output: process.stderr}): boolean {
	return Boolean(streams.input.isTTY && streams.output.isTTY && typeof streams.input.setRawMode === 'function');
}

/** Apply typed input to the password so far; `done` at Enter. Pure, for tests. */
export function typePassword(current: string, chunk: string): {value: string; done: boolean; cancelled: boolean} {
	let value = current;
	for (const char of chunk) {
		if (char === '\r' || char === '\n') return {value, done: true, cancelled: false};
		if (char === '\x03') return {value, done: false, cancelled: true};
		if (char === '\x04' && value === '') return {value, done: false, cancelled: true};
		if (char === '\x7f' || char === '\b') value = [...value].slice(0, -1).join('');
		else if (char === '\x15') value = '';
		else if (char === '\x17') value = value.replace(/\S*\s*$/, '');
		else if (char >= ' ' && char !== '\x7f') value += char;
	}
	return {value, done: false, cancelled: false};
}

/** Ask for one password; resolves at Enter, rejects with CancelledError on Ctrl+C (or Ctrl+D on an empty line). */
export function promptPassword(label: string, streams: PromptStreams = {input: process.stdin, output: process.stderr}): Promise<string> {
	const {input, output} = streams;
	return new Promise((resolve, reject) => {
		let value = '';
		// Bracketed-paste markers and other escape sequences are not part of a password.
		const strip = (chunk: string) => chunk.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b./g, '');
		const finish = (error?: Error) => {
			input.off('data', onData);
			input.setRawMode(false);
			input.pause();
			output.write('\n');
			if (error) reject(error);
			else resolve(value);
		};
		const onData = (data: Buffer | string) => {
			const step = typePassword(value, strip(data.toString()));
			value = step.value;
			if (step.cancelled) finish(new CancelledError());
			else if (step.done) finish();
		};
		output.write(label);
		input.setRawMode(true);
		input.resume();
		input.on('data', onData);
	});
}

/** The password for each credential that has none, asked in order; an empty answer is an error naming the registry. */
export async function promptMissingPasswords(
	credentials: Array<{registry: string; username: string; password: string}>,
	streams?: PromptStreams,
): Promise<void> {
	for (const credential of credentials) {
		if (credential.password !== '') continue;
		const password = await promptPassword(`Password for ${credential.username || 'the user'} at ${credential.registry}: `, streams);
		if (password === '') throw new UsageError(`no password was typed for ${credential.registry}; type it at the prompt, or pipe it in with --password-stdin.`);
		credential.password = password;
	}
}
