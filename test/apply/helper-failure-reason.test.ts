// A credential helper that cannot reach the keychain says why in its output; the failure regauth
// reports names the helper and what that means, for docker's helpers run directly and for
// regauth's own, which runs as `node …/docker-credential-regauth.cjs` (the real bundle here,
// with no session bus, as on a server or in SSH).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runArgv} from '../../source/apply/run-command.js';
import {HELPER} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

test("regauth's own helper, run through node, failing on the keychain: the reason names it and the keychain problem", async () => {
	const home = tempDir();
	const env = {PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8'};
	const outcome = await runArgv(
		[process.execPath, HELPER, 'store'],
		JSON.stringify({ServerURL: 'r.example.com', Username: 'u', Secret: 'S3cret-value'}),
		20_000,
		{
			secrets: ['S3cret-value'],
			env,
		},
	);
	assert.equal(outcome.ok, false);
	assert.match(outcome.reason, /^docker-credential-regauth could not use the keychain/);
	assert.doesNotMatch(outcome.reason, /S3cret-value/);
});
