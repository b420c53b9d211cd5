// Writing a file so that a crash at any moment leaves either the old bytes or the new ones:
// a temp file in the same directory, fsync, rename, fsync the directory. Symlinks are followed
// (the link stays, its target is replaced) and an existing file's owner is kept, as docker's
// own config writer does (docs/formats.md §1.3).
import {randomBytes} from 'node:crypto';
import {chmod, lstat, mkdir, open, readlink, rename, stat, unlink} from 'node:fs/promises';
import {basename, dirname, isAbsolute, join, resolve} from 'node:path';

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
}

export interface AtomicWriteResult {
	/** The file that was replaced (symlinks resolved). */
	target: string;
	createdDirs: string[];
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<AtomicWriteResult> {
	const target = await writeTarget(path);
	const createdDirs = await makeParents(target, options.dirMode);
	const existing = await stat(target).catch(() => undefined);
	const temp = join(dirname(target), `.${basename(target)}.regauth-${randomBytes(6).toString('hex')}.tmp`);
	const handle = await open(temp, 'wx', options.mode);
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
		await rename(temp, target);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw error;
	}
	await fsyncDir(dirname(target));
	return {target, createdDirs};
}
