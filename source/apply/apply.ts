// apply(plan): the only code that changes the machine. Files first-checked, backed up, written
// atomically and journaled; keychain stores before the configs that point at them; commands
// after, stopping at the first failure so the summary can say what was and was not done.
import {statSync} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import type {ApplyMode, Artifact, Command, Plan} from '../plan-types.js';
import {makeParents, writeFileAtomic, writeTarget} from './atomic-write.js';
import {backupFile} from './backup.js';
import {type JournalCommand, JournalWriter, sha256} from './journal.js';
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
}

export interface ApplyResult {
	ok: boolean;
	items: ItemResult[];
	journal?: string;
}

/** A file changed on disk between the preview and the apply: re-plan, never overwrite. */
export class StaleError extends Error {
	constructor(readonly paths: string[]) {
		super(`${paths.join(', ')} changed since regauth read ${paths.length === 1 ? 'it' : 'them'}; the plan was made from the old content.`);
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

export async function apply(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
	if (!plan.canApply) throw new RefusedError(plan.refusals.join('\n'));

	const now = options.now ?? (() => new Date());
	const {artifacts, commands} = selected(plan, options.mode);
	await checkFresh(artifacts);

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
	let failed = false;
	const queue: Array<{kind: 'file'; artifact: Artifact} | {kind: 'command'; command: Command}> = [
		...commands.filter(command => command.role === 'store').map(command => ({kind: 'command' as const, command})),
		...artifacts.map(artifact => ({kind: 'file' as const, artifact})),
		...commands.filter(command => command.role !== 'store').map(command => ({kind: 'command' as const, command})),
	];
	for (const entry of queue) {
		const id = entry.kind === 'file' ? entry.artifact.id : entry.command.id;
		const title = entry.kind === 'file' ? entry.artifact.title : entry.command.title;
		if ((failed && !options.keepGoing) || options.signal?.aborted) {
			report({id, kind: entry.kind, title, status: 'not-attempted', detail: options.signal?.aborted ? 'cancelled' : 'not attempted after an earlier failure'});
			continue;
		}
		report({id, kind: entry.kind, title, status: 'running'});
		try {
			const result = entry.kind === 'file' ? await writeArtifact(entry.artifact, journal, now) : await execute(entry.command, run, journal, options);
			report({id, kind: entry.kind, title, ...result});
			if (result.status === 'failed') failed = true;
		} catch (error) {
			failed = true;
			report({id, kind: entry.kind, title, status: 'failed', detail: fileError(error, entry.kind === 'file' ? entry.artifact : undefined)});
		}
	}
	if (journal.journal.files.length > 0 || journal.journal.commands.length > 0) await journal.finish(now());
	const wrote = journal.journal.files.length > 0 || journal.journal.commands.length > 0;
	return {ok: !failed && !options.signal?.aborted, items, ...(wrote ? {journal: journal.path} : {})};
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
	if (error instanceof StaleError || error instanceof UnsafePathError) return error.message;
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

async function writeArtifact(artifact: Artifact, journal: JournalWriter, now: () => Date): Promise<Omit<ItemResult, 'id' | 'kind' | 'title'>> {
	if (!artifact.userConfig) await checkSafePath(artifact.path);
	const target = artifact.userConfig ? await writeTarget(artifact.path) : artifact.path;
	const existing = await readFile(target).catch(error => {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw error;
	});
	const info = existing ? await stat(target) : undefined;
	const modeNow = info ? info.mode & 0o7777 : undefined;
	if (existing && Buffer.compare(existing, Buffer.from(artifact.bytes)) === 0 && modeNow === artifact.mode) {
		return {status: 'unchanged', path: target, detail: 'already as planned'};
	}
	if (artifact.base) {
		// Re-read right before replacing: another program may have saved it since the check.
		const text = existing?.toString('utf8');
		if (text !== (artifact.base.exists ? artifact.base.text : undefined)) throw new StaleError([artifact.path]);
	}
	const createdDirs = await makeParents(target, artifact.dirMode);
	const backup = existing ? await backupFile(target, now()) : undefined;
	await journal.record({
		path: target,
		before: existing ? sha256(existing) : null,
		after: sha256(artifact.bytes),
		...(modeNow === undefined ? {} : {modeBefore: modeNow}),
		...(backup ? {backup} : {}),
		createdDirs,
	});
	await writeFileAtomic(target, artifact.bytes, {mode: artifact.mode, dirMode: artifact.dirMode, keepOwner: artifact.userConfig === true});
	const tightened = modeNow !== undefined && (modeNow & 0o077) !== 0 && (artifact.mode & 0o077) === 0;
	const detail = [existing ? 'updated' : 'created', tightened ? `mode tightened to 0${artifact.mode.toString(8)}` : ''].filter(Boolean).join(', ');
	return {status: 'done', path: target, detail, ...(backup ? {backup} : {})};
}

async function execute(command: Command, run: RunOptions, journal: JournalWriter, options: ApplyOptions): Promise<Omit<ItemResult, 'id' | 'kind' | 'title'>> {
	const withOutput: RunOptions = {...run, onOutput: line => options.onOutput?.(command.id, line)};
	const outcome = command.strategy ? await appendPullSecret(command, withOutput) : await runCommand(command, withOutput);
	if (!outcome.ok) return {status: 'failed', detail: outcome.reason};
	if ('already' in outcome && outcome.already) return {status: 'unchanged', detail: `already lists ${command.strategy!.secretName}`};
	const record: JournalCommand = {title: command.title, display: command.display};
	if (command.revert) record.revert = command.revert;
	await journal.command(record);
	if (command.check) {
		const check = await runCommand({...command, argv: command.check, input: undefined, role: 'read'} as Command, withOutput);
		if (!check.ok) return {status: 'failed', detail: `the command ran, but the check \`${command.check.join(' ')}\` failed: ${check.reason}`};
		return {status: 'done', detail: check.stdout.trim() || 'done'};
	}
	return {status: 'done', detail: outcome.stdout.trim().split('\n').pop() || 'done'};
}
