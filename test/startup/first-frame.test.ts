// The cached first frame (source/startup/first-frame.ts) against a recording stdout: what is
// kept, what is replayed, and what reaches the terminal when Ink draws the same or another frame.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {eraseLines, type FirstFrame, frameKey, handOverFirstFrame, replayable, showCachedFirstFrame} from '../../source/startup/first-frame.js';
import {tempDir} from '../support/temp.js';

const BEGIN = '\u001B[?2026h';
const END = '\u001B[?2026l';
const HIDE = '\u001B[?25l';
const FRAME = `${BEGIN}${HIDE}\u001B[1mregauth\u001B[22m\n Which registry?\n ❯ Docker Hub\n${END}`;

function recorder(columns = 80, rows = 24) {
	const written: string[] = [];
	const stream = {
		columns,
		rows,
		write(chunk: unknown) {
			written.push(String(chunk));
			return true;
		},
	};
	return {stream: stream as unknown as NodeJS.WriteStream, written};
}

/** What Ink writes for one frame: start, hide the cursor, the text, end (separate writes, as ink.js does). */
function inkDraws(stream: NodeJS.WriteStream, frame: string) {
	const body = frame.slice(BEGIN.length + HIDE.length, -END.length);
	for (const part of [BEGIN, HIDE, body, END]) stream.write(part);
}

const settle = () => new Promise(resolve => setImmediate(resolve));

function setup() {
	const home = join(tempDir(), 'home');
	mkdirSync(home);
	return {home, env: {HOME: home, TERM: 'xterm-256color'} as NodeJS.ProcessEnv};
}

test("the first start draws nothing early and keeps Ink's first frame (0600 in a 0700 directory)", async () => {
	const {home, env} = setup();
	const {stream, written} = recorder();
	const frame = showCachedFirstFrame('build-1', [], env, stream);
	assert.equal(frame.shown, undefined);
	assert.deepEqual(written, []);
	handOverFirstFrame(frame, stream);
	inkDraws(stream, FRAME);
	assert.deepEqual(written, [FRAME], "Ink's frame reaches the terminal once, unchanged");
	stream.write('next frame');
	assert.deepEqual(written, [FRAME, 'next frame'], 'later writes pass straight through');
	await settle();
	assert.equal(readFileSync(frame.file!, 'utf8'), FRAME);
	assert.equal(statSync(frame.file!).mode & 0o777, 0o600);
	assert.equal(statSync(join(home, '.cache', 'regauth')).mode & 0o777, 0o700);
});

test("the next start draws the kept frame at once; Ink's identical frame is not written again", async () => {
	const {env} = setup();
	const first = recorder();
	handOverFirstFrame(showCachedFirstFrame('build-1', ['--no-verify'], env, first.stream), first.stream);
	inkDraws(first.stream, FRAME);
	await settle();

	const {stream, written} = recorder();
	const frame = showCachedFirstFrame('build-1', ['--no-verify'], env, stream);
	assert.equal(frame.shown, FRAME);
	assert.deepEqual(written, [FRAME]);
	handOverFirstFrame(frame, stream);
	inkDraws(stream, FRAME);
	assert.deepEqual(written, [FRAME], 'the terminal already shows it');
	stream.write(`${BEGIN}${eraseLines(4)}second${END}`);
	assert.equal(written.length, 2);
});

test('when Ink draws another frame, the early one is erased in the same synchronized update', async () => {
	const {env} = setup();
	const {stream, written} = recorder();
	const first = showCachedFirstFrame('build-1', [], env, stream);
	handOverFirstFrame(first, stream);
	inkDraws(stream, FRAME);
	await settle();
	written.length = 0;

	const frame = showCachedFirstFrame('build-1', [], env, stream);
	handOverFirstFrame(frame, stream);
	const other = `${BEGIN}${HIDE}\u001B[1mregauth\u001B[22m\n Something else\n${END}`;
	inkDraws(stream, other);
	// FRAME has 4 lines (three newlines): erased as Ink's log-update would erase it.
	assert.deepEqual(written, [FRAME, `${BEGIN}\u001B[2K\u001B[1A\u001B[2K\u001B[1A\u001B[2K\u001B[1A\u001B[2K\u001B[G${other}`]);
	await settle();
	assert.equal(readFileSync(frame.file!, 'utf8'), other, 'the new frame is kept for the next start');
});

