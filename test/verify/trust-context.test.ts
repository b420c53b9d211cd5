// trustContext builds one TLS context per distinct set of certificates (status --check asks every
// registry at once, and each context parses every CA): the same certificates share a context, and
// a CA added to certs.d between two checks (a wizard retry) is trusted by the next one.

import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {trustContext} from '../../source/verify/trust.js';
import {tempDir} from '../support/temp.js';
import {makeCa} from '../support/tls.js';

test('the same certificates share one context; a new CA in certs.d gives a new one', async () => {
	const dir = tempDir();
	const certsDir = join(dir, 'certs.d', 'registry.example:5000');
	mkdirSync(certsDir, {recursive: true});
	const dirs = [{path: certsDir, shown: certsDir}];
	const env = {};
	const [first, second] = await Promise.all([trustContext({dirs, env}), trustContext({dirs, env})]);
	assert.equal(first, second);

	const ca = makeCa(dir);
	copyFileSync(ca.cert, join(certsDir, 'ca.crt'));
	const withCa = await trustContext({dirs, env});
	assert.notEqual(withCa, first);
	assert.equal(await trustContext({dirs, env}), withCa);
});
