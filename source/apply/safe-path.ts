// Where regauth may write a file that is not a user's own config: nobody else may be able to
// swap a directory on the way or plant a link at the end. Otherwise another local user could
// redirect the write (a symlink in a shared directory) or end up owning a file full of secrets
// (a file they created first). The rule is OpenSSH's for key files: every directory on the way
// belongs to root or to us, and one that others may write to must be sticky (/tmp).
import {lstat, realpath} from 'node:fs/promises';
import {dirname, join, sep} from 'node:path';

export class UnsafePathError extends Error {}

async function deepestExisting(path: string): Promise<string> {
	for (let current = path; ; current = dirname(current)) {
		try {
			await lstat(current);
			return current;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || current === dirname(current)) return current;
		}
	}
}

export async function checkSafePath(path: string, uid: number = process.getuid?.() ?? 0): Promise<void> {
	const trusted = (owner: number) => owner === 0 || owner === uid;
	const file = await lstat(path).catch(() => undefined);
	if (file?.isSymbolicLink()) {
		throw new UnsafePathError(`${path} is a symbolic link; regauth does not write project files through links. Remove it, or choose another --output-dir.`);
	}
	if (file && !trusted(file.uid)) {
		throw new UnsafePathError(
			`${path} belongs to another user (uid ${file.uid}); regauth will not put credentials in a file someone else owns. Remove it, or choose another --output-dir.`,
		);
	}
	const start = await realpath(await deepestExisting(dirname(path)));
	const parts = start.split(sep).filter(Boolean);
	for (let index = parts.length; index >= 0; index--) {
		const dir = join(sep, ...parts.slice(0, index));
		const info = await lstat(dir);
		const othersWrite = (info.mode & 0o022) !== 0;
		const sticky = (info.mode & 0o1000) !== 0;
		if (!trusted(info.uid) || (othersWrite && !sticky)) {
			throw new UnsafePathError(
				`${dir} ${!trusted(info.uid) ? `belongs to another user (uid ${info.uid})` : 'can be written by other users'}, so a file under it could be redirected or taken over; regauth will not write ${path} there. Choose an --output-dir in a directory of your own.`,
			);
		}
	}
}
