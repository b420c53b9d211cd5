// Runs every test file with node's test runner. Node 20 does not expand globs and does not
// find .tsx tests by itself, so the list is explicit (see docs/ink-notes.md).

import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

function find(dir) {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : find(path);
		return /\.test\.tsx?$/.test(name) ? [path] : [];
	});
}

const only = process.argv.slice(2);
const files = (only.length > 0 ? only : find('test')).sort();
const result = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=3', '--test-timeout=600000', ...files],
	// Ink behaves differently under CI=true (lastFrame() after unmount becomes "\n").
	{stdio: 'inherit', env: {...process.env, CI: 'false', FORCE_COLOR: '0'}},
);
process.exit(result.status ?? 1);
