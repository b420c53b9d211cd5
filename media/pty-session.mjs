// Runs the built CLI in a real pseudo-terminal (node-pty) and mirrors it in a headless xterm
// (@xterm/headless), as test/support/pty.ts does for the tests. That file imports node:test and
// is TypeScript; media/ runs with plain node after a build, so the same approach lives here,
// plus what the pictures need: every chunk of output with the time it arrived (for the
// asciicast) and the terminal itself (for the stills).
import xterm from '@xterm/headless';
import {spawn} from 'node-pty';

export const KEYS = {
	enter: '\r',
	tab: '\t',
	space: ' ',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	end: '\u001B[F',
	home: '\u001B[H',
	ctrlP: '\u0010',
	/** Options: keep the rest as they are and go to the review. */
	ctrlR: '\u0012',
};

export const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{cwd: string, env: Record<string, string>, columns: number, rows: number}} options
 */
export function startSession(file, args, {cwd, env, columns, rows}) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const started = performance.now();
	/** @type {Array<[number, string]>} seconds since start, output */
	const output = [];
	let drawn = Promise.resolve();
	const child = spawn(file, args, {name: 'xterm-256color', cols: columns, rows, cwd, env});
	child.onData(data => {
		output.push([(performance.now() - started) / 1000, data]);
		drawn = drawn.then(() => new Promise(resolve => terminal.write(data, resolve)));
	});
	const exit = new Promise(resolve => child.onExit(resolve));

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines = [];
		for (let row = 0; row < terminal.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	};

	return {
		terminal,
		output,
		exit,
		screen,
		/** Resolves once the screen matches, so each key is sent to the screen a person would see. */
		async waitFor(pattern, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await drawn;
				const current = screen();
				if (pattern.test(current)) return current;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen is:\n${current}`);
				await pause(25);
			}
		},
		/** Keys as separate writes with a pause, as a person presses them (docs/real-parts.md §7). */
		async press(keys, delayMs = 120) {
			for (const key of [keys].flat()) {
				child.write(key);
				await pause(delayMs);
			}
			await drawn;
		},
		/** Typing speed varies a little so the demo does not look robotic; the pattern is fixed, so runs repeat. */
		async type(text, delayMs = 70) {
			let index = 0;
			for (const char of text) {
				child.write(char);
				await pause(delayMs + ((index++ * 37) % 50));
			}
			await drawn;
		},
		/** Waits until the output has been quiet for a while (spinners, late re-renders done). */
		async settle(quietMs = 300) {
			for (;;) {
				await drawn;
				const last = output.at(-1)?.[0] ?? 0;
				const idle = (performance.now() - started) / 1000 - last;
				if (idle * 1000 >= quietMs) return;
				await pause(quietMs - idle * 1000);
			}
		},
		kill() {
			try {
				child.kill('SIGKILL');
			} catch {
				// already gone
			}
		},
	};
}