test('the key changes with the build, the terminal size, the arguments and the colour environment', () => {
	const size = recorder(80, 24).stream;
	const key = frameKey('b', [], {TERM: 'xterm'}, size, '/w');
	assert.equal(frameKey('b', [], {TERM: 'xterm', SHLVL: '3'}, size, '/w'), key, 'unrelated variables do not matter');
	for (const other of [
		frameKey('c', [], {TERM: 'xterm'}, size, '/w'),
		frameKey('b', ['--registry', 'quay.io'], {TERM: 'xterm'}, size, '/w'),
		frameKey('b', [], {TERM: 'xterm', NO_COLOR: '1'}, size, '/w'),
		frameKey('b', [], {TERM: 'xterm', FORCE_COLOR: '3'}, size, '/w'),
		frameKey('b', [], {TERM: 'xterm'}, recorder(120, 40).stream, '/w'),
		frameKey('b', [], {TERM: 'xterm'}, recorder(80, 25).stream, '/w'),
		frameKey('b', [], {TERM: 'dumb'}, size, '/w'),
	])
		assert.notEqual(other, key);
});

test('nothing is cached in CI, with REGAUTH_NO_CACHE, or when an argument may hold a secret', () => {
	const {env} = setup();
	const {stream} = recorder();
	for (const [extra, argv] of [
		[{CI: 'true'}, []],
		[{GITHUB_ACTIONS: 'true', CI_JOB_ID: '1'}, []],
		[{REGAUTH_NO_CACHE: '1'}, []],
		[{}, ['--password-stdin']],
	] as const) {
		const frame = showCachedFirstFrame('b', argv, {...env, ...extra}, stream);
		assert.equal(frame.file, undefined, JSON.stringify({extra, argv}));
	}
	assert.notEqual(showCachedFirstFrame('b', [], {...env, CI: 'false'}, stream).file, undefined, 'CI=false is not CI (as Ink sees it)');
});

test('a cache file that is not a plain styled frame is ignored, never replayed', () => {
	const {env} = setup();
	const {stream, written} = recorder();
	const {file} = showCachedFirstFrame('b', [], env, stream) as FirstFrame;
	mkdirSync(join(file!, '..'), {recursive: true});
	for (const bad of [
		'',
		'garbage',
		`${BEGIN}${HIDE}text with a cursor move\u001B[3A${END}`,
		`${BEGIN}${HIDE}\u001B[2J cleared${END}`,
		`${BEGIN}${HIDE}no end`,
		FRAME.slice(0, -1),
	]) {
		writeFileSync(file!, bad);
		assert.equal(replayable(bad), false, JSON.stringify(bad));
		assert.equal(showCachedFirstFrame('b', [], env, stream).shown, undefined);
	}
	assert.deepEqual(written, []);
	assert.ok(existsSync(file!));
});

test('an unwritable cache directory only means no early frame', async () => {
	const dir = tempDir();
	const blocker = join(dir, 'file');
	writeFileSync(blocker, '');
	const env = {HOME: dir, XDG_CACHE_HOME: blocker};
	const {stream, written} = recorder();
	const frame = showCachedFirstFrame('b', [], env, stream);
	handOverFirstFrame(frame, stream);
	inkDraws(stream, FRAME);
	await settle();
	assert.deepEqual(written, [FRAME]);
	assert.equal(showCachedFirstFrame('b', [], env, stream).shown, undefined);
});

test('writes that are not a frame end the watch and pass through', () => {
	const {env} = setup();
	const {stream, written} = recorder();
	handOverFirstFrame(showCachedFirstFrame('b', [], env, stream), stream);
	stream.write('plain text');
	inkDraws(stream, FRAME);
	assert.deepEqual(written, ['plain text', BEGIN, HIDE, FRAME.slice(BEGIN.length + HIDE.length, -END.length), END]);
});
