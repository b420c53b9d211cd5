// regauth never hangs on, or dies with, a keychain: calls run in a child with a deadline.
// A hanging and a crashing helper are stand-ins (small node scripts); the missing keytar is the
// real built helper copied where no node_modules can be found, as after an install without
// libsecret.

import assert from 'node:assert/strict';
import {cpSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {probeKeychain, readRemembered} from '../../source/keychain/helper-client.js';
import {HELPER} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const location = (script: string) => ({regauthHelper: {node: process.execPath, script, npx: false}});

test('a helper that does not answer is stopped at the deadline: a timeout problem, no hang', async () => {
	const script = join(tempDir(), 'hang.mjs');
	writeFileSync(script, 'setInterval(() => {}, 1000);\n');
	const status = await probeKeychain(location(script), 'regauth', {timeoutMs: 300});
	assert.equal(status.ok, false);
	assert.equal(!status.ok && status.problem.code, 'timeout');
	assert.match(!status.ok ? status.problem.message : '', /did not answer within 0 s|did not answer within/);
});

test('a crashing keychain module (the findCredentials segfault) becomes a problem, not a dead regauth', async () => {
	const script = join(tempDir(), 'crash.mjs');
	writeFileSync(script, "process.kill(process.pid, 'SIGSEGV');\n");
	const status = await probeKeychain(location(script), 'regauth', {timeoutMs: 10_000});
	assert.equal(!status.ok && status.problem.code, 'crashed');
	assert.match(!status.ok ? status.problem.advice[0]! : '', /secret-tool clear service regauth/);
});

test('keytar missing (optional dependency not built): the real helper says so, with the fix', async () => {
	const dist = join(tempDir(), 'dist');
	cpSync(dirname(HELPER), dist, {recursive: true});
	const env = location(join(dist, 'docker-credential-regauth.cjs'));
	const status = await probeKeychain(env, 'regauth', {timeoutMs: 10_000, processEnv: {PATH: process.env.PATH}});
	assert.equal(!status.ok && status.problem.code, 'module-missing', JSON.stringify(status));
	assert.match(!status.ok ? status.problem.advice.join('\n') : '', /libsecret[\s\S]*--keychain secretservice/);
	const lookup = await readRemembered(env, 'quay.io', {timeoutMs: 10_000});
	assert.equal('problem' in lookup && lookup.problem.code, 'module-missing');
});

test("Docker's helper missing from PATH is a problem that names it", async () => {
	const status = await probeKeychain({}, 'no-such-helper-xyz', {timeoutMs: 10_000});
	assert.equal(!status.ok && status.problem.code, 'helper-missing');
	assert.match(!status.ok ? status.problem.message : '', /docker-credential-no-such-helper-xyz could not be started/);
});
