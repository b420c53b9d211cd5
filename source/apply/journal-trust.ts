// Undo acts on what the journal says, so the journal is read as untrusted input: it must be a
// regular file (not a symlink) in a directory that only its owner can change, owned by the
// user running undo; every field is checked for shape before anything is touched. Otherwise a
// crafted journal could make undo delete or overwrite any file, and as root with a user's HOME
// (sudo -E) that user would decide what root deletes (docs/undo.md §2).
import {constants} from 'node:fs';
import {lstat, open} from 'node:fs/promises';
import {basename, dirname, isAbsolute, normalize} from 'node:path';
import type {Journal, JournalCommand, JournalFile} from './journal.js';
import {type JournalKeychain, KEYCHAIN_BACKUP} from './keychain-backup.js';

export class JournalError extends Error {}

/** A journal is a few kilobytes; a larger one was not written by regauth. */
const JOURNAL_LIMIT = 1024 * 1024;

const uid = () => process.getuid?.() ?? -1;

/** Refuses a path another user owns or may write (group/other write without the sticky bit). */
export function checkOwnedPrivate(path: string, info: {uid: number; mode: number}, what: string): void {
	if (uid() !== -1 && info.uid !== uid()) {
		throw new JournalError(
			`${what} ${path} belongs to uid ${info.uid}, not to you (uid ${uid()}); regauth undo acts only on what you wrote. Under sudo, keep your own HOME (sudo without -E).`,
		);
	}
	if ((info.mode & 0o022) !== 0) {
		throw new JournalError(
			`${what} ${path} can be changed by other users (mode 0${(info.mode & 0o777).toString(8)}); regauth does not trust it. Check who changed it, then chmod go-w it.`,
		);
	}
}

/** Reads the journal if there is one, refusing one that is not safe to act on. */
export async function readTrustedJournal(path: string): Promise<Journal | undefined> {
	const dirInfo = await lstat(dirname(path)).catch(() => undefined);
	if (!dirInfo) return undefined;
	if (dirInfo.isSymbolicLink() || !dirInfo.isDirectory())
		throw new JournalError(`${dirname(path)} is not a plain directory (a symbolic link?); regauth keeps its journal only in a directory of its own.`);
	checkOwnedPrivate(dirname(path), dirInfo, 'the state directory');
	const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return undefined;
		throw error;
	});
	if (!info) return undefined;
	if (info.isSymbolicLink()) throw new JournalError(`${path} is a symbolic link; regauth never follows one to its journal. Remove the link.`);
	if (!info.isFile()) throw new JournalError(`${path} is not a regular file; remove it.`);
	checkOwnedPrivate(path, info, 'the journal');
	if (info.size > JOURNAL_LIMIT) throw new JournalError(`${path} is ${info.size} bytes, far more than any journal regauth writes; nothing was undone.`);
	// O_NOFOLLOW: the file checked above is the file read, even if a link is swapped in meanwhile.
	const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
	if (!handle) throw new JournalError(`${path}: cannot be read.`);
	let text: string;
	try {
		const opened = await handle.stat();
		if (opened.ino !== info.ino || opened.dev !== info.dev) throw new JournalError(`${path} was replaced while regauth read it; run regauth undo again.`);
		text = await handle.readFile('utf8');
	} finally {
		await handle.close();
	}
	return parseJournal(text, path);
}

const HASH = /^[0-9a-f]{64}$/;

function fail(path: string, why: string): never {
	throw new JournalError(`${path} is not a journal regauth wrote (${why}); nothing was undone. Restore files by hand from their .bak copies, then remove it.`);
}

function cleanPath(value: unknown, path: string, field: string): string {
	if (typeof value !== 'string' || !isAbsolute(value) || normalize(value) !== value || value.includes('\0'))
		fail(path, `${field} is not an absolute, normalized path`);
	return value;
}

