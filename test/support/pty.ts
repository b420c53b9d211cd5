// Runs a program in a real pseudo-terminal (node-pty) and keeps what a person would see in a
// headless xterm (@xterm/headless): the screen, not the raw bytes. Keys are sent as separate
// writes with a pause between them, as a person types (docs/real-parts.md §7).

import {after} from 'node:test';
import xterm from '@xterm/headless';
import type {IPty} from 'node-pty';

// node-pty is an optional dependency: its native build may fail on `npm install` (no compiler,
// no Node headers offline) without failing the install, since only these tests need it. Then
// every pty test fails with this message instead of a bare "Cannot find module".
let spawn: typeof import('node-pty').spawn | undefined;
let missing = '';
try {
	({spawn} = await import('node-pty'));
} catch (error) {
	missing = (error as Error).message.split('\n')[0] ?? '';
}

export const PTY_MISSING = missing
	? `node-pty is not installed or did not build (${missing}). It is optional so that npm install works without a C++ toolchain; the pseudo-terminal tests need it: install python3, make and g++ (Debian: build-essential) and run npm rebuild node-pty.`
	: undefined;

export interface PtyRun {
	/** The visible screen, one string per row (right-trimmed). */
	screen(): string;
	/** Everything ever drawn (each frame's text, for "never appeared" checks). */
	history(): string;
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
	press(...keys: string[]): Promise<void>;
	typeSlowly(text: string): Promise<void>;
	exit: Promise<{exitCode: number; signal?: number}>;
	resize(columns: number, rows: number): void;
	kill(): void;
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function runInPty(
	file: string,
	args: string[],
	options: {cwd: string; env: NodeJS.ProcessEnv; columns?: number; rows?: number; keyDelayMs?: number},
): PtyRun {
	if (!spawn) throw new Error(PTY_MISSING);
	const columns = options.columns ?? 120;
	const rows = options.rows ?? 40;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const child: IPty = spawn(file, args, {name: 'xterm-256color', cols: columns, rows, cwd: options.cwd, env: options.env as Record<string, string>});
	let drawn = '';
	let pending = Promise.resolve();
	child.onData(data => {
		drawn += data;
		pending = pending.then(() => new Promise<void>(resolve => terminal.write(data, resolve)));
	});
	const exit = new Promise<{exitCode: number; signal?: number}>(resolve => child.onExit(resolve));
	after(() => {
		try {
			child.kill('SIGKILL');
		} catch {
			// already gone
		}
	});
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const delay = options.keyDelayMs ?? 80;
	return {
		screen,
		history: () => drawn,
		async waitFor(pattern, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await pending;
				const current = screen();
				if (pattern.test(current)) return current;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen is:\n${current}`);
				await pause(25);
			}
		},
		async press(...keys) {
			for (const key of keys) {
				child.write(key);
				await pause(delay);
			}
			await pending;
		},
		async typeSlowly(text) {
			for (const char of text) {
				child.write(char);
				await pause(15);
			}
			await pause(delay);
			await pending;
		},
		exit,
		resize(nextColumns, nextRows) {
			child.resize(nextColumns, nextRows);
			terminal.resize(nextColumns, nextRows);
		},
		kill: () => child.kill('SIGKILL'),
	};
}
