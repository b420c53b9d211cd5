// A program in a pseudo-terminal (120×40 unless told), its output replayed into a headless xterm so a
// benchmark can wait for what a user would see on screen (not just for bytes on the wire).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import xterm from '@xterm/headless';
import pty from 'node-pty';

export const COLUMNS = 120;
export const ROWS = 40;

/** A throwaway HOME and a clean environment, as on a user's laptop: only PATH, HOME, LANG and
 * TERM, so neither the developer's config nor NODE_* variables that slow every node start
 * (NODE_EXTRA_CA_CERTS costs ~30 ms, NODE_OPTIONS) reach the measured programs or the baseline. */
export function tempHome() {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-bench-'));
	return {dir, env: {PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', TERM: 'xterm-256color'}, remove: () => rmSync(dir, {recursive: true, force: true})};
}

export function spawnPty(file, args, env, {columns = COLUMNS, rows = ROWS} = {}) {
	let COLUMNS = columns;
	let ROWS = rows;
	const start = performance.now();
	const term = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true});
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols: COLUMNS, rows: ROWS, cwd: env.HOME, env});
	const watchers = new Set();
	let parsed = Promise.resolve();
	let exited;
	const exit = new Promise(resolve => {
		exited = resolve;
	});
	child.onExit(({exitCode}) => exited({code: exitCode, at: performance.now()}));
	// Each chunk is timed when it arrives; a watcher fires with that time once xterm has
	// parsed it and the screen shows what the watcher waits for.
	let output = '';
	child.onData(data => {
		const at = performance.now();
		output += data;
		parsed = new Promise(resolve => term.write(data, resolve)).then(() => {
			for (const watcher of [...watchers]) {
				if (watcher.test(screen())) {
					watchers.delete(watcher);
					watcher.resolve(at);
				}
			}
		});
	});
	function screen() {
		const buffer = term.buffer.active;
		const lines = [];
		for (let row = 0; row < ROWS; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	}
	/** The screen with colours and attributes, for comparing two builds' frames exactly. */
	function styledScreen() {
		const buffer = term.buffer.active;
		const cell = buffer.getNullCell();
		const lines = [];
		for (let row = 0; row < ROWS; row++) {
			const line = buffer.getLine(buffer.viewportY + row);
			let text = '';
			let style = '';
			for (let column = 0; line && column < COLUMNS; column++) {
				line.getCell(column, cell);
				const next = `${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}/${cell.isBold()}${cell.isDim()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}`;
				if (next !== style) {
					text += `{${next}}`;
					style = next;
				}
				text += cell.getChars() || (cell.getWidth() === 0 ? '' : ' ');
			}
			lines.push(text);
		}
		return lines.join('\n');
	}
	/** Resolves with the arrival time of the chunk after which `test(screen)` holds. */
	function waitFor(test, timeoutMs = 15_000) {
		const predicate = typeof test === 'string' ? text => text.includes(test) : test instanceof RegExp ? text => test.test(text) : test;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				watchers.delete(watcher);
				reject(new Error(`timed out waiting for ${test}; screen:\n${screen()}`));
			}, timeoutMs);
			const watcher = {
				test: predicate,
				resolve: at => {
					clearTimeout(timer);
					resolve(at);
				},
			};
			parsed.then(() => {
				if (predicate(screen())) {
					clearTimeout(timer);
					resolve(performance.now());
				} else watchers.add(watcher);
			});
		});
	}
	return {
		start,
		pid: child.pid,
		write: data => child.write(data),
		/** Resizes the terminal (pty and screen), as a person dragging the window would. */
		resize: (nextColumns, nextRows) => {
			COLUMNS = nextColumns;
			ROWS = nextRows;
			term.resize(nextColumns, nextRows);
			child.resize(nextColumns, nextRows);
		},
		screen,
		styledScreen,
		output: () => output,
		waitFor,
		exit,
		kill: () => {
			try {
				child.kill('SIGKILL');
			} catch {
				// already gone
			}
		},
		dispose: () => term.dispose(),
	};
}
