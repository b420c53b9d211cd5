// `regauth undo`: put back every file the last apply changed, remove the ones it created, and
// refuse (file by file, with the reason) where someone changed the file since. The journal and
// the backups are checked before they are believed (journal-trust.ts, docs/undo.md).
import {constants} from 'node:fs';
import {lstat, open, rename, rmdir, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from './atomic-write.js';
import {hashFile, JOURNAL_NAME, type JournalCommand, type JournalFile, sha256} from './journal.js';
import {checkOwnedPrivate, JournalError, readTrustedJournal} from './journal-trust.js';

export {JournalError} from './journal-trust.js';

export interface UndoItem {
	path: string;
	status: 'restored' | 'removed' | 'unchanged' | 'refused';
	detail: string;
}

export interface UndoResult {
	/** No journal: nothing to undo. */
	empty: boolean;
	items: UndoItem[];
	/** What commands changed; regauth cannot take that back, the user can. */
	commands: JournalCommand[];
}

/** The file itself (never through a link) is one the running user owns, or nothing is done to it. */
async function ownFile(path: string): Promise<string | undefined> {
	const info = await lstat(path).catch(() => undefined);
	if (!info) return undefined;
	if (info.isSymbolicLink()) return `${path} is now a symbolic link; regauth wrote a file there`;
	if (!info.isFile()) return `${path} is not a regular file`;
	const me = process.getuid?.();
	// root may have written a user's config keeping its owner (atomic-write.ts): root's own journal decides.
	if (me !== undefined && me !== 0 && info.uid !== me) return `${path} belongs to uid ${info.uid}, not to you`;
	return undefined;
}

/** The backup's bytes, only when they are exactly what the journal says was there before. */
async function trustedBackup(file: JournalFile): Promise<{bytes: Buffer} | {refused: string}> {
	const backup = file.backup!;
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(backup, constants.O_RDONLY | constants.O_NOFOLLOW);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {
			refused:
				code === 'ENOENT'
					? `the backup ${backup} is gone`
					: code === 'ELOOP'
						? `the backup ${backup} is a symbolic link`
						: `the backup ${backup} cannot be read (${code})`,
		};
	}
	try {
		const info = await handle.stat();
		try {
			checkOwnedPrivate(backup, info, 'the backup');
		} catch (error) {
			return {refused: (error as Error).message};
		}
		if (!info.isFile()) return {refused: `the backup ${backup} is not a regular file`};
		const bytes = await handle.readFile();
		if (sha256(bytes) !== file.before)
			return {refused: `the backup ${backup} no longer holds what was there before the apply (changed since); restore by hand if you trust it`};
		return {bytes};
	} finally {
		await handle.close();
	}
}

async function undoFile(file: JournalFile): Promise<UndoItem> {
	const now = await hashFile(file.path).catch(() => undefined);
	if (now === file.before) return {path: file.path, status: 'unchanged', detail: 'already as before the apply'};
	if (now !== file.after) {
		return {
			path: file.path,
			status: 'refused',
			detail:
				now === null
					? 'it was removed since regauth wrote it; nothing to restore over'
					: now === undefined
						? 'it cannot be read'
						: file.backup
							? `it was changed since regauth wrote it; restore it by hand from ${file.backup} if you want`
							: 'it was changed since regauth created it; remove it by hand if you no longer want it',
		};
	}
	const notOurs = await ownFile(file.path);
	if (notOurs) return {path: file.path, status: 'refused', detail: notOurs};
	if (file.before === null) {
		await unlink(file.path);
		for (const dir of [...file.createdDirs].reverse()) await rmdir(dir).catch(() => undefined); // only if empty
		return {path: file.path, status: 'removed', detail: 'regauth had created it'};
	}
	if (!file.backup) return {path: file.path, status: 'refused', detail: 'no backup was recorded'};
	const backup = await trustedBackup(file);
	if ('refused' in backup) return {path: file.path, status: 'refused', detail: backup.refused};
	await writeFileAtomic(file.path, backup.bytes, {mode: (file.modeBefore ?? 0o600) & 0o777, dirMode: 0o700, noFollow: true});
	return {path: file.path, status: 'restored', detail: `restored from ${file.backup}`};
}

export async function undoLastApply(stateDir: string): Promise<UndoResult> {
	const journalPath = join(stateDir, JOURNAL_NAME);
	const journal = await readTrustedJournal(journalPath);
	if (!journal || journal.files.length + journal.commands.length === 0) return {empty: true, items: [], commands: []};
	const items: UndoItem[] = [];
	for (const file of [...journal.files].reverse()) {
		try {
			items.push(await undoFile(file));
		} catch (error) {
			if (error instanceof JournalError) throw error;
			items.push({path: file.path, status: 'refused', detail: `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim()});
		}
	}
	// Keep the journal for reference, but make a second undo a no-op; while something was
	// refused it stays, so the user can fix that file and undo again.
	if (!items.some(item => item.status === 'refused')) await rename(journalPath, join(stateDir, `undone-${JOURNAL_NAME}`));
	return {empty: false, items, commands: journal.commands};
}
