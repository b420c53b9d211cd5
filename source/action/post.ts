// The GitHub Action's post step (runs after the job, also when it failed or was cancelled):
// removes the private directory main recorded in the step state. Only a directory that is
// certainly main's goes: our prefix, a real directory of this user, with regauth's marker.
import {existsSync, lstatSync} from 'node:fs';
import {basename, isAbsolute, join} from 'node:path';
import {ACTION_PREFIX, MARKER, removePrivateDir} from '../exec/private-dir.js';
import {error, warning} from './workflow.js';

function main(): number {
	const dir = process.env.STATE_dir ?? '';
	if (dir === '') {
		console.log('regauth: main did not log in (no saved state): nothing to remove.');
		return 0;
	}
	let info: ReturnType<typeof lstatSync>;
	try {
		info = lstatSync(dir);
	} catch (failure) {
		if ((failure as NodeJS.ErrnoException).code !== 'ENOENT') throw failure;
		console.log(`regauth: ${dir} is already gone.`);
		return 0;
	}
	const ours =
		isAbsolute(dir) && basename(dir).startsWith(ACTION_PREFIX) && info.isDirectory() && info.uid === process.getuid?.() && existsSync(join(dir, MARKER));
	if (!ours) {
		warning(`regauth: ${dir} does not look like the directory main created; left as it is.`);
		return 0;
	}
	removePrivateDir(dir);
	console.log(`regauth: removed ${dir} (the job's registry login).`);
	return 0;
}

try {
	process.exitCode = main();
} catch (failure) {
	error(`regauth: could not remove the login directory: ${(failure as Error).message}`);
	process.exitCode = 1;
}
