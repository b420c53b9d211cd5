// docker-credential-regauth at its edges, in a real keyring session (gnome-keyring): a secret far
// larger than any credential is refused with a message (64 MB got the helper killed silently);
// an item another program stored under regauth's service without an account does not crash
// `list`; and regauth reports a foreign helper's non-JSON answer without echoing it.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {listRemembered, readRemembered} from '../../source/keychain/helper-client.js';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {HELPER} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');

const helper = (args: string[], input: string, env: NodeJS.ProcessEnv) =>
	spawnSync(process.execPath, [HELPER, ...args], {input, env: {...process.env, ...env}, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20});

test('a 64 MB secret is refused with a message; the keyring is unchanged', () => {
	const keyring = startKeyring(tempDir());
	const big = `{"ServerURL":"big.example","Username":"u","Secret":"${'x'.repeat(64 * 1024 * 1024)}"}\n`;
	const stored = helper(['store'], big, keyring.env);
	assert.equal(stored.status, 1, `exit ${stored.status} ${stored.signal}`);
	assert.match(stored.stdout, /^credentials too large: \d+ bytes on stdin, at most 1048576 \(1 MiB\) are accepted\n$/);
	assert.equal(helper(['get'], 'big.example', keyring.env).stdout, 'credentials not found in native keychain\n');
});

test('a foreign item under service "regauth" without an account does not crash list', () => {
	const keyring = startKeyring(tempDir());
	const foreign = spawnSync('secret-tool', ['store', '--label=foreign', 'service', 'regauth'], {
		input: 'foreign-secret',
		env: {...process.env, ...keyring.env},
	});
	assert.equal(foreign.status, 0, String(foreign.stderr));
	// After the foreign item: gnome-keyring's store replaces an item whose attributes include the new one's.
	assert.equal(helper(['store'], '{"ServerURL":"ours.example","Username":"alice","Secret":"pw"}', keyring.env).status, 0);
	const got = helper(['get'], 'ours.example', keyring.env);
	assert.equal(got.stdout, '{"ServerURL":"ours.example","Username":"alice","Secret":"pw"}\n', 'get works beside the foreign item');
	const listed = helper(['list'], '', keyring.env);
	assert.equal(listed.signal, null, 'no crash');
	// gnome-keyring may already have replaced the foreign item with ours (its store replaces an item
	// whose attributes the new one's include; seen in some runs): then list has nothing to report.
	if (listed.status === 1)
		assert.match(
			listed.stdout,
			/an item under service "regauth" that regauth did not write \(no account attribute\).*secret-tool search --all service regauth/,
		);
	else assert.ok('ours.example' in JSON.parse(listed.stdout), listed.stdout);
	assert.ok(!listed.stdout.includes('foreign-secret'));
});

test('a foreign docker-credential-regauth that prints non-JSON is reported without its output', async () => {
	const dir = tempDir();
	const bin = join(dir, 'bin');
	mkdirSync(bin);
	const fake = join(bin, 'docker-credential-regauth');
	writeFileSync(fake, '#!/bin/sh\nprintf "CANARY-Pw-7f3a9Zq!x\\n"\n');
	chmodSync(fake, 0o755);
	const env = {};
	const processEnv = {...process.env, PATH: `${bin}:${process.env.PATH}`};
	const got = await readRemembered(env, 'quay.io', {processEnv});
	assert.equal(got.found, false);
	assert.ok('problem' in got);
	assert.match(got.problem.message, /answered `get` with 20 bytes that are not the credential-helper protocol's JSON/);
	assert.ok(!JSON.stringify(got).includes('CANARY'));
	const listed = await listRemembered(env, {processEnv});
	assert.equal(listed.ok, false);
	assert.ok(!JSON.stringify(listed).includes('CANARY'));
});
