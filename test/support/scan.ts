// Proof that a secret never reached the disk: every regular file under a directory, searched
// for each form of the secret (raw, base64 of the password, base64 of user:password).
import {lstatSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export function secretForms(username: string, password: string): string[] {
	return [password, Buffer.from(password).toString('base64'), Buffer.from(`${username}:${password}`).toString('base64')];
}

/** Paths of files under `dir` that contain any of `needles` (symlinks are not followed). */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
	const hits: string[] = [];
	const walk = (path: string) => {
		const info = lstatSync(path);
		if (info.isDirectory()) {
			for (const name of readdirSync(path)) walk(join(path, name));
		} else if (info.isFile()) {
			const bytes = readFileSync(path);
			for (const needle of needles)
				if (bytes.includes(Buffer.from(needle))) hits.push(`${path} (holds ${needle === needles[0] ? 'the password' : 'a base64 form'})`);
		}
	};
	walk(dir);
	return hits;
}

/** Every regular file under `dir`, relative paths (to show what a failed run left behind). */
export function listFiles(dir: string): string[] {
	const found: string[] = [];
	const walk = (path: string, relative: string) => {
		const info = lstatSync(path);
		if (info.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name), relative === '' ? name : `${relative}/${name}`);
		else found.push(relative);
	};
	walk(dir, '');
	return found;
}
