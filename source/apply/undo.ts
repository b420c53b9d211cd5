// `regauth undo`: put back every file the last apply changed, remove the ones it created, and
// refuse (file by file, with the reason) where someone changed the file since.
import {readFile, rename, rmdir, stat, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from './atomic-write.js';
import {hashFile, JOURNAL_NAME, type JournalCommand, readJournal} from './journal.js';

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

export async function undoLastApply(stateDir: string): Promise<UndoResult> {
	const journal = await readJournal(stateDir);
	if (!journal || journal.files.length + journal.commands.length === 0) return {empty: true, items: [], commands: []};
	const items: UndoItem[] = [];
	for (const file of [...journal.files].reverse()) {
		const now = await hashFile(file.path);
		if (now === file.before) {
			items.push({path: file.path, status: 'unchanged', detail: 'already as before the apply'});
			continue;
		}
		if (now !== file.after) {
			items.push({
				path: file.path,
				status: 'refused',
				detail:
					now === null
						? 'it was removed since regauth wrote it; nothing to restore over'
						: file.backup
							? `it was changed since regauth wrote it; restore it by hand from ${file.backup} if you want`
							: 'it was changed since regauth created it; remove it by hand if you no longer want it',
			});
			continue;
		}
		if (file.before === null) {
			await unlink(file.path);
			for (const dir of [...file.createdDirs].reverse()) await rmdir(dir).catch(() => undefined); // only if empty
			items.push({path: file.path, status: 'removed', detail: 'regauth had created it'});
			continue;
		}
		if (!file.backup) {
			items.push({path: file.path, status: 'refused', detail: 'no backup was recorded'});
			continue;
		}
		const bytes = await readFile(file.backup).catch(() => undefined);
		if (!bytes) {
			items.push({path: file.path, status: 'refused', detail: `the backup ${file.backup} is gone`});
			continue;
		}
		const mode = file.modeBefore ?? (await stat(file.backup)).mode & 0o7777;
		await writeFileAtomic(file.path, bytes, {mode, dirMode: 0o700});
		items.push({path: file.path, status: 'restored', detail: `restored from ${file.backup}`});
	}
	// Keep the journal for reference, but make a second undo a no-op; while something was
	// refused it stays, so the user can fix that file and undo again.
	if (!items.some(item => item.status === 'refused')) await rename(join(stateDir, JOURNAL_NAME), join(stateDir, `undone-${JOURNAL_NAME}`));
	return {empty: false, items, commands: journal.commands};
}
