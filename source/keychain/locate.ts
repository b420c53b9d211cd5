// Where regauth's own credential helper is: the bundle built beside dist/cli.js. Found from the
// running CLI's path, so it works from a global install, a local one and npx's cache alike.
import {existsSync, realpathSync} from 'node:fs';
import {dirname, join, sep} from 'node:path';
import type {HelperLocation} from '../environment.js';

export type {HelperLocation} from '../environment.js';

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
