// apply(plan): the only code that changes the machine. Files first-checked, backed up, written
// atomically and journaled; keychain stores before the configs that point at them; commands
// after, stopping at the first failure so the summary can say what was and was not done.

import {isUtf8} from 'node:buffer';
import {statSync} from 'node:fs';
import {readFile, rmdir, stat, unlink} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {shellJoin} from '../formats/shell-quote.js';
import type {ApplyMode, Artifact, Command, Plan} from '../plan-types.js';
import {ChangedError, makeParents, sweepTemps, writeFileAtomic, writeTarget} from './atomic-write.js';
import {backupFile} from './backup.js';
import {eraseThenStore} from './erase-then-store.js';
import {LockTimeoutError, lockFile} from './file-lock.js';
import {type JournalCommand, type JournalFile, JournalWriter, sha256} from './journal.js';
import {type KeptItem, readItem, removeKeptItem, touchedItem, writeKeptItem} from './keychain-backup.js';
import {type RunOptions, runCommand} from './run-command.js';
import {checkSafePath, UnsafePathError} from './safe-path.js';
import {appendPullSecret} from './serviceaccount.js';

export type {ApplyMode} from '../plan-types.js';

export type ItemStatus = 'running' | 'done' | 'unchanged' | 'failed' | 'skipped' | 'not-attempted';

export interface ItemResult {
	id: string;
	kind: 'file' | 'command';
	title: string;
	status: ItemStatus;
	/** Why it failed or was skipped; what happened. */
	detail?: string;
	/** For files: where the bytes went (symlinks resolved). */
	path?: string;
	backup?: string;
}

export interface ApplyOptions {
	mode: ApplyMode;
	stateDir: string;
	secrets: readonly string[];
	now?: () => Date;
	signal?: AbortSignal;
	/** Go on after a failure instead of stopping (the default stops). */
	keepGoing?: boolean;
	onItem?: (item: ItemResult) => void;
	onOutput?: (id: string, line: string) => void;
	env?: NodeJS.ProcessEnv;
	/**
	 * Plan again from what is on disk now. With it, apply merges again when a file changed since
	 * the plan read it (another regauth before the lock, docker login at any time); without it,
	 * such a change is a StaleError.
	 */
	replan?: () => Promise<Plan>;
}

export interface ApplyResult {
	ok: boolean;
	items: ItemResult[];
	journal?: string;
	/** The plan that was applied (a fresh one when a file changed and apply planned again). */
	plan?: Plan;
}

/** How many times a merge is redone when another program keeps saving the file meanwhile. */
const MERGE_ATTEMPTS = 5;

/** A file changed on disk between the preview and the apply: re-plan, never overwrite. */
export class StaleError extends Error {
	constructor(readonly paths: string[]) {
		super(`${paths.join(', ')} changed since regauth read ${paths.length === 1 ? 'it' : 'them'}; the plan was made from the old content.`);
	}
}

/** The journal could not be saved before a file was replaced: the file was left as it was. */
export class JournalSaveError extends Error {
	/** `written`: the files journaled (and so written) before this one, as the journal on disk lists them. */
	constructor(journal: string, file: string, cause: NodeJS.ErrnoException, written: readonly JournalFile[] = []) {
		const why = cause.code === 'ENOSPC' ? 'no space left on the device' : cause.message;
		const before =
			written.length === 0
				? ' Nothing was written before it.'
				: ` Written before it: ${written.map(handUndo).join('; ')}. ${journal} lists ${written.length === 1 ? 'it' : 'them'}, so regauth undo reverts ${written.length === 1 ? 'it' : 'them'} once there is space again.`;
		super(`could not save the undo journal ${journal} (${why}), so ${file} was left as it was.${before}`);
	}
}

/** A written file and how to revert it by hand: the backup moved back, or the new file removed. */
function handUndo(file: JournalFile): string {
	if (file.backup) return `${file.path} (replaced; by hand: ${shellJoin(['mv', file.backup, file.path])})`;
	if (file.before === null) return `${file.path} (new; by hand: ${shellJoin(['rm', file.path])})`;
	return `${file.path} (replaced; no backup)`;
}

