// Will the store survive a reboot? A keychain kept in memory (tmpfs, ramfs, the per-login
// runtime directory) loses every credential at the next boot, and docker pulls then fail with
// "no basic auth credentials" long after set-up said all was well. regauth names such a store
// before it is used (docs/keychains.md §4).
import {statfs} from 'node:fs/promises';
import {dirname, relative} from 'node:path';

/** Linux statfs magic numbers (include/uapi/linux/magic.h). */
const MEMORY_FILESYSTEMS: Record<number, string> = {16914836: 'tmpfs', 2240043254: 'ramfs'};

export interface VolatilePlace {
	/** What lives there, e.g. "the pass store". */
	what: string;
	path: string;
	reason: string;
}

async function filesystemOf(path: string): Promise<number | undefined> {
	// The place may not exist yet: what it will be created on is its nearest existing parent.
	for (let current = path; ; current = dirname(current)) {
		try {
			return (await statfs(current)).type;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || current === dirname(current)) return undefined;
		}
	}
}

function inside(parent: string, path: string): boolean {
	const rel = relative(parent, path);
	return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

export async function volatilePlaces(places: ReadonlyArray<{what: string; path: string}>, runtimeDir?: string): Promise<VolatilePlace[]> {
	const found: VolatilePlace[] = [];
	for (const place of places) {
		if (runtimeDir && inside(runtimeDir, place.path)) {
			found.push({...place, reason: `it is under XDG_RUNTIME_DIR (${runtimeDir}), which is emptied at logout and reboot`});
			continue;
		}
		const type = await filesystemOf(place.path);
		const name = type === undefined ? undefined : MEMORY_FILESYSTEMS[type];
		if (name) found.push({...place, reason: `it is on ${name}, which lives in memory`});
	}
	return found;
}

export function volatileMessage(places: readonly VolatilePlace[]): string {
	return [
		'This store will not survive a reboot:',
		...places.map(place => `  - ${place.what} (${place.path}): ${place.reason}.`),
		'Credentials kept there are lost at the next boot, and docker then fails with "no basic auth credentials". Point HOME (or GNUPGHOME, PASSWORD_STORE_DIR, DOCKER_CONFIG) at a disk to keep them.',
	].join('\n');
}
