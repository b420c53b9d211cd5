// A hidden question on the terminal: nothing of the answer is echoed, not even its length
// (a masked field in the wizard shows dots; a line prompt has no room to reveal on request).
// Enter ends it, Backspace deletes, Ctrl+C cancels (exit 130), Ctrl+D on an empty line too.
import {CancelledError} from './errors.js';

export function askHidden(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
	return new Promise((resolve, reject) => {
		output.write(prompt);
		const wasRaw = input.isRaw;
		input.setRawMode(true);
		input.resume();
		let answer = '';
		const finish = (error?: Error) => {
			input.setRawMode(wasRaw);
			input.pause();
			input.removeListener('data', onData);
			output.write('\n');
			if (error) reject(error);
			else resolve(answer);
		};
		const onData = (chunk: Buffer) => {
			for (const char of chunk.toString('utf8')) {
				if (char === '\r' || char === '\n') return finish();
				if (char === '\u0003' || (char === '\u0004' && answer === '')) return finish(new CancelledError());
				if (char === '\u007f' || char === '\b') answer = [...answer].slice(0, -1).join('');
				else if (char >= ' ') answer += char;
			}
		};
		input.on('data', onData);
	});
}

/** A yes/no question on the terminal; only "y" or "yes" means yes. */
export function askYesNo(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<boolean> {
	return new Promise(resolve => {
		output.write(`${question} [y/N] `);
		input.resume();
		input.setEncoding('utf8');
		input.once('data', (text: string) => {
			input.pause();
			resolve(/^\s*y(?:es)?\s*$/i.test(text));
		});
	});
}
