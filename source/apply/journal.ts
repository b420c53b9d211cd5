// The record of the last apply, so `regauth undo` can put every file back. Each file is
// recorded before it is replaced, with the hash of what was there and of what regauth writes:
// after a crash undo can tell "written", "never written" and "changed since" apart.
import {createHash} from 'node:crypto';
import {lstat, readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {makeParents, writeFileAtomic} from './atomic-write.js';
import {checkOwnedPrivate, readTrustedJournal} from './journal-trust.js';
import {type JournalKeychain, pruneKeptItems} from './keychain-backup.js';

export type {JournalKeychain} from './keychain-backup.js';

export interface JournalFile {
	path: string;
	/** sha256 of the file before the apply; null when it did not exist. */
	before: string | null;
	/** sha256 of the bytes regauth wrote. */
	after: string;
	/** Mode the file had before, to restore with it. */
	modeBefore?: number;
	backup?: string;
	createdDirs: string[];
}

export interface JournalCommand {
	title: string;
	display: string;
	/** How to revert by hand, when regauth knows (commands are not undone automatically). */
	revert?: string;
}

export interface Journal {
	version: 1;
	started: string;
	finished?: string;
	files: JournalFile[];
	commands: JournalCommand[];
	/** Keychain items erased or replaced, each kept in a 0600 file beside the journal (keychain-backup.ts). */
	keychain?: JournalKeychain[];
}

export const JOURNAL_NAME = 'last-apply.json';

export function sha256(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export async function hashFile(path: string): Promise<string | null> {
	try {
		return sha256(await readFile(path));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

export class JournalWriter {
	readonly journal: Journal;
	readonly path: string;

	constructor(stateDir: string, now: Date) {
		this.path = join(stateDir, JOURNAL_NAME);
		this.journal = {version: 1, started: now.toISOString(), files: [], commands: [], keychain: []};
	}

	get stateDir(): string {
		return dirname(this.path);
	}

	async save(): Promise<void> {
		let journal = this.journal;
		await this.checkStateDir();
		// regauth's own bookkeeping (the inventory beside this journal) changes on every apply.
		const bookkeeping = (file: JournalFile) => dirname(file.path) === dirname(this.path);
		if (journal.files.every(bookkeeping) && (journal.keychain ?? []).length === 0) {
			// Only commands and bookkeeping so far (an apply that changed no file of the user's and no
			// keychain item): the last apply's files stay what `regauth undo` restores; these commands
			// are added to its list, and a bookkeeping file it already restores keeps its original
			// backup, now expected to hold what this run wrote. A run that replaced or erased a
			// keychain item (a keychain-only rotate, a store that failed after its erase) is a change of
			// its own: its journal replaces the last one, so undo puts back that item and nothing the
			// earlier apply did. A journal regauth cannot trust is replaced instead.
			const previous = await readTrustedJournal(this.path).catch(() => undefined);
			if (previous && previous.files.length > 0) {
				const ours = new Set(journal.commands.map(command => JSON.stringify(command)));
				const now = new Map(journal.files.map(file => [file.path, file]));
				const files = previous.files.map(file => (now.has(file.path) ? {...file, after: now.get(file.path)!.after} : file));
				const known = new Set(previous.files.map(file => file.path));
				journal = {
					...previous,
					files: [...files, ...journal.files.filter(file => !known.has(file.path))],
					commands: [...previous.commands.filter(command => !ours.has(JSON.stringify(command))), ...journal.commands],
					keychain: [...(previous.keychain ?? []).filter(item => !journal.keychain?.some(mine => mine.backup === item.backup)), ...(journal.keychain ?? [])],
				};
			}
		}
		// noFollow: a link in place of the journal is replaced, never written through.
		await writeFileAtomic(this.path, new TextEncoder().encode(`${JSON.stringify(journal, null, '\t')}\n`), {mode: 0o600, dirMode: 0o700, noFollow: true});
		// Only the journal just saved can be undone: a kept keychain item it does not name (the
		// replaced journal's) is removed, so old secrets do not pile up beside it.
		await pruneKeptItems(this.stateDir, new Set((journal.keychain ?? []).map(item => item.backup)));
	}

	/** Makes sure the state directory exists and is private (before a kept item is written there). */
	async ensureStateDir(): Promise<void> {
		await this.checkStateDir();
	}

	private checked = false;
	/** The state directory must be the user's own: undo will refuse a journal anywhere else. */
	private async checkStateDir(): Promise<void> {
		if (this.checked) return;
		await makeParents(this.path, 0o700);
		const dir = join(this.path, '..');
		const info = await lstat(dir);
		if (info.isSymbolicLink()) throw new Error(`${dir} is a symbolic link; regauth keeps its undo journal only in a directory of its own. Remove the link.`);
		checkOwnedPrivate(dir, info, 'the state directory');
		this.checked = true;
	}

	/** Record a file before it is replaced; a second record for the same path (a merge redone
	 * after another program saved the file) replaces the first: undo restores what was there
	 * when regauth's own write landed. */
	async record(file: JournalFile): Promise<JournalFile | undefined> {
		const index = this.journal.files.findIndex(existing => existing.path === file.path);
		const previous = index === -1 ? undefined : this.journal.files[index];
		if (index === -1) this.journal.files.push(file);
		else this.journal.files[index] = {...file, createdDirs: [...previous!.createdDirs, ...file.createdDirs]};
		try {
			await this.save();
		} catch (error) {
			// Not saved (a full disk): what this writer holds stays what the journal on disk lists.
			if (index === -1) this.journal.files.pop();
			else this.journal.files[index] = previous!;
			throw error;
		}
		return previous;
	}

	/** Record a keychain item before it is erased or replaced (its copy is already written). */
	async keychain(item: JournalKeychain): Promise<void> {
		this.journal.keychain!.push(item);
		await this.save();
	}

	async command(command: JournalCommand): Promise<void> {
		this.journal.commands.push(command);
		await this.save();
	}

	async finish(now: Date): Promise<void> {
		this.journal.finished = now.toISOString();
		await this.save();
	}
}

export async function readJournal(stateDir: string): Promise<Journal | undefined> {
	return readTrustedJournal(join(stateDir, JOURNAL_NAME));
}
