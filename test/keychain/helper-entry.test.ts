// The helper is a CommonJS file (scripts/build.mjs: it starts faster); launchers written by
// regauth 0.1 run dist/docker-credential-regauth.js, which must still answer the same way.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {HELPER} from '../support/run-cli.js';

test('the helper is CommonJS, and the old .js path runs the same helper', () => {
	assert.ok(HELPER.endsWith('.cjs'));
	assert.doesNotMatch(readFileSync(HELPER, 'utf8'), /^\s*(import|export)\s/m, 'no ES module syntax in the .cjs');
	const old = join(dirname(HELPER), 'docker-credential-regauth.js');
	const now = execFileSync(process.execPath, [HELPER, 'version'], {encoding: 'utf8'});
	assert.match(now, /^docker-credential-regauth \(regauth\) \d/);
	assert.equal(execFileSync(process.execPath, [old, 'version'], {encoding: 'utf8'}), now);
	// Errors too: an unknown action is exit 1 with the message docker expects, from both paths.
	for (const file of [HELPER, old]) {
		let failure: {status?: number; stdout?: string} = {};
		try {
			execFileSync(process.execPath, [file, 'nonsense'], {encoding: 'utf8'});
		} catch (error) {
			failure = error as typeof failure;
		}
		assert.equal(failure.status, 1);
		assert.match(failure.stdout ?? '', /Unknown credential action `nonsense`/);
	}
});
