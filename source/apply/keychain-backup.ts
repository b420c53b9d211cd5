// Keychain items are data too: before apply erases (logout) or replaces (rotate, a second
// login) an item through a credential helper, it keeps the item as it was in a 0600 file beside
// the journal, and the journal records only that such a copy exists. `regauth undo` stores it
// back through the helper (stdin) and deletes the copy (docs/undo.md §4).
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {lstat, open, readdir, unlink} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {formatProblem} from '../keychain/diagnose.js';
import {runHelper, runProblem} from '../keychain/helper-client.js';
import {HELPER_NAME, saysNotFound} from '../keychain/names.js';
import type {Command} from '../plan-types.js';
import {fsyncDir} from './atomic-write.js';
import {timestamp} from './backup.js';

/** What the journal says about a keychain item apply changed: no secret, no hash of one. */
export interface JournalKeychain {
	/** docker-credential-<helper>. */
	helper: string;
	/** The server key the item is stored under. */
	server: string;
	/** What the apply did to it: erase (logout) or store (replaced). */
	action: 'store' | 'erase';
	/** The 0600 file in the journal's directory that keeps the item as it was. */
	backup: string;
}

/** The item as the helper protocol's `store` takes it. */
export interface KeptItem {
	ServerURL: string;
	Username: string;
	Secret: string;
}

export const KEYCHAIN_BACKUP = /^keychain-\d{8}T\d{6}Z-[0-9a-f]{12}\.json$/;

/** A kept copy is a few hundred bytes; the helper protocol refuses more than 1 MiB. */
const BACKUP_LIMIT = 2 * 1024 * 1024;

/** A backup younger than this that no journal names may belong to a run that is saving its journal. */
const PRUNE_GRACE_MS = 60_000;

export interface TouchedItem {
	helper: string;
	/** argv that runs the helper (without the action). */
	argv: string[];
	server: string;
	action: 'store' | 'erase';
}

/** The helper's name from the argv that runs it: docker-credential-NAME, or regauth's bundle. */
function helperOf(argv: readonly string[]): string | undefined {
	const program = basename(argv[0] ?? '');
	if (program.startsWith('docker-credential-')) return program.slice('docker-credential-'.length);
	const script = /^docker-credential-(.+?)\.c?js$/.exec(basename(argv[1] ?? ''));
	return script?.[1];
}

/** The keychain item a planned command erases or replaces, if it is a helper's store or erase. */
export function touchedItem(command: Command): TouchedItem | undefined {
	const action = command.argv.at(-1);
	if (action !== 'store' && action !== 'erase') return undefined;
	const helper = helperOf(command.argv);
	if (!helper || command.input === undefined) return undefined;
	let server = command.input.trim();
	if (action === 'store') {
		try {
			server = String((JSON.parse(command.input) as {ServerURL?: unknown}).ServerURL ?? '');
		} catch {
			return undefined;
		}
	}
	return server === '' ? undefined : {helper, argv: command.argv.slice(0, -1), server, action};
}

export type ItemRead = {found: true; item: KeptItem} | {found: false} | {problem: string};

