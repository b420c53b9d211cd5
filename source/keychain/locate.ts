// Where regauth's own credential helper is: the bundle built beside dist/cli.js. Found from the
// running CLI's path, so it works from a global install, a local one and npx's cache alike.
import {existsSync, realpathSync} from 'node:fs';
import {dirname, join, sep} from 'node:path';

export interface HelperLocation {
	/** The node that runs regauth (absolute). */
	node: string;
	/** dist/docker-credential-regauth.cjs (absolute, symlinks resolved). */
	script: string;
	/** It lives in npx's cache, which npm may clean: a launcher pointing there can break later. */
	npx: boolean;
}

const BUNDLE = 'docker-credential-regauth.cjs';

export function locateHelper(entry: string | undefined = process.argv[1], node: string = process.execPath): HelperLocation | undefined {
	if (!entry) return undefined;
	let dir: string;
	try {
		dir = dirname(realpathSync(entry));
	} catch {
		return undefined;
	}
	// dist/cli.js → dist/…; source/cli.tsx (run through tsx) → dist/… after a build.
	for (const candidate of [join(dir, BUNDLE), join(dir, '..', 'dist', BUNDLE)]) {
		if (existsSync(candidate)) {
			const script = realpathSync(candidate);
			return {node, script, npx: script.includes(`${sep}_npx${sep}`)};
		}
	}
	return undefined;
}