/** A merge target holds bytes that are not UTF-8: regauth cannot keep them byte for byte, so it refuses. */
export class NotUtf8Error extends Error {
	constructor(path: string, bytes: Buffer) {
		let offset = 0;
		const decoder = new TextDecoder('utf-8', {fatal: true});
		// The first bad byte, for the message: the longest valid prefix.
		for (let low = 0, high = bytes.length; low < high; ) {
			const middle = Math.ceil((low + high) / 2);
			try {
				decoder.decode(bytes.subarray(0, middle));
				low = middle;
				offset = middle;
			} catch {
				high = middle - 1;
			}
		}
		super(
			`${path} holds bytes that are not UTF-8 (near byte ${offset}); JSON files must be UTF-8, and rewriting it would change them, so regauth left it untouched. Fix that text (e.g. re-save the file as UTF-8), then run regauth again.`,
		);
	}
}

/** Refused before anything happens: blocked artifacts or invalid answers. */
export class RefusedError extends Error {}

async function currentText(path: string): Promise<string | undefined> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		// ENOTDIR: a parent is a file, so this file cannot exist (the write says why).
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw error;
	}
}

/** Throws StaleError when a merge target no longer holds what the plan merged into. */
export async function checkFresh(artifacts: readonly Artifact[]): Promise<void> {
	const stale: string[] = [];
	for (const artifact of artifacts) {
		if (!artifact.base) continue;
		const text = await currentText(artifact.path);
		const expected = artifact.base.exists ? artifact.base.text : undefined;
		if (text !== expected) stale.push(artifact.path);
	}
	if (stale.length > 0) throw new StaleError(stale);
}

/** What plan() decided this mode writes and runs. */
function selected(plan: Plan, mode: ApplyMode): {artifacts: Artifact[]; commands: Command[]} {
	const {artifacts, commands} = plan.modes[mode];
	return {
		artifacts: plan.artifacts.filter(artifact => artifacts.includes(artifact.id)),
		commands: plan.commands.filter(command => commands.includes(command.id)),
	};
}

export async function apply(initial: Plan, options: ApplyOptions): Promise<ApplyResult> {
	refuseBlocked(initial);
	const now = options.now ?? (() => new Date());
	let plan = initial;
	// Every merge target is locked before anything is read for the last time or stored in a
	// keychain, in path order (two runs never wait on each other crosswise), and stays locked
	// until the journal is saved: no other regauth can slip a write in between.
	const locks = await lockMergeTargets(selected(plan, options.mode).artifacts);
	try {
		for (let attempt = 1; ; attempt++) {
			try {
				await checkFresh(selected(plan, options.mode).artifacts);
				break;
			} catch (error) {
				if (!(error instanceof StaleError) || !options.replan || attempt >= MERGE_ATTEMPTS) throw error;
				plan = await options.replan();
				refuseBlocked(plan);
			}
		}
		return await applyLocked(plan, options, now, locks.createdDirs);
	} finally {
		await locks.release();
	}
}

const settled = (artifact: Artifact, applied: ReadonlySet<string>) => (artifact.settle ? artifact.settle(applied) : artifact);

function refuseBlocked(plan: Plan): void {
	if (!plan.canApply) throw new RefusedError(plan.refusals.join('\n'));
}

async function lockTarget(artifact: Artifact): Promise<string> {
	if (!artifact.userConfig) await checkSafePath(artifact.path);
	return artifact.userConfig ? writeTarget(artifact.path) : artifact.path;
}

