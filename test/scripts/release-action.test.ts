// scripts/release-action.mjs in a clone of this repository: the tag is HEAD plus the built
// dist/action/ (what action.yml runs), main and the work tree stay as they were, and a dirty tree
// or a malformed version is refused. Real git; the build is the project's own.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {appendFileSync, readFileSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {tempDir} from '../support/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function clone(): string {
	const dir = join(tempDir(), 'repo');
	execFileSync('git', ['clone', '-q', ROOT, dir]);
	// The build needs the dependencies; the clone borrows this checkout's (git ignores the link).
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	execFileSync('git', ['-C', dir, 'config', 'user.name', 'test']);
	execFileSync('git', ['-C', dir, 'config', 'user.email', 'test@example.invalid']);
	return dir;
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], {encoding: 'utf8'}).trim();
const release = (dir: string, ...args: string[]) =>
	spawnSync(process.execPath, ['scripts/release-action.mjs', ...args], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});

test('the release tag is HEAD plus dist/action; main, the index and the work tree are untouched; the major tag moves with it', () => {
	const dir = clone();
	const head = git(dir, 'rev-parse', 'HEAD');
	const run = release(dir, 'v9.8.7', '--move', 'v9');
	assert.equal(run.status, 0, run.stderr);
	const tagged = git(dir, 'rev-parse', 'v9.8.7^{commit}');
	assert.equal(git(dir, 'rev-parse', `${tagged}^`), head, 'one commit on top of HEAD');
	assert.equal(git(dir, 'rev-parse', 'v9^{commit}'), tagged);
	assert.deepEqual(git(dir, 'diff', '--name-only', head, tagged).split('\n'), ['dist/action/main.js', 'dist/action/post.js']);
	for (const file of ['main.js', 'post.js']) {
		assert.equal(git(dir, 'show', `${tagged}:dist/action/${file}`), readFileSync(join(dir, 'dist/action', file), 'utf8').trim(), `${file} is the build`);
	}
	assert.equal(git(dir, 'rev-parse', 'HEAD'), head, 'the branch did not move');
	assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=no'), '', 'nothing staged or changed');
	assert.match(git(dir, 'ls-files', 'dist'), /^$/, 'dist/ is still not tracked on the branch');
});

test('a changed work tree or a malformed version is refused, and no tag is made', () => {
	const dir = clone();
	const malformed = release(dir, '1.0');
	assert.equal(malformed.status, 2);
	assert.match(malformed.stderr, /usage: node scripts\/release-action\.mjs vMAJOR\.MINOR\.PATCH/);
	appendFileSync(join(dir, 'README.md'), '\nlocal edit\n');
	const dirty = release(dir, 'v1.0.0');
	assert.equal(dirty.status, 1);
	assert.match(dirty.stderr, /uncommitted changes/);
	assert.equal(git(dir, 'tag', '--list'), '');
});
