// Project files are written only along a path nobody else controls: no link at the end, no
// directory of another user's (or one anyone may write to without the sticky bit) on the way.

import assert from 'node:assert/strict';
import {chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {checkSafePath, UnsafePathError} from '../../source/apply/safe-path.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

test('a symlink planted at a project file is refused, and its target is not touched', async () => {
	const dir = tempDir();
	const victim = join(dir, 'victim.txt');
	writeFileSync(victim, 'precious');
	mkdirSync(join(dir, 'regauth', 'kubernetes', 'current-namespace'), {recursive: true});
	symlinkSync(victim, join(dir, 'regauth', 'kubernetes', 'current-namespace', 'regcred.secret.yaml'));
	const home = join(dir, 'home');
	mkdirSync(home);
	const result = await runCli(['-r', 'quay.io', '-u', 'bot', '--password-stdin', '-t', 'kubernetes', '--no-verify', '--yes'], {
		env: cleanEnv(home),
		cwd: dir,
		input: 'Secr3t-token',
	});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /is a symbolic link; regauth does not write project files through links/);
	assert.equal(readFileSync(victim, 'utf8'), 'precious');
});

test('a directory anyone may write to (not sticky) on the way is refused', async () => {
	const dir = tempDir();
	const shared = join(dir, 'shared');
	mkdirSync(shared);
	chmodSync(shared, 0o777);
	await assert.rejects(
		checkSafePath(join(shared, 'out', 'secret.yaml')),
		(error: unknown) => error instanceof UnsafePathError && /can be written by other users/.test((error as Error).message),
	);
	chmodSync(shared, 0o1777); // like /tmp: sticky, fine
	await checkSafePath(join(shared, 'out', 'secret.yaml'));
});

test('a file or directory another user planted is refused; the secret never becomes theirs', {
	skip: !isRoot && 'needs root to create files owned by another user',
}, async () => {
	const dir = tempDir();
	chmodSync(dir, 0o1777);
	const theirs = join(dir, 'regauth');
	mkdirSync(join(theirs, 'kubernetes', 'current-namespace'), {recursive: true});
	chownSync(theirs, NOBODY, NOBODY);
	const home = join(dir, 'home');
	mkdirSync(home);
	const result = await runCli(['-r', 'quay.io', '-u', 'bot', '--password-stdin', '-t', 'kubernetes', '--no-verify', '--yes'], {
		env: cleanEnv(home),
		cwd: dir,
		input: 'Secr3t-token',
	});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /belongs to another user \(uid 65534\)/);
	assert.equal(existsSync(join(theirs, 'kubernetes', 'current-namespace', 'regcred.secret.yaml')), false);

	const file = join(dir, 'planted.yaml');
	writeFileSync(file, '', {mode: 0o666});
	chownSync(file, NOBODY, NOBODY);
	await assert.rejects(checkSafePath(file), /belongs to another user/);
	assert.equal(statSync(file).uid, NOBODY);
});
