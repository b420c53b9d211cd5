// A copy of a file beside it before regauth changes it: config.json.regauth-<UTC time>.bak, 0600
// (the original may hold credentials).
import {chmod, constants, copyFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {fsyncDir} from './atomic-write.js';

export function timestamp(now: Date): string {
	return now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

export async function backupFile(path: string, now: Date): Promise<string> {
	const stem = `${path}.regauth-${timestamp(now)}`;
	for (let attempt = 1; ; attempt++) {
		const backup = attempt === 1 ? `${stem}.bak` : `${stem}-${attempt}.bak`;
		try {
			await copyFile(path, backup, constants.COPYFILE_EXCL);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
			throw error;
		}
		await chmod(backup, 0o600);
		await fsyncDir(dirname(backup));
		return backup;
	}
}