export function parseJournal(text: string, path: string): Journal {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		fail(path, `not JSON: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message.slice(0, 80)}`);
	}
	const journal = data as Partial<Journal> | null;
	if (!journal || typeof journal !== 'object' || journal.version !== 1) fail(path, 'no "version": 1');
	if (!Array.isArray(journal.files) || !Array.isArray(journal.commands)) fail(path, '"files" or "commands" is not a list');
	const files: JournalFile[] = journal.files.map((raw: unknown, index: number) => {
		const file = raw as Partial<JournalFile> | null;
		const at = `files[${index}]`;
		if (!file || typeof file !== 'object') fail(path, `${at} is not an object`);
		const target = cleanPath(file.path, path, `${at}.path`);
		if (!(file.before === null || (typeof file.before === 'string' && HASH.test(file.before)))) fail(path, `${at}.before is not a sha256`);
		if (typeof file.after !== 'string' || !HASH.test(file.after)) fail(path, `${at}.after is not a sha256`);
		if (file.modeBefore !== undefined && !(Number.isInteger(file.modeBefore) && file.modeBefore >= 0 && file.modeBefore <= 0o7777)) {
			fail(path, `${at}.modeBefore is not a permission mode`);
		}
		if (file.backup !== undefined) {
			// regauth names a backup after its file, beside it (backup.ts): nothing else is restored from.
			const backup = cleanPath(file.backup, path, `${at}.backup`);
			if (
				dirname(backup) !== dirname(target) ||
				!/^\.?.+\.regauth-\d{8}T\d{6}Z(-\d+)?\.bak$/.test(basename(backup)) ||
				!backup.startsWith(`${target}.regauth-`)
			) {
				fail(path, `${at}.backup is not a regauth backup of ${target}`);
			}
		}
		if (!Array.isArray(file.createdDirs)) fail(path, `${at}.createdDirs is not a list`);
		const createdDirs = file.createdDirs.map((dir: unknown) => {
			const clean = cleanPath(dir, path, `${at}.createdDirs`);
			// Only directories regauth made on the way to this file: its ancestors.
			if (!target.startsWith(`${clean}/`)) fail(path, `${at}.createdDirs holds ${clean}, which is not above ${target}`);
			return clean;
		});
		return {
			path: target,
			before: file.before,
			after: file.after,
			...(file.modeBefore === undefined ? {} : {modeBefore: file.modeBefore}),
			...(file.backup === undefined ? {} : {backup: file.backup}),
			createdDirs,
		};
	});
	const commands: JournalCommand[] = journal.commands.map((raw: unknown, index: number) => {
		const command = raw as Partial<JournalCommand> | null;
		if (
			!command ||
			typeof command.title !== 'string' ||
			typeof command.display !== 'string' ||
			!(command.revert === undefined || typeof command.revert === 'string')
		) {
			fail(path, `commands[${index}] is not a command record`);
		}
		return {title: command.title, display: command.display, ...(command.revert === undefined ? {} : {revert: command.revert})};
	});
	if (journal.keychain !== undefined && !Array.isArray(journal.keychain)) fail(path, '"keychain" is not a list');
	const keychain: JournalKeychain[] = (journal.keychain ?? []).map((raw: unknown, index: number) => {
		const item = raw as Partial<JournalKeychain> | null;
		const at = `keychain[${index}]`;
		// The helper is run by name (docker-credential-NAME, as docker does), never by a path from here.
		if (!item || typeof item.helper !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(item.helper)) fail(path, `${at}.helper is not a helper name`);
		if (typeof item.server !== 'string' || item.server === '' || item.server.length > 2048 || /[\u0000-\u001f\u007f]/.test(item.server))
			fail(path, `${at}.server is not a server key`);
		if (item.action !== 'store' && item.action !== 'erase') fail(path, `${at}.action is neither store nor erase`);
		// A kept copy is only ever a file of regauth's own name in the journal's directory.
		if (typeof item.backup !== 'string' || !KEYCHAIN_BACKUP.test(item.backup)) fail(path, `${at}.backup is not a copy regauth keeps`);
		return {helper: item.helper, server: item.server, action: item.action, backup: item.backup};
	});
	return {
		version: 1,
		started: String(journal.started ?? ''),
		...(journal.finished ? {finished: String(journal.finished)} : {}),
		files,
		commands,
		...(keychain.length > 0 ? {keychain} : {}),
	};
}
