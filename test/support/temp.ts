// A fresh directory per test, removed afterwards.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after} from 'node:test';

export function tempDir(prefix = 'regauth-test-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	after(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}
