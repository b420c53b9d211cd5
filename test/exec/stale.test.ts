// The stale sweep removes only directories that are certainly regauth exec's and certainly
// abandoned (docs/ci.md §2.5). Real directories and real processes: a dead pid is one of a child
// that has exited, a live one is this test's own parent.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {createPrivateDir, EXEC_PREFIX, MARKER, ownerOf} from '../../source/exec/private-dir.js';
import {ownerAlive, sweepStale} from '../../source/exec/stale.js';
import {tempDir} from '../support/temp.js';

function deadPid(): number {
	return Number(spawnSync('sh', ['-c', 'echo $$'], {encoding: 'utf8'}).stdout.trim());
}

test('a dead owner, a reused pid and an old unmarked directory go; live owners, young unmarked, foreign names and links stay', () => {
	const base = tempDir();
	const dead = createPrivateDir(base, EXEC_PREFIX, {pid: deadPid()});
	const reused = createPrivateDir(base, EXEC_PREFIX, {pid: process.ppid, start: '1'});
	const live = createPrivateDir(base, EXEC_PREFIX, ownerOf(process.ppid));
	const action = createPrivateDir(base, 'regauth-action-', {pid: deadPid()});
	const oldUnmarked = join(base, `${EXEC_PREFIX}old`);
	const youngUnmarked = join(base, `${EXEC_PREFIX}young`);
	for (const dir of [oldUnmarked, youngUnmarked]) mkdirSync(dir, {mode: 0o700});
	utimesSync(oldUnmarked, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
	const target = tempDir();
	writeFileSync(join(target, MARKER), JSON.stringify({pid: deadPid()}));
	symlinkSync(target, join(base, `${EXEC_PREFIX}link`));

	const removed = sweepStale([base]).sort();
	assert.deepEqual(removed, [dead.path, oldUnmarked, reused.path].sort());
	for (const kept of [live.path, action.path, youngUnmarked, join(base, `${EXEC_PREFIX}link`), target]) assert.ok(existsSync(kept), kept);
});

test('ownerAlive: this process is alive, an exited child is not, another start time means the pid was reused', () => {
	assert.equal(ownerAlive(ownerOf(process.pid)), true);
	assert.equal(ownerAlive({pid: deadPid()}), false);
	assert.equal(ownerAlive({pid: process.pid, start: 'not-the-start'}), false);
});
