// Where a team profile is: `.regauth.yaml` in the working directory or a parent, up to the
// repository root (the directory holding .git). Outside a repository only the working directory
// counts, so a file left in /tmp or a parent home directory by someone else is never picked up.
import {existsSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';

export const PROFILE_NAMES = ['.regauth.yaml', '.regauth.yml'];

export function findProfile(cwd: string): string | undefined {
	const inRepository = repositoryRoot(cwd) !== undefined;
	let dir = cwd;
	for (;;) {
		for (const name of PROFILE_NAMES) {
			const path = join(dir, name);
			if (isFile(path)) return path;
		}
		if (!inRepository || existsSync(join(dir, '.git'))) return undefined;
		const parent = dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}

function repositoryRoot(cwd: string): string | undefined {
	let dir = cwd;
	for (;;) {
		if (existsSync(join(dir, '.git'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}