async function lockMergeTargets(artifacts: readonly Artifact[]): Promise<{release: () => Promise<void>; createdDirs: Map<string, string[]>}> {
	const byTarget = new Map<string, Artifact>();
	for (const artifact of artifacts) if (artifact.base) byTarget.set(await lockTarget(artifact), artifact);
	const releases: Array<() => Promise<void>> = [];
	const createdDirs = new Map<string, string[]>();
	const release = async () => {
		for (const done of releases.reverse()) await done();
		// Directories made only to hold a lock, for a file that was then not written: remove them
		// again (rmdir removes only empty ones), so a refused apply leaves nothing behind.
		for (const dirs of createdDirs.values()) for (const dir of [...dirs].reverse()) await rmdir(dir).catch(() => undefined);
	};
	try {
		for (const [target, artifact] of [...byTarget].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
			// The lock lives beside the file: its directory must exist (undo removes what was made).
			createdDirs.set(target, await makeParents(target, artifact.dirMode));
			releases.push(await lockFile(target));
			// Under the lock no other run writes this file: whatever temp files are beside it
			// were left by a run that was killed (they may hold a secret).
			await sweepTemps(target, 0);
		}
	} catch (error) {
		await release();
		throw error;
	}
	return {release, createdDirs};
}

async function applyLocked(plan: Plan, options: ApplyOptions, now: () => Date, preCreated: Map<string, string[]>): Promise<ApplyResult> {
	const {artifacts, commands} = selected(plan, options.mode);
	const items: ItemResult[] = [];
	const report = (item: ItemResult) => {
		const index = items.findIndex(existing => existing.id === item.id);
		if (index === -1) items.push(item);
		else items[index] = item;
		options.onItem?.(item);
	};
	const journal = new JournalWriter(options.stateDir, now());
	const run: RunOptions = {
		secrets: options.secrets,
		...(options.signal ? {signal: options.signal} : {}),
		...(options.env ? {env: options.env} : {}),
	};
	const refresh = options.replan
		? async (id: string) => {
				const fresh = (await options.replan!()).artifacts.find(artifact => artifact.id === id);
				if (!fresh || fresh.blocked) throw new StaleError([fresh?.blocked ?? id]);
				return fresh;
			}
		: undefined;
	let failed = false;
	const stored: Command[] = [];
	const queue: Array<{kind: 'file'; artifact: Artifact} | {kind: 'command'; command: Command}> = [
		...commands.filter(command => command.role === 'store').map(command => ({kind: 'command' as const, command})),
		...artifacts.filter(artifact => !artifact.settle).map(artifact => ({kind: 'file' as const, artifact})),
		...commands.filter(command => command.role !== 'store').map(command => ({kind: 'command' as const, command})),
		// Records of the outcome (the inventory) come last, and are written after a failure too:
		// they list what succeeded, never what was only planned (a kubectl apply that failed).
		...artifacts.filter(artifact => artifact.settle).map(artifact => ({kind: 'file' as const, artifact})),
	];
	const applied = () => new Set(items.filter(item => item.status === 'done' || item.status === 'unchanged').map(item => item.id));
	for (const queued of queue) {
		const record = queued.kind === 'file' && queued.artifact.settle;
		const entry = record ? {kind: 'file' as const, artifact: queued.artifact.settle!(applied())} : queued;
		const id = entry.kind === 'file' ? entry.artifact.id : entry.command.id;
		const title = entry.kind === 'file' ? entry.artifact.title : entry.command.title;
		// After a failure a record is written only if something else was: it then says what.
		const nothingDone = record && failed && !items.some(item => item.status === 'done');
		if ((failed && !options.keepGoing && !record) || nothingDone || options.signal?.aborted) {
			report({id, kind: entry.kind, title, status: 'not-attempted', detail: options.signal?.aborted ? 'cancelled' : 'not attempted after an earlier failure'});
			continue;
		}
		report({id, kind: entry.kind, title, status: 'running'});
		try {
			// A record planned again (another run saved it meanwhile) is settled with the same outcome.
			const refreshed = record && refresh ? async (id: string) => settled(await refresh(id), applied()) : refresh;
			const result =
				entry.kind === 'file' ? await writeArtifact(entry.artifact, journal, now, refreshed, preCreated) : await execute(entry.command, run, journal, options);
			if (entry.kind === 'file' && result.status === 'failed') result.detail = `${result.detail}${await eraseOrphans(entry.artifact, stored, run)}`;
			report({id, kind: entry.kind, title, ...result});
			if (result.status === 'failed') failed = true;
			if (entry.kind === 'command' && entry.command.role === 'store' && result.status === 'done') stored.push(entry.command);
		} catch (error) {
			failed = true;
			const orphans = entry.kind === 'file' ? await eraseOrphans(entry.artifact, stored, run) : '';
			report({id, kind: entry.kind, title, status: 'failed', detail: `${fileError(error, entry.kind === 'file' ? entry.artifact : undefined)}${orphans}`});
		}
	}
	const wrote = journal.journal.files.length > 0 || journal.journal.commands.length > 0 || (journal.journal.keychain?.length ?? 0) > 0;
	if (wrote) {
		// Each file was journaled before it was replaced, so undo works without the finish mark;
		// a full disk here must not turn a finished apply into "unexpected error".
		await journal.finish(now()).catch(() => undefined);
	}
	return {ok: !failed && !options.signal?.aborted, items, plan, ...(wrote ? {journal: journal.path} : {})};
}

