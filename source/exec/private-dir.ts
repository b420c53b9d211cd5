// The private directory a `regauth exec` run (or the GitHub Action) logs in into: fresh, 0700,
// under $XDG_RUNTIME_DIR when it exists (a per-user tmpfs, gone at logout or reboot), else the
// temp dir. A marker inside records who made it, so a later run can tell a directory whose
// owner died (SIGKILL, power loss) from one still in use. docs/ci.md §2.
import {lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {isAbsolute, join} from 'node:path';

/** Every directory regauth may remove on its own starts with this (and the kind after it). */
export const PRIVATE_PREFIX = 'regauth-';
/** `regauth exec`: removed by its own process, or by the stale sweep once that process is gone. */
export const EXEC_PREFIX = `${PRIVATE_PREFIX}exec-`;
/** The Action: outlives main's process (post removes it), so the sweep never takes it. */
export const ACTION_PREFIX = `${PRIVATE_PREFIX}action-`;
export const MARKER = '.regauth-owner';

export interface Owner {
	pid: number;
	/** The process's start time (clock ticks since boot, /proc/PID/stat field 22): a reused pid has another. */
	start?: string;
}

export interface PrivateDir {
	path: string;
	dockerConfig: string;
	authFile: string;
}

/** The process's start time on Linux; undefined where /proc cannot tell. */
export function processStart(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 2 (comm) may hold spaces and parentheses: count fields after its closing one.
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return rest[19];
	} catch {
		return undefined;
	}
}

/** Where private directories go: $XDG_RUNTIME_DIR when it is an absolute path to a directory of ours. */
export function privateBase(processEnv: NodeJS.ProcessEnv): string {
	const runtime = processEnv.XDG_RUNTIME_DIR;
	if (runtime && isAbsolute(runtime)) {
		try {
			const info = statSync(runtime);
			if (info.isDirectory() && info.uid === process.getuid?.()) return runtime;
		} catch {
			// fall through to the temp dir
		}
	}
	return tmpdir();
}

/** The bases a stale sweep looks in (both, as XDG_RUNTIME_DIR may have been unset last time). */
export function privateBases(processEnv: NodeJS.ProcessEnv): string[] {
	return [...new Set([privateBase(processEnv), tmpdir()])];
}

export function createPrivateDir(base: string, prefix: string, owner: Owner = ownerOf(process.pid)): PrivateDir {
	// mkdtemp creates the directory 0700 with an unguessable suffix, and fails rather than reuse one.
	const path = mkdtempSync(join(base, prefix));
	const info = lstatSync(path);
	if ((info.mode & 0o077) !== 0 || info.uid !== process.getuid?.()) {
		rmSync(path, {recursive: true, force: true});
		throw new Error(`${path} was not created private (mode 0${(info.mode & 0o777).toString(8)}); refusing to put a login there.`);
	}
	writeFileSync(join(path, MARKER), `${JSON.stringify(owner)}\n`, {mode: 0o600, flag: 'wx'});
	return {path, dockerConfig: path, authFile: join(path, 'auth.json')};
}

export function ownerOf(pid: number): Owner {
	const start = processStart(pid);
	return start === undefined ? {pid} : {pid, start};
}

export function readOwner(dir: string): Owner | undefined {
	try {
		const value = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Partial<Owner>;
		if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
		return typeof value.start === 'string' ? {pid: value.pid, start: value.start} : {pid: value.pid};
	} catch {
		return undefined;
	}
}

/**
 * Synchronous on purpose: it runs from signal handlers and the 'exit' event, where nothing
 * asynchronous completes. Never follows symlinks (rm removes a link, not what it points at).
 */
export function removePrivateDir(path: string): void {
	rmSync(path, {recursive: true, force: true, maxRetries: 3});
}
