// The wizard's first frame, drawn before Ink, React and yoga have loaded (they take ~100 ms).
// Ink's first frame does not depend on the machine (the machine is read after it), only on the
// build, the terminal's size, the arguments and the environment that picks colours. So the
// bytes Ink wrote for its first frame are kept in the cache directory under a key of exactly
// those, and the next start writes them at once. When Ink then draws its own first frame, the
// bytes are compared: identical (the usual case), they are not written again, and the
// terminal already shows what Ink believes it drew; different, the early frame is erased and
// Ink's drawn in the same synchronized update. Either way the screen ends up as Ink's.
// Measured in bench/first-screen.mjs; the facts it relies on: docs/performance.md §2.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

// Ink's synchronized-output markers and cursor hiding (ink/build/write-synchronized.js, cli-cursor).
const BEGIN = '\u001B[?2026h';
const END = '\u001B[?2026l';
const HIDE_CURSOR = '\u001B[?25l';
// What else may be in a frame we replay: colours and styles only. A frame that moves the cursor
// (a text field's cursor, a full-screen clear) is not kept: erasing it would need Ink's state.
const SGR = /\u001B\[[\d;]*m/g;

// The environment that changes what Ink draws: colour support (supports-color reads these),
// CI mode and screen-reader mode (Ink), and what the wizard may show on its first screen.
const FRAME_ENV =
	/^(TERM|TERM_PROGRAM|TERM_PROGRAM_VERSION|COLORTERM|FORCE_COLOR|NO_COLOR|CI|CONTINUOUS_INTEGRATION|INK_.*|HOME|USER|LANG|LC_.*|XDG_.*|DOCKER_CONFIG|REGISTRY_AUTH_FILE|KUBECONFIG)$/;

export type Stdout = Pick<NodeJS.WriteStream, 'write' | 'columns' | 'rows'>;

export interface FirstFrame {
	/** The cache file for this start's key, or undefined when nothing may be cached. */
	readonly file: string | undefined;
	/** The bytes already on screen (written before Ink loaded), if any. */
	readonly shown: string | undefined;
}

/** Ink draws no frames in CI (is-in-ci's test): nothing to replay or keep. */
function inCi(env: NodeJS.ProcessEnv): boolean {
	if (env.CI === '0' || env.CI === 'false') return false;
	return 'CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some(name => name.startsWith('CI_'));
}

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
	return join(base, 'regauth');
}

/** The cache key: build, terminal size, arguments, and the environment that changes the frame. */
export function frameKey(build: string, argv: readonly string[], env: NodeJS.ProcessEnv, stdout: Stdout, cwd: string): string {
	const relevant = Object.keys(env)
		.filter(name => FRAME_ENV.test(name))
		.sort()
		.map(name => [name, env[name]]);
	return createHash('sha256')
		.update(JSON.stringify({build, argv, env: relevant, columns: stdout.columns, rows: stdout.rows, cwd}))
		.digest('hex')
		.slice(0, 32);
}

/** A frame worth keeping: one synchronized update that only hides the cursor and prints styled text. */
export function replayable(bytes: string): boolean {
	if (!bytes.startsWith(BEGIN + HIDE_CURSOR) || !bytes.endsWith(END)) return false;
	const body = bytes.slice(BEGIN.length + HIDE_CURSOR.length, -END.length);
	return body.length > 0 && !body.replace(SGR, '').includes('\u001B');
}

/**
 * Writes the cached first frame for this start, if there is one. Never throws: a missing,
 * unreadable or malformed cache only means Ink draws the first frame itself.
 * `build` identifies the bundle (dist/cli.js's bytes: its imports name chunks by content hash);
 * `before` runs just before the frame is written (raw mode, so keys typed from then on wait).
 */
export function showCachedFirstFrame(
	build: string,
	argv: readonly string[],
	env: NodeJS.ProcessEnv,
	stdout: Stdout,
	before: () => void = () => {},
): FirstFrame {
	// Arguments may carry values the frame shows; never a password's (it is not kept on disk).
	if (argv.some(argument => /password|token|secret/i.test(argument)) || inCi(env) || env.REGAUTH_NO_CACHE) {
		return {file: undefined, shown: undefined};
	}
	let file: string | undefined;
	try {
		file = join(cacheDirectory(env), `first-frame-${frameKey(build, argv, env, stdout, process.cwd())}.ansi`);
		const bytes = readFileSync(file, 'utf8');
		if (!replayable(bytes)) return {file, shown: undefined};
		before();
		stdout.write(bytes);
		return {file, shown: bytes};
	} catch {
		return {file, shown: undefined};
	}
}

/** `\u001B[2K` and up, n lines: what Ink's log-update writes to replace an n-line frame (ansi-escapes' eraseLines). */
export function eraseLines(count: number): string {
	let erase = '';
	for (let line = 0; line < count; line++) erase += `\u001B[2K${line < count - 1 ? '\u001B[1A' : ''}`;
	return count > 0 ? `${erase}\u001B[G` : '';
}

type Write = NodeJS.WriteStream['write'];

/**
 * Call just before Ink renders: watches Ink's writes up to the end of its first frame. If the
 * same bytes are already on screen they are dropped; otherwise the early frame is erased first.
 * A first frame that was not cached yet is saved for the next start.
 */
export function handOverFirstFrame(frame: FirstFrame, stdout: NodeJS.WriteStream): void {
	if (frame.file === undefined) return;
	const original = stdout.write;
	const held: string[] = [];
	const release = () => {
		stdout.write = original;
	};
	stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		// Ink's frame is plain string writes, the first its synchronized-update start; anything
		// else ends the watch, and what was held is written as it came (after the early frame's erase).
		if (typeof chunk !== 'string' || rest.some(argument => typeof argument === 'function') || (held.length === 0 && chunk !== BEGIN)) {
			release();
			const erase = frame.shown ? eraseLines(frame.shown.split('\n').length) : '';
			if (erase || held.length > 0) original.call(stdout, erase + held.join(''));
			return (original as (...args: unknown[]) => boolean).call(stdout, chunk, ...rest);
		}
		held.push(chunk);
		if (chunk !== END) return true;
		release();
		const drawn = held.join('');
		if (drawn === frame.shown) return true;
		// Replace the early frame within Ink's own synchronized update, so nothing flickers.
		const erase = frame.shown ? BEGIN + eraseLines(frame.shown.split('\n').length) : '';
		const result = original.call(stdout, erase + drawn);
		if (replayable(drawn)) saveFrame(frame.file!, drawn);
		return result;
	} as Write;
}

function saveFrame(file: string, bytes: string): void {
	// Right after the frame is on screen (~0.3 ms); a cache that cannot be written is no error.
	try {
		mkdirSync(join(file, '..'), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, bytes, {mode: 0o600});
		renameSync(temporary, file);
	} catch {
		// read-only or full disk: draw it the slow way next time too
	}
}

// The package's bin (front-door.ts) may have drawn the frame already and loaded dist/cli.js after
// it: it leaves what it drew here, for cli.tsx to hand over to Ink instead of drawing it again.
const EARLY = Symbol.for('regauth.first-frame');

export function keepEarlyFrame(frame: FirstFrame): void {
	(globalThis as Record<symbol, unknown>)[EARLY] = frame;
}

export function takeEarlyFrame(): FirstFrame | undefined {
	const frame = (globalThis as Record<symbol, unknown>)[EARLY] as FirstFrame | undefined;
	delete (globalThis as Record<symbol, unknown>)[EARLY];
	return frame;
}