/**
 * Before a helper's store or erase changes an item that exists, the item is kept in a 0600 file
 * beside the journal and the journal names that file (never the secret): undo stores it back.
 * The item: kept; undefined: nothing to keep (not a keychain command, or no item); a string: why the
 * item could not be read or kept, so the command must not run (never lose a credential).
 */
async function keepKeychainItem(command: Command, journal: JournalWriter, options: ApplyOptions): Promise<KeptItem | string | undefined> {
	const touched = touchedItem(command);
	if (!touched) return undefined;
	const env = {...(options.env ?? process.env), ...command.env};
	const read = await readItem(touched.argv, touched.helper, touched.server, command.timeoutMs, env);
	if ('problem' in read) return `${read.problem}\nNothing was changed: regauth keeps a copy of an item before it erases or replaces it, for regauth undo.`;
	if (!read.found) return undefined;
	// Storing what is already there loses nothing: no copy of a secret for nothing.
	if (touched.action === 'store') {
		const next = JSON.parse(command.input!) as {Username?: unknown; Secret?: unknown};
		if (next.Username === read.item.Username && next.Secret === read.item.Secret) return undefined;
	}
	let backup: string | undefined;
	try {
		await journal.ensureStateDir();
		backup = await writeKeptItem(journal.stateDir, read.item, new Date());
		await journal.keychain({helper: touched.helper, server: touched.server, action: touched.action, backup});
	} catch (error) {
		if (backup) await removeKeptItem(journal.stateDir, backup);
		return `could not keep a copy of the keychain item for ${touched.server} for regauth undo (${(error as Error).message}), so it was left as it was.`;
	}
	return read.item;
}

/** A store that failed after its erase: the erased item is named, and how it comes back (never report it as there). */
function lostItem(item: KeptItem): string {
	const server = item.ServerURL;
	return ` The keychain item for ${server} (user ${item.Username}) was erased before this store and is no longer in the keychain: nothing that reads the keychain has a login for ${server} now. regauth undo stores that item back (regauth kept a copy beside its undo journal), or store a credential again once the keychain works.`;
}

/**
 * A keychain store ran but the config that routes docker to it was not written: take the
 * secret back out, unless the file on disk already routes that registry to a helper (then the
 * store replaced the secret an existing route uses, and erasing would break it).
 */
async function eraseOrphans(artifact: Artifact, stored: Command[], run: RunOptions): Promise<string> {
	const erased: string[] = [];
	for (const command of stored.filter(command => command.target === artifact.target)) {
		let server: string;
		try {
			server = (JSON.parse(command.input ?? '') as {ServerURL: string}).ServerURL;
		} catch {
			continue;
		}
		if (await routesToHelper(artifact.path, server)) continue;
		const erase: Command = {...command, argv: [...command.argv.slice(0, -1), 'erase'], input: `${server}\n`, role: 'deploy'};
		const outcome = await runCommand(erase, run).catch(() => ({ok: false}) as const);
		if (outcome.ok) erased.push(server);
	}
	return erased.length > 0 ? ` The keychain item stored for ${erased.join(', ')} was erased again, so nothing is left without its route.` : '';
}

