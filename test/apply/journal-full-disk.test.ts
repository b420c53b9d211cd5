// A full disk while saving the undo journal, for real: the state directory is a 64 KiB tmpfs,
// filled to one free page, mounted in a private mount namespace (`unshare -m`, as root: CI runs
// as root) so nothing outside the run sees it and it is gone when the run ends. The first file's
// journal record fits, the second's cannot: the message says what was written and how to undo
// it by hand, the unsaved file and the directories made for it are left as they were, and once
// there is space again `regauth undo` reverts what the journal on disk lists.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {shellJoin} from '../../source/formats/shell-quote.js';
import {CLI, cleanEnv} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

/** Why a private tmpfs cannot be had here (not root, no unshare, mount refused), or undefined. */
function noTmpfs(): string | undefined {
	if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)';
	const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs /mnt'], {encoding: 'utf8'});
	return probe.status === 0 ? undefined : `unshare -m + mount -t tmpfs refused here: ${(probe.stderr || probe.error?.message || '').trim()}`;
}

interface Outcome {
	code: number;
	stdout: string;
	stderr: string;
	undo: string;
	undoCode: number;
}

/** regauth -t docker,podman with the state directory on a full tmpfs; then, with space freed, regauth undo. */
function runOnFullDisk(dir: string, home: string): Outcome {
	const state = join(dir, 'state');
	mkdirSync(state, {recursive: true});
	const out = (name: string) => join(dir, name);
	const node = (args: string[], name: string, input = '/dev/null') =>
		`${shellJoin([process.execPath, CLI, ...args])} <${input} >${shellJoin([out(`${name}.out`)])} 2>${shellJoin([out(`${name}.err`)])}; echo $? >${shellJoin([out(`${name}.code`)])}`;
	writeFileSync(out('password'), 'S3cret-pw');
	const script = [
		`mount -t tmpfs -o size=64k tmpfs ${shellJoin([state])}`,
		// 15 of its 16 pages: the journal (one page) fits once; saving it again needs a second.
		`head -c 61440 /dev/zero >${shellJoin([join(state, 'fill')])}`,
		node(['-r', 'registry.example.com', '-u', 'dev', '--password-stdin', '-t', 'docker,podman', '--no-verify', '--yes'], 'apply', out('password')),
		`rm ${shellJoin([join(state, 'fill')])}`,
		node(['undo'], 'undo'),
	].join(' && ');
	const run = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {env: cleanEnv(home, {XDG_STATE_HOME: state}), encoding: 'utf8'});
	assert.equal(run.status, 0, run.stderr);
	const read = (name: string) => readFileSync(out(name), 'utf8');
	return {
		code: Number(read('apply.code')),
		stdout: read('apply.out'),
		stderr: read('apply.err'),
		undo: read('undo.out') + read('undo.err'),
		undoCode: Number(read('undo.code')),
	};
}

const skip = noTmpfs();

test('a full disk while saving the journal: the message names what was written and how to undo it by hand; undo works once there is space', {skip}, () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	const original = '{"auths":{"other.example.com":{"auth":"b3RoZXI6cHc="}}}\n';
	writeFileSync(config, original, {mode: 0o600});

	const result = runOnFullDisk(dir, home);
	assert.equal(result.code, 1, result.stderr);
	const backup = result.stdout.match(/updated \(backup: (\S+)\)/)?.[1];
	assert.ok(backup, result.stdout);
	const journal = join(dir, 'state', 'regauth', 'last-apply.json');
	const podman = join(home, '.config', 'containers', 'auth.json');
	assert.ok(
		result.stdout.includes(
			`✗ containers auth.json — could not save the undo journal ${journal} (no space left on the device), so ${podman} was left as it was. Written before it: ${config} (replaced; by hand: mv ${backup} ${config}). ${journal} lists it, so regauth undo reverts it once there is space again.`,
		),
		result.stdout,
	);
	assert.equal(existsSync(join(home, '.config')), false, 'the directories made for the unsaved file are removed again');
	assert.match(result.stdout, /Undo with: regauth undo/);
	// What the message says, once there is space: undo restores the first file from its backup.
	assert.equal(result.undoCode, 0, result.undo);
	assert.match(result.undo, new RegExp(`restored from ${backup.replace(/[.]/g, '\\.')}`));
	assert.equal(readFileSync(config, 'utf8'), original);
});

test('a full disk, first file new: the message says to remove it by hand', {skip}, () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const result = runOnFullDisk(dir, home);
	assert.equal(result.code, 1, result.stderr);
	const config = join(home, '.docker', 'config.json');
	assert.match(result.stdout, new RegExp(`Written before it: ${config.replace(/[.]/g, '\\.')} \\(new; by hand: rm ${config.replace(/[.]/g, '\\.')}\\)\\.`));
	assert.doesNotMatch(result.stdout, /\.bak/, 'no backup is promised where there is none');
	assert.equal(result.undoCode, 0, result.undo);
	assert.equal(existsSync(config), false, 'undo removed the file it created');
});