/** `get` through the helper; nothing said about the secret in any message. */
export async function readItem(argv: readonly string[], helper: string, server: string, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<ItemRead> {
	const run = await runHelper(argv, 'get', server, timeoutMs, env);
	if (run.code !== 0 && saysNotFound(run.stdout)) return {found: false};
	const problem = runProblem(run, helper, timeoutMs);
	if (problem) return {problem: formatProblem({...problem, detail: ''}, `docker-credential-${helper} could not read the item for ${server}`)};
	// Success with nothing said: nothing to keep.
	if (run.stdout.trim() === '') return {found: false};
	let answer: {Username?: unknown; Secret?: unknown};
	try {
		answer = JSON.parse(run.stdout) as typeof answer;
	} catch {
		return {problem: `docker-credential-${helper} answered \`get\` for ${server} with something that is not the credential-helper protocol's JSON`};
	}
	if (typeof answer.Username !== 'string' || typeof answer.Secret !== 'string')
		return {problem: `docker-credential-${helper} answered \`get\` for ${server} without a Username and Secret`};
	// pass 0.6.4 answers a missing item with an empty Secret (docs/formats.md §2.1).
	if (answer.Secret === '') return {found: false};
	return {found: true, item: {ServerURL: server, Username: answer.Username, Secret: answer.Secret}};
}

/** Writes the kept item: 0600, created exclusively, never through a link, synced. */
export async function writeKeptItem(stateDir: string, item: KeptItem, now: Date): Promise<string> {
	const name = `keychain-${timestamp(now)}-${randomBytes(6).toString('hex')}.json`;
	const handle = await open(join(stateDir, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
	try {
		await handle.writeFile(`${JSON.stringify(item)}\n`);
		await handle.sync();
	} finally {
		await handle.close();
	}
	await fsyncDir(stateDir);
	return name;
}

export type KeptRead = {item: KeptItem} | {missing: true} | {refused: string};

/** The kept copy, only if it is the user's own private regular file and holds this server's item. */
export async function readKeptItem(stateDir: string, record: JournalKeychain): Promise<KeptRead> {
	const path = join(stateDir, record.backup);
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {missing: true};
		return {refused: code === 'ELOOP' ? `the kept copy ${path} is a symbolic link` : `the kept copy ${path} cannot be read (${code})`};
	}
	try {
		const info = await handle.stat();
		const me = process.getuid?.();
		if (!info.isFile()) return {refused: `the kept copy ${path} is not a regular file`};
		if (me !== undefined && info.uid !== me) return {refused: `the kept copy ${path} belongs to uid ${info.uid}, not to you`};
		if ((info.mode & 0o077) !== 0)
			return {refused: `the kept copy ${path} is readable or writable by others (mode 0${(info.mode & 0o777).toString(8)}); regauth does not trust it`};
		if (info.size > BACKUP_LIMIT) return {refused: `the kept copy ${path} is larger than any item regauth keeps`};
		const value = JSON.parse(await handle.readFile('utf8')) as Partial<KeptItem> | null;
		if (!value || value.ServerURL !== record.server || typeof value.Username !== 'string' || typeof value.Secret !== 'string')
			return {refused: `the kept copy ${path} is not the item for ${record.server} regauth kept`};
		return {item: {ServerURL: value.ServerURL, Username: value.Username, Secret: value.Secret}};
	} catch {
		return {refused: `the kept copy ${path} is not the item for ${record.server} regauth kept`};
	} finally {
		await handle.close();
	}
}

/** Removes a kept copy (restored, or no longer reachable by undo). */
export async function removeKeptItem(stateDir: string, name: string): Promise<void> {
	await unlink(join(stateDir, name)).catch(() => undefined);
}

/**
 * Kept copies no journal can restore any more (the journal that named them was replaced by the
 * next apply, or a run died before saving its journal) hold an old secret for nothing: removed.
 * A young one may belong to a run between writing it and saving its journal: left for later.
 */
export async function pruneKeptItems(stateDir: string, referenced: ReadonlySet<string>, now = Date.now()): Promise<void> {
	const names = await readdir(stateDir).catch(() => [] as string[]);
	for (const name of names) {
		if (!KEYCHAIN_BACKUP.test(name) || referenced.has(name)) continue;
		const info = await lstat(join(stateDir, name)).catch(() => undefined);
		if (!info?.isFile() || now - info.mtimeMs < PRUNE_GRACE_MS) continue;
		await removeKeptItem(stateDir, name);
	}
}

/** Stores a kept item back (stdin only); helpers that keep one item per user are erased first. */
export async function storeBack(
	argv: readonly string[],
	helper: string,
	item: KeptItem,
	replacing: boolean,
	env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
	if (replacing && helper !== HELPER_NAME) await runHelper(argv, 'erase', item.ServerURL, 30_000, env);
	const run = await runHelper(argv, 'store', `${JSON.stringify(item)}\n`, 30_000, env);
	const problem = runProblem(run, helper, 30_000);
	if (!problem) return undefined;
	// The helper's own words may echo what it was given: only regauth's diagnosis is shown.
	return formatProblem({...problem, detail: ''}, `docker-credential-${helper} could not store the item back`);
}
