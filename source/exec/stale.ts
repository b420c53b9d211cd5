// After a SIGKILL (or a power cut) nothing of regauth runs to remove its private directory:
// the next run does. Only directories that are certainly ours and certainly abandoned go:
// named with the exec prefix, real directories (not symlinks) owned by this user, whose
// recorded process is gone (or whose pid now belongs to a process started later). docs/ci.md §2.
import {lstatSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {EXEC_PREFIX, type Owner, privateBases, processStart, readOwner, removePrivateDir} from './private-dir.js';

/** A marker-less directory younger than this may be one another run is creating right now. */
const UNMARKED_GRACE_MS = 60_000;

export function ownerAlive(owner: Owner): boolean {
	try {
		process.kill(owner.pid, 0);
	} catch (error) {
		// EPERM: the pid exists but belongs to someone else — a reused pid, or our process under
		// another uid; either way not provably dead, so keep the directory.
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
	}
	if (owner.start === undefined) return true;
	const start = processStart(owner.pid);
	return start === undefined || start === owner.start;
}

/** Remove abandoned exec directories under `bases`; returns the paths removed. Never throws. */
export function sweepStale(bases: readonly string[], now = Date.now()): string[] {
	const removed: string[] = [];
	const uid = process.getuid?.();
	for (const base of bases) {
		let names: string[];
		try {
			names = readdirSync(base);
		} catch {
			continue;
		}
		for (const name of names) {
			if (!name.startsWith(EXEC_PREFIX)) continue;
			const path = join(base, name);
			try {
				const info = lstatSync(path);
				if (!info.isDirectory() || info.uid !== uid) continue;
				const owner = readOwner(path);
				if (owner ? owner.pid === process.pid || ownerAlive(owner) : now - info.mtimeMs < UNMARKED_GRACE_MS) continue;
				removePrivateDir(path);
				removed.push(path);
			} catch {
				// Gone meanwhile, or not ours to read: leave it.
			}
		}
	}
	return removed;
}

/**
 * The sweep every regauth run does before its own work (exec, the Action, headless runs, status,
 * doctor), so a killed run's login does not outlive it by more than the next run. Each removed
 * directory is said on stderr (never stdout: --json output stays clean).
 */
export function sweepAbandoned(processEnv: NodeJS.ProcessEnv, say: (line: string) => void): void {
	for (const path of sweepStale(privateBases(processEnv))) say(`removed ${path}, left by a regauth exec that was killed.`);
}
