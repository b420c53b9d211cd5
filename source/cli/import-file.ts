// --import FILE: the CLI half of importing a Quay robot file. Reading happens here; what the
// file means is decided by the pure import/quay-files.ts, which the wizard calls too.
import type {Answers} from '../answers.js';
import {BoundedReadError, readBoundedFile} from '../bounded-file.js';
import {importCredentials} from '../import/quay-files.js';
import {UsageError} from './errors.js';
import {readStdin} from './read-stdin.js';

async function readImport(file: string): Promise<string> {
	if (file === '-') {
		if (process.stdin.isTTY) throw new UsageError('--import -: stdin is a terminal; pipe the file in (regauth --import - < file) or give its path.');
		return readStdin({flag: '--import -', limit: 1024 * 1024});
	}
	try {
		return (await readBoundedFile(file)).toString('utf8');
	} catch (error) {
		if (error instanceof BoundedReadError) {
			if (error.code === 'ENOENT') throw new UsageError(`--import ${file}: no such file; give the path of the file Quay gave you.`);
			const hint = error.code === 'ENOTFILE' && !error.message.includes('directory') ? ' To read a stream, use --import - < FILE.' : '';
			throw new UsageError(`--import ${file}: ${error.code === 'ENOTFILE' || error.code === 'EFBIG' ? 'it ' : ''}${error.message}${hint}`);
		}
		throw error;
	}
}

/** Fills the answers' credentials from the file; returns what was found, for the user. */
export async function importInto(answers: Answers, file: string): Promise<string> {
	const text = await readImport(file);
	const result = importCredentials(text, file === '-' ? 'stdin' : file);
	if (!result.ok) throw new UsageError(`--import: ${result.message}`);
	answers.credentials = result.credentials;
	return result.found;
}
