// `regauth undo`: put back every file the last apply changed, remove the ones it created, and
// refuse (file by file, with the reason) where someone changed the file since. The journal and
// the backups are checked before they are believed (journal-trust.ts, docs/undo.md).
import {constants} from 'node:fs';
import {lstat, open, rename, rmdir, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {helperArgv} from '../keychain/helper-argv.js';
import {locateHelper} from '../keychain/locate.js';
import {writeFileAtomic} from './atomic-write.js';
import {hashFile, JOURNAL_NAME, type JournalCommand, type JournalFile, type JournalKeychain, sha256} from './journal.js';
import {checkOwnedPrivate, JournalError, readTrustedJournal} from './journal-trust.js';
import {pruneKeptItems, readItem, readKeptItem, removeKeptItem, storeBack} from './keychain-backup.js';

export {JournalError} from './journal-trust.js';

export interface UndoItem {
	/** The file; for a keychain item, `docker-credential-HELPER SERVER`. */
	path: string;
	kind?: 'file' | 'keychain';
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

/**
 * Puts a keychain item back from the copy kept beside the journal, through the helper's `store`
 * (stdin), then deletes the copy. An item logout erased that is there again (someone logged in
 * since) is left alone, and its copy kept.
 */
async function undoKeychain(stateDir: string, record: JournalKeychain, processEnv: NodeJS.ProcessEnv): Promise<UndoItem> {
	const path = `docker-credential-${record.helper} ${record.server}`;
	const item = (status: UndoItem['status'], detail: string): UndoItem => ({path, kind: 'keychain', status, detail});
	const argv = helperArgv({regauthHelper: locateHelper()}, record.helper);
	const copy = join(stateDir, record.backup);
	const kept = await readKeptItem(stateDir, record);
	if ('refused' in kept) return item('refused', kept.refused);
	const now = await readItem(argv, record.helper, record.server, 30_000, processEnv);
	if ('problem' in now) return item('refused', `${now.problem}\nThe item as it was is kept in ${copy}; run regauth undo again once the keychain answers.`);
	if ('missing' in kept)
		return now.found ? item('unchanged', 'already back (its kept copy was removed when it was restored)') : item('refused', `its kept copy ${copy} is gone`);
	if (now.found && now.item.Username === kept.item.Username && now.item.Secret === kept.item.Secret) {
		await removeKeptItem(stateDir, record.backup);
		return item('unchanged', 'already as before the apply');
	}
	if (record.action === 'erase' && now.found)
		return item(
			'refused',
			`a credential (user ${now.item.Username}) was stored for ${record.server} since the logout; regauth left it. The one logout erased is kept in ${copy} (0600): docker-credential-${record.helper} store < ${copy} puts it back.`,
		);
	const failed = await storeBack(argv, record.helper, kept.item, now.found, processEnv);
	if (failed) return item('refused', `${failed}\nThe item as it was is kept in ${copy}; run regauth undo again once the keychain works.`);
	await removeKeptItem(stateDir, record.backup);
	return item('restored', `stored back through docker-credential-${record.helper} (user ${kept.item.Username}); the kept copy was deleted`);
}

export async function undoLastApply(stateDir: string, processEnv: NodeJS.ProcessEnv = process.env): Promise<UndoResult> {
	const journalPath = join(stateDir, JOURNAL_NAME);
	const journal = await readTrustedJournal(journalPath);
	const keychain = journal?.keychain ?? [];
	if (!journal || journal.files.length + journal.commands.length + keychain.length === 0) return {empty: true, items: [], commands: []};
	const items: UndoItem[] = [];
	for (const file of [...journal.files].reverse()) {
		try {
			items.push(await undoFile(file));
		} catch (error) {
			if (error instanceof JournalError) throw error;
			items.push({path: file.path, status: 'refused', detail: `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim()});
		}
	}
	// Keychain items last, in reverse: the files they belong to are settled. While a file is
	// refused (changed since), the machine moved on: the items stay, their copies kept.
	const fileRefused = items.some(item => item.status === 'refused');
	for (const record of [...keychain].reverse()) {
		if (fileRefused) {
			items.push({
				path: `docker-credential-${record.helper} ${record.server}`,
				kind: 'keychain',
				status: 'refused',
				detail: `not restored while a file above is refused; its copy stays in ${join(stateDir, record.backup)} until regauth undo runs again`,
			});
			continue;
		}
		items.push(await undoKeychain(stateDir, record, processEnv));
	}
	// Keep the journal for reference, but make a second undo a no-op; while something was
	// refused it stays, so the user can fix that file and undo again.
	if (!items.some(item => item.status === 'refused')) {
		await rename(journalPath, join(stateDir, `undone-${JOURNAL_NAME}`));
		await pruneKeptItems(stateDir, new Set());
	}
	return {empty: false, items, commands: journal.commands};
}
