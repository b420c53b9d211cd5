// The wizard in a real pseudo-terminal at the sizes people have (80×24 is many terminals'
// default) and at the stated minimum, through every target, against a real registry. Each
// screen is waited for; everything on the review is reached by scrolling.

import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInPty} from '../support/pty.js';
import {ptyHome} from '../support/pty-home.js';
import {startRegistry} from '../support/registry.js';
import {CLI} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const END = '\u001B[F';
const CTRL_R = '\u0012';
const PAGE_DOWN = '\u001B[6~';

for (const [columns, rows] of [
	[80, 24],
	[120, 40],
	[60, 20],
] as const) {
	test(`${columns}×${rows}: all six targets, keychain to review, every line of the review reachable; Ctrl+C leaves "nothing was written"`, async () => {
		const registry = await startRegistry(join(tempDir(), 'registry'));
		const {dir, home, env} = ptyHome();
		const run = runInPty(process.execPath, [CLI], {cwd: dir, env, columns, rows});
		const fits = (screen: string) => {
			for (const line of screen.split('\n')) assert.ok([...line].length <= columns, `a line is wider than ${columns}: ${line}`);
		};
		await run.waitFor(/Which registry\?/);
		await run.press(END);
		await run.waitFor(/❯ (Other registry…|↺)/);
		if (/❯ ↺/.test(run.screen())) await run.press(UP);
		await run.press(ENTER);
		await run.waitFor(/› Registry/);
		await run.typeSlowly(registry.host);
		await run.press(ENTER);
		await run.typeSlowly(registry.username);
		await run.press(ENTER);
		await run.typeSlowly(registry.password);
		await run.press(ENTER, ENTER); // → Email → the check, then the registry list
		await run.waitFor(/Continue with 1 registry/, 15_000);
		await run.press(ENTER);
		await run.waitFor(/What should regauth configure\?/);
		for (let target = 0; target < 5; target++) await run.press(DOWN, ' ');
		let screen = await run.waitFor(/◉ Mesos/);
		fits(screen);
		await run.press(ENTER);
		// No session bus here: regauth's store says why before it is chosen, and is not the default.
		screen = await run.waitFor(/OS keychain \(regauth\) \(does not work here\)/);
		fits(screen);
		assert.doesNotMatch(screen, /❯ OS keychain/);
		// Type-ahead to Plain config.json (no store works here: the set-up entry is the last row).
		await run.press('p', ENTER);
		await run.waitFor(/base64 is not encryption/);
		await run.press(ENTER);
		await run.waitFor(/Options/);
		await run.press(CTRL_R);
		screen = await run.waitFor(/❯ Write the files/);
		fits(screen);
		assert.doesNotMatch(screen, /taller terminal/);
		// A frame is read only once it has stopped changing: a busy machine can leave one half drawn.
		const settled = async (): Promise<string> => {
			let last = run.screen();
			for (let tries = 0; tries < 40; tries++) {
				await new Promise(resolve => setTimeout(resolve, 100));
				const now = run.screen();
				if (now === last) return now;
				last = now;
			}
			return last;
		};
		const seen = new Set<string>();
		for (let page = 0; page < 60; page++) {
			const before = await settled();
			for (const line of before.split('\n')) seen.add(line.trim());
			if (!/more lines below \(PgDn\)/.test(before)) break;
			await run.press(PAGE_DOWN);
			// One page at a time: wait for it to be drawn before reading it (a busy machine is slow).
			for (let waited = 0; waited < 60 && run.screen() === before; waited++) await new Promise(resolve => setTimeout(resolve, 50));
			assert.notEqual(run.screen(), before, `PgDn did not scroll although the screen says there is more:\n${before}`);
		}
		const all = [...seen].join('\n');
		assert.match(all, /Next time, headless/);
		assert.match(all, /auth\.d/, 'the rkt file is listed');
		assert.match(all, /marathon-app/, 'the last file is listed');
		fits(run.screen());
		await run.press('\u0003');
		const {exitCode} = await run.exit;
		assert.equal(exitCode, 130);
		assert.match(run.screen(), /regauth: cancelled; nothing was written/);
		assert.doesNotMatch(run.screen(), /Write the files/, 'the wizard’s frame is not left behind');
		// Only the kept first screen (no credential) may be there: ~/.cache/regauth/first-frame-*.ansi.
		assert.deepEqual(
			readdirSync(home).filter(name => name !== '.cache'),
			[],
		);
	});
}
