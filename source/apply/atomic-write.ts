// Writing a file so that a crash at any moment leaves either the old bytes or the new ones:
// a temp file in the same directory, fsync, rename, fsync the directory. Symlinks are followed
// (the link stays, its target is replaced) and an existing file's owner is kept, as docker's
// own config writer does (docs/formats.md §1.3).
import {randomBytes} from 'node:crypto';
import {closeSync, openSync, unlinkSync} from 'node:fs';
import {chmod, lstat, mkdir, open, readdir, readFile, readlink, rename, stat, unlink} from 'node:fs/promises';
import {basename, dirname, isAbsolute, join, resolve} from 'node:path';
import {onExit} from 'signal-exit';

// Temp files being written right now: removed if the process ends mid-write (exit, SIGINT,
// SIGTERM, SIGHUP; signal-exit re-raises the signal afterwards). A SIGKILL cannot be caught:
// the next write into the same directory removes what it left (sweepTemps).
const liveTemps = new Set<string>();
let exitHooked = false;
// Set once the exit hook has run. The process can go on for a moment after it: proper-lockfile
// brings signal-exit 3 beside our signal-exit 4, and on SIGTERM ours runs this hook, then re-raises
// the signal, which the other one handles on a later turn of the event loop. A write started in
// that moment would leave its temp file behind, so none is started. (A SIGTERM/SIGINT run left one
// temp file once in CI; this is the window reading the code finds; it was not reproduced here.)
let exiting = false;

export class ExitingError extends Error {}

function trackTemp(temp: string): void {
	if (exiting) throw new ExitingError(`${temp}: not written, regauth is exiting (signal)`);
	if (!exitHooked) {
		exitHooked = true;
		onExit(() => {
			exiting = true;
			for (const path of liveTemps) {
				try {
					unlinkSync(path);
				} catch {
					// already gone
				}
			}
		});
	}
	liveTemps.add(temp);
}

const TEMP_PATTERN = /^\.(.+)\.regauth-[0-9a-f]{12}\.tmp$/;
/** A write takes milliseconds: a temp file this old was left by a run that was killed. */
export const STALE_TEMP_MS = 30_000;

/**
 * Remove temp files a killed run left beside `target` (they may hold a secret). Only files older
 * than `olderThanMs`, unless the caller holds the file's lock (then no other run is writing it).
 */
export async function sweepTemps(target: string, olderThanMs = STALE_TEMP_MS): Promise<string[]> {
	const dir = dirname(target);
	const names = await readdir(dir).catch(() => [] as string[]);
	const removed: string[] = [];
	for (const name of names) {
		const match = TEMP_PATTERN.exec(name);
		if (!match || match[1] !== basename(target)) continue;
		const path = join(dir, name);
		const info = await lstat(path).catch(() => undefined);
		if (!info?.isFile() || info.uid !== process.getuid?.() || Date.now() - info.mtimeMs < olderThanMs) continue;
		await unlink(path).then(
			() => removed.push(path),
			() => undefined,
		);
	}
	return removed;
}

/** The file a write to `path` really replaces: symlinks resolved, even dangling ones. */
export async function writeTarget(path: string): Promise<string> {
	let current = resolve(path);
	for (let hops = 0; hops < 40; hops++) {
		let info: Awaited<ReturnType<typeof lstat>>;
		try {
			info = await lstat(current);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT' || code === 'ENOTDIR') return current;
			throw error;
		}
		if (!info.isSymbolicLink()) return current;
		const link = await readlink(current);
		current = isAbsolute(link) ? link : join(dirname(current), link);
	}
	throw new Error(`${path}: too many levels of symbolic links`);
}

/** Create the missing directories above `file` with `mode`; report which ones were created. */
export async function makeParents(file: string, mode: number): Promise<string[]> {
	const missing: string[] = [];
	for (let dir = dirname(file); ; dir = dirname(dir)) {
		try {
			await stat(dir);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			missing.unshift(dir);
			if (dir === dirname(dir)) break;
		}
	}
	for (const dir of missing) {
		await mkdir(dir, {mode}).catch(error => {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		});
		await chmod(dir, mode); // mkdir's mode is filtered by the umask
	}
	return missing;
}

export async function fsyncDir(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export interface AtomicWriteOptions {
	mode: number;
	/** Give the new file the replaced file's owner (only for a user's own config). */
	keepOwner?: boolean;
	/** Mode for directories created on the way. */
	dirMode: number;
	/**
	 * What the target must still hold right before the rename (null: must not exist). A program
	 * that takes no lock (docker login, podman login) may have saved it since it was read; then
	 * nothing is replaced and ChangedError says so, for the caller to merge again.
	 */
	expect?: Uint8Array | null;
	/** Replace `path` itself even when it is a symbolic link (the journal; undo): never write through one. */
	noFollow?: boolean;
}

/** The target changed between the read and the rename; nothing was replaced. */
export class ChangedError extends Error {
	constructor(readonly path: string) {
		super(`${path} was changed by another program while regauth was writing it`);
	}
}

async function holds(path: string, expected: Uint8Array | null): Promise<boolean> {
	try {
		const now = await readFile(path);
		return expected !== null && Buffer.compare(now, Buffer.from(expected)) === 0;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return expected === null;
		throw error;
	}
}

export interface AtomicWriteResult {
	/** The file that was replaced (symlinks resolved). */
	target: string;
	createdDirs: string[];
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<AtomicWriteResult> {
	const target = options.noFollow ? resolve(path) : await writeTarget(path);
	const createdDirs = await makeParents(target, options.dirMode);
	const existing = await stat(target).catch(() => undefined);
	await sweepTemps(target);
	const temp = join(dirname(target), `.${basename(target)}.regauth-${randomBytes(6).toString('hex')}.tmp`);
	trackTemp(temp);
	try {
		return await writeThroughTemp(temp, target, bytes, options, existing, createdDirs);
	} finally {
		liveTemps.delete(temp);
	}
}

async function writeThroughTemp(
	temp: string,
	target: string,
	bytes: Uint8Array,
	options: AtomicWriteOptions,
	existing: {uid: number; gid: number} | undefined,
	createdDirs: string[],
): Promise<AtomicWriteResult> {
	// Created synchronously and tracked at once: an async open still in flight when a signal
	// arrives would create the file after the exit hook had looked for it.
	closeSync(openSync(temp, 'wx', options.mode));
	const handle = await open(temp, 'r+');
	try {
		await handle.writeFile(bytes);
		await handle.chmod(options.mode);
		if (options.keepOwner && existing && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) {
			// Only root can give a file away; everyone else keeps their own files anyway.
			await handle.chown(existing.uid, existing.gid).catch(() => undefined);
		}
		await handle.sync();
	} catch (error) {
		await handle.close().catch(() => undefined);
		await unlink(temp).catch(() => undefined);
		throw error;
	}
	await handle.close();
	try {
		if (options.expect !== undefined && !(await holds(target, options.expect))) throw new ChangedError(target);
		await rename(temp, target);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw error;
	}
	await fsyncDir(dirname(target));
	return {target, createdDirs};
}
