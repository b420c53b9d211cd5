// How the wizard updates the terminal: only the rows that changed are rewritten (Ink's incremental
// rendering, with the fix of scripts/dependency-patches.mjs), which is what a terminal over SSH
// carries per key, and the screen after any sequence of updates, a scrolled list and a resize is
// exactly what a fresh start draws. In a real pseudo-terminal, read back through xterm.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type PtyRun, runInPty} from '../support/pty.js';
import {ptyHome} from '../support/pty-home.js';
import {CLI} from '../support/run-cli.js';

const DOWN = '\u001B[B';
const HOME = '\u001B[H';
const END = '\u001B[F';

const highlighted = (screen: string) => screen.split('\n').find(line => line.includes('❯')) ?? '';

/** Waits until the first screen is complete (the machine read shown) and nothing more is drawn. */
async function settled(run: PtyRun, pattern: RegExp): Promise<string> {
	await run.waitFor(pattern);
	await run.waitFor(/On this machine/);
	for (;;) {
		const before = run.history().length;
		await new Promise(resolve => setTimeout(resolve, 300));
		if (run.history().length === before) return run.screen();
	}
}

test('a key rewrites only the rows it changed, not the whole screen', async () => {
	const {dir, env} = ptyHome();
	// 80×24: the preview is not beside the list, so moving the highlight changes only a few rows.
	const run = runInPty(process.execPath, [CLI, '--no-verify'], {cwd: dir, env, columns: 80, rows: 24});
	const screen = await settled(run, /❯ Docker Hub/);
	const before = run.history().length;
	await run.press(DOWN);
	const after = await settled(run, /❯ Quay/);
	const sent = Buffer.byteLength(run.history().slice(before));
	const shown = Buffer.byteLength(after.replaceAll(/ +/g, ' '));
	const changed = after.split('\n').filter((row, index) => row !== screen.split('\n')[index]).length;
	assert.ok(changed <= 6, `${changed} rows changed`);
	// Redrawn whole, the frame alone would be more than its visible text (${shown} bytes).
	assert.ok(sent < shown / 2, `one key sent ${sent} bytes; the screen's text is ${shown} bytes`);
	assert.notEqual(highlighted(after), highlighted(screen));
	run.kill();
});

test('after a scrolled list, a resize and more keys, the screen is what a fresh start at that size draws', async () => {
	const fresh = ptyHome();
	const first = runInPty(process.execPath, [CLI, '--no-verify'], {cwd: fresh.dir, env: fresh.env, columns: 80, rows: 24});
	await settled(first, /❯ Docker Hub/);
	await first.press(DOWN, DOWN);
	const expected = await settled(first, /Which registry\?/);
	first.kill();

	const moved = ptyHome();
	const second = runInPty(process.execPath, [CLI, '--no-verify'], {cwd: moved.dir, env: moved.env, columns: 120, rows: 40});
	await settled(second, /❯ Docker Hub/);
	// To the end of the list (its window scrolls) and back, then a shorter terminal (only the
	// width shrinking makes Ink clear and redraw whole), then a narrower one.
	await second.press(END);
	await settled(second, /❯ (Other registry…|↺)/);
	await second.press(HOME);
	await settled(second, /❯ Docker Hub/);
	second.resize(120, 30);
	await settled(second, /❯ Docker Hub/);
	await second.press(DOWN);
	await settled(second, /❯ Quay/);
	await second.press('\u001B[A');
	await settled(second, /❯ Docker Hub/);
	second.resize(80, 24);
	await settled(second, /❯ Docker Hub/);
	await second.press(DOWN, DOWN);
	const shown = await settled(second, /Which registry\?/);
	second.kill();
	// The HOME differs only in its name, which the first screen shows in its findings.
	assert.equal(shown.replaceAll(moved.home, '~'), expected.replaceAll(fresh.home, '~'));
});
