// docker runs docker-credential-regauth on every pull: its bundle must stay tiny. This walks
// every file the built helper can load (static and dynamic imports) and checks that none of
// the CLI's heavy dependencies came along. Needs dist/ (npm test builds it first).

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {test} from 'node:test';
import {HELPER} from '../support/run-cli.js';

function reachable(entry: string): Map<string, string> {
	const files = new Map<string, string>();
	const visit = (path: string) => {
		if (files.has(path)) return;
		const text = readFileSync(path, 'utf8');
		files.set(path, text);
		for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(resolve(dirname(path), match[1]!));
	};
	visit(entry);
	return files;
}

test('the helper bundle loads no ink, react, execa or yaml; keytar only on demand', () => {
	const files = reachable(HELPER);
	const all = [...files.values()].join('\n');
	for (const heavy of ['ink', 'react', 'react-reconciler', 'execa', 'yaml', 'jsonc-parser', 'diff', 'nanotar']) {
		assert.ok(!all.includes(`node_modules/${heavy}/`), `${heavy} is in the helper's bundle (${[...files.keys()].join(', ')})`);
	}
	assert.ok(!/from\s*["']keytar["']/.test(all), 'keytar must not be imported statically (it is optional)');
	assert.match(all, /(?:import|require\w*)\(\s*["']keytar["']\s*\)/, 'keytar is loaded where it is used');
	const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
	assert.ok(bytes < 40_000, `the helper loads ${bytes} bytes of JavaScript; keep it small`);
});
