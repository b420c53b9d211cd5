// The cached first frame in a real pseudo-terminal, at 80×24 and 120×40: the bytes kept are
// exactly the bytes Ink drew, the next start shows them before Ink loads and Ink does not draw
// them again, keys typed at once still work, and a stale frame is replaced without leftovers.
// Through dist/cli.js, and through the package's bin (dist/cli.cjs), which draws it before
// loading dist/cli.js.

import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInPty} from '../support/pty.js';
import {ptyHome} from '../support/pty-home.js';
import {BIN, CLI} from '../support/run-cli.js';

const BEGIN = '\u001B[?2026h';
const END = '\u001B[?2026l';
const HIDE = '\u001B[?25l';
const DOWN = '\u001B[B';

const cacheFiles = (home: string) => {
	const dir = join(home, '.cache', 'regauth');
	return existsSync(dir) ? readdirSync(dir).map(name => join(dir, name)) : [];
};
/** The frame is kept just after it is drawn: wait for that before ending the run. */
async function keptFiles(home: string): Promise<string[]> {
	for (let tries = 0; tries < 400 && !cacheFiles(home).some(file => file.endsWith('.ansi')); tries++) await new Promise(resolve => setTimeout(resolve, 25));
	return cacheFiles(home);
}
/** Everything up to the end of the first synchronized update: the first frame as written. */
const firstUpdate = (bytes: string) => bytes.slice(0, bytes.indexOf(END) + END.length);
const highlighted = (screen: string) => screen.split('\n').find(row => row.includes('❯')) ?? '';

for (const [entry, columns, rows] of [
	[CLI, 80, 24],
	[CLI, 120, 40],
	[BIN, 80, 24],
] as const) {
	test(`${columns}×${rows}, ${entry === BIN ? 'the bin' : 'dist/cli.js'}: the kept first frame is byte for byte Ink's, and the next start does not draw it twice`, async () => {
		const {dir, home, env} = ptyHome();
		const first = runInPty(process.execPath, [entry, '--no-verify'], {cwd: dir, env, columns, rows});
		await first.waitFor(/Which registry\?/);
		// The kept file is written once Ink's first frame is complete: read the history after it,
		// or a busy pty may have delivered only part of that frame yet.
		const [file, ...others] = await keptFiles(home);
		const drawnByInk = firstUpdate(first.history());
		first.kill();
		await first.exit;
		assert.equal(others.length, 0);
		const kept = readFileSync(file!, 'utf8');
		assert.ok(kept.startsWith(BEGIN + HIDE) && kept.includes('Which registry?'));
		// The terminal turns \n into \r\n on output; otherwise the bytes are the same.
		assert.equal(kept.replaceAll('\n', '\r\n'), drawnByInk);

		const second = runInPty(process.execPath, [entry, '--no-verify'], {cwd: dir, env, columns, rows, keyDelayMs: 0});
		const screen = await second.waitFor(/Which registry\?/);
		const before = highlighted(screen);
		// A key typed the moment the question shows is answered once Ink has taken over.
		await second.press(DOWN);
		await second.waitFor(/❯/);
		for (let tries = 0; tries < 200 && highlighted(second.screen()) === before; tries++) await new Promise(resolve => setTimeout(resolve, 25));
		assert.notEqual(highlighted(second.screen()), before, 'Down moved the selection');
		const bytes = second.history();
		assert.equal(firstUpdate(bytes), drawnByInk, 'the early frame is the frame Ink drew');
		assert.equal(bytes.split(BEGIN + HIDE).length - 1, 1, 'Ink did not draw its first frame a second time');
		assert.equal(
			second
				.screen()
				.split('\n')
				.filter(row => row.includes('step 1 of')).length,
			1,
		);
		second.kill();
		await second.exit;
	});
}

test("a stale kept frame is replaced by Ink's, with nothing of it left on screen", async () => {
	const {dir, home, env} = ptyHome();
	const first = runInPty(process.execPath, [CLI, '--no-verify'], {cwd: dir, env, columns: 80, rows: 24});
	await first.waitFor(/Which registry\?/);
	const [file] = await keptFiles(home);
	first.kill();
	await first.exit;
	const good = readFileSync(file!, 'utf8');
	writeFileSync(file!, `${BEGIN}${HIDE}STALE FRAME\nfrom an older build\n${' '.repeat(70)}STALE\n${END}`);

	const second = runInPty(process.execPath, [CLI, '--no-verify'], {cwd: dir, env, columns: 80, rows: 24});
	await second.waitFor(/Which registry\?/);
	const screen = second.screen();
	assert.doesNotMatch(screen, /STALE|older build/);
	assert.equal(screen.split('\n').filter(row => row.includes('step 1 of')).length, 1);
	assert.match(second.history(), /^\u001B\[\?2026h\u001B\[\?25lSTALE FRAME/, 'the stale frame was shown first');
	for (let tries = 0; tries < 400 && readFileSync(file!, 'utf8') !== good; tries++) await new Promise(resolve => setTimeout(resolve, 25));
	second.kill();
	await second.exit;
	assert.equal(readFileSync(file!, 'utf8'), good, 'the frame Ink drew is kept again');
});