async function routesToHelper(path: string, server: string): Promise<boolean> {
	try {
		const config = JSON.parse(await readFile(path, 'utf8')) as {credHelpers?: Record<string, unknown>; credsStore?: unknown};
		const host = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
		return Boolean(config.credHelpers?.[server] ?? config.credHelpers?.[host] ?? config.credsStore);
	} catch {
		return false;
	}
}

/** The first component of `path`'s directories that exists and is not a directory. */
function firstFileOnPath(path: string): string | undefined {
	let current = '/';
	for (const part of dirname(path).split('/').filter(Boolean)) {
		current = join(current, part);
		try {
			if (!statSync(current).isDirectory()) return current;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

function fileError(error: unknown, artifact?: Artifact): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (
		error instanceof StaleError ||
		error instanceof UnsafePathError ||
		error instanceof LockTimeoutError ||
		error instanceof JournalSaveError ||
		error instanceof NotUtf8Error
	)
		return error.message;
	if (code === 'EACCES' || code === 'EPERM') {
		return `permission denied writing ${artifact?.path ?? 'the file'}: run regauth as a user who may write there, or stage it with --destdir DIR and install it with sudo.`;
	}
	if (code === 'EROFS') return `${artifact?.path ?? 'the file'} is on a read-only file system; stage it with --destdir DIR.`;
	if (code === 'ENOSPC') return 'no space left on the device; nothing was replaced.';
	if (code === 'ENOTDIR' || code === 'EEXIST') {
		const blocker = artifact ? firstFileOnPath(artifact.path) : undefined;
		return `cannot create ${artifact?.path ?? 'the file'}: ${blocker ?? 'a part of its path'} is a file, not a directory. Check --output-dir, --destdir and the environment variables that point there.`;
	}
	if (code === 'EISDIR') return `${artifact?.path ?? 'the file'} is a directory; regauth writes a file there. Move the directory away or choose another path.`;
	return (error as Error).message;
}

async function readBytes(path: string): Promise<Buffer | undefined> {
	try {
		return await readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw error;
	}
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

async function writeArtifact(
	planned: Artifact,
	journal: JournalWriter,
	now: () => Date,
	refresh: ((id: string) => Promise<Artifact>) | undefined,
	preCreated: Map<string, string[]>,
): Promise<Omit<ItemResult, 'id' | 'kind' | 'title'>> {
	let artifact = planned;
	let wrote = false;
	let lastBackup: string | undefined;
	const target = await lockTarget(artifact);
	for (let attempt = 1; ; attempt++) {
		// Another program saved the file since it was read: merge again from what is there now,
		// a bounded number of times; never report an entry that is not in the file.
		const again = async (why: string) => {
			if (!refresh || !artifact.base || attempt >= MERGE_ATTEMPTS) {
				throw new StaleError([`${artifact.path} (${why}${attempt > 1 ? `, ${attempt} attempts` : ''})`]);
			}
			artifact = await refresh(artifact.id);
		};
		const existing = await readBytes(target);
		const info = existing ? await stat(target) : undefined;
		const modeNow = info ? info.mode & 0o7777 : undefined;
		if (sameBytes(existing, artifact.bytes) && modeNow === artifact.mode) {
			return wrote
				? {status: 'done', path: target, detail: 'updated', ...(lastBackup ? {backup: lastBackup} : {})}
				: {status: 'unchanged', path: target, detail: 'already as planned'};
		}
		if (artifact.base && existing && !isUtf8(existing)) {
			// Decoding turned those bytes into U+FFFD; writing the merge back would change them.
			throw new NotUtf8Error(target, existing);
		}
		if (artifact.base && existing?.toString('utf8') !== (artifact.base.exists ? artifact.base.text : undefined)) {
			await again('changed since it was read');
			continue;
		}
		const createdDirs = [...(preCreated.get(target) ?? []), ...(await makeParents(target, artifact.dirMode))];
		preCreated.delete(target);
		const backup = existing ? await backupFile(target, now()) : undefined;
		const replaced = await journal
			.record({
				path: target,
				before: existing ? sha256(existing) : null,
				after: sha256(artifact.bytes),
				...(modeNow === undefined ? {} : {modeBefore: modeNow}),
				...(backup ? {backup} : {}),
				createdDirs,
			})
			.catch((error: NodeJS.ErrnoException) => {
				if (backup) void unlink(backup).catch(() => undefined);
				// Directories made for this file: removed again when the locks are released (rmdir: only empty ones).
				preCreated.set(target, createdDirs);
				throw new JournalSaveError(journal.path, target, error, journal.journal.files);
			});
		// A redone merge: the first attempt's backup holds a state undo no longer restores.
		if (replaced?.backup && replaced.backup !== backup) await unlink(replaced.backup).catch(() => undefined);
		try {
			await writeFileAtomic(target, artifact.bytes, {
				mode: artifact.mode,
				dirMode: artifact.dirMode,
				keepOwner: artifact.userConfig === true,
				...(artifact.base ? {expect: existing ?? null} : {}),
			});
		} catch (error) {
			if (!(error instanceof ChangedError)) throw error;
			await again('changed while regauth was writing it');
			continue;
		}
		wrote = true;
		lastBackup = backup;
		// A program without a lock may have renamed its own copy, read before ours landed, over it.
		if (artifact.base && !sameBytes(await readBytes(target), artifact.bytes)) {
			await again('replaced by another program right after regauth wrote it');
			continue;
		}
		const tightened = modeNow !== undefined && (modeNow & 0o077) !== 0 && (artifact.mode & 0o077) === 0;
		const detail = [existing ? 'updated' : 'created', tightened ? `mode tightened to 0${artifact.mode.toString(8)}` : ''].filter(Boolean).join(', ');
		return {status: 'done', path: target, detail, ...(backup ? {backup} : {})};
	}
}

async function execute(command: Command, run: RunOptions, journal: JournalWriter, options: ApplyOptions): Promise<Omit<ItemResult, 'id' | 'kind' | 'title'>> {
	const withOutput: RunOptions = {...run, onOutput: line => options.onOutput?.(command.id, line)};
	const kept = await keepKeychainItem(command, journal, options);
	if (typeof kept === 'string') return {status: 'failed', detail: kept};
	const strategy = command.strategy;
	const outcome =
		strategy?.kind === 'serviceaccount-append'
			? await appendPullSecret(command, strategy, withOutput)
			: strategy?.kind === 'erase-then-store'
				? await eraseThenStore(command, strategy, withOutput)
				: await runCommand(command, withOutput);
	if (!outcome.ok) return {status: 'failed', detail: `${outcome.reason}${'afterErase' in outcome && kept ? lostItem(kept) : ''}`};
	if (strategy?.kind === 'serviceaccount-append' && 'already' in outcome && outcome.already)
		return {status: 'unchanged', detail: `already lists ${strategy.secretName}`};
	const record: JournalCommand = {title: command.title, display: command.display};
	// An item kept beside the journal is put back by undo itself: no hand-made revert to show.
	if (command.revert && !kept) record.revert = command.revert;
	try {
		await journal.command(record);
	} catch (error) {
		const how = command.revert ? ` To revert it by hand: ${command.revert}` : '';
		return {status: 'failed', detail: `it ran, but the undo journal ${journal.path} could not be saved (${(error as Error).message}).${how}`};
	}
	if (command.check) {
		const check = await runCommand({...command, argv: command.check, input: undefined, role: 'read'} as Command, withOutput);
		if (!check.ok) return {status: 'failed', detail: `the command ran, but the check \`${command.check.join(' ')}\` failed: ${check.reason}`};
		return {status: 'done', detail: check.stdout.trim() || 'done'};
	}
	return {status: 'done', detail: outcome.stdout.trim().split('\n').pop() || 'done'};
}
