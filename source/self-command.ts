// How to run regauth again, said the way the user ran it this time: next steps such as
// "regauth undo" must be commands that work from where the user is. Through npx the name is not
// on PATH ("npx regauth undo"); from a checkout with `npm start` or `node dist/cli.js` neither
// is; an installed bin is. Pure (the caller passes argv, the environment and the directory).
import {basename, delimiter, dirname, isAbsolute, relative} from 'node:path';
import {shellJoin} from './formats/shell-quote.js';

export function selfCommand(argv: readonly string[], vars: Readonly<Record<string, string | undefined>>, cwd: string): string {
	// npm sets npm_command for `npx`/`npm exec` and npm_lifecycle_event for `npm start` (npm-run-script(1)).
	if (vars.npm_command === 'exec') return 'npx regauth';
	if (vars.npm_lifecycle_event === 'start') return 'npm start --';
	const script = argv[1];
	if (!script) return 'regauth';
	const onPath = (vars.PATH ?? '').split(delimiter).includes(dirname(script));
	if (basename(script) === 'regauth' && onPath) return 'regauth';
	const shown = isAbsolute(script) && !relative(cwd, script).startsWith('..') ? relative(cwd, script) : script;
	return shellJoin(['node', shown]);
}
