// Basic credentials whose bytes are not plain ASCII, and whose user:password length needs every
// kind of base64 padding (none, "=", "=="), against a real registry (Debian's docker-registry with
// an htpasswd file): regauth's check must be accepted, and the auth it writes must decode to the
// exact UTF-8 bytes (RFC 7617 §2.1: user-id ":" password, UTF-8 where the server says so).

import assert from 'node:assert/strict';
import {mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const CASES = [
	{username: 'robot', password: 'pässwörd-日本'}, // non-ASCII, multi-byte
	{username: 'a', password: 'b'}, // "a:b" = 3 bytes: no padding
	{username: 'ab', password: 'c'}, // 4 bytes: "=="
	{username: 'ab', password: 'cd'}, // 5 bytes: "="
	{username: 'üser', password: 'x'}, // non-ASCII user name
];

for (const {username, password} of CASES) {
	const bytes = Buffer.byteLength(`${username}:${password}`);
	test(`Basic auth for ${JSON.stringify(username)} with a ${bytes}-byte user:password is accepted by the real registry`, async () => {
		const dir = tempDir();
		const registry = await startRegistry(join(dir, 'registry'), {username, password});
		const home = join(dir, 'home');
		mkdirSync(home);
		const run = await runCli(['-r', registry.host, '-u', username, '--password-stdin', '-t', 'docker', '--yes'], {
			env: cleanEnv(home),
			cwd: dir,
			input: password,
		});
		assert.equal(run.code, 0, run.stdout + run.stderr);
		const config = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8')) as {auths: Record<string, {auth: string}>};
		const auth = config.auths[registry.host]!.auth;
		assert.equal(Buffer.from(auth, 'base64').toString('utf8'), `${username}:${password}`);
		assert.equal(auth, Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
		assert.equal(auth.length % 4, 0, 'padded base64');
		assert.equal(auth.match(/=*$/)![0].length, [0, 2, 1][bytes % 3]);

		// The test can fail: one wrong byte is refused by the same registry.
		const wrong = await runCli(['-r', registry.host, '-u', username, '--password-stdin', '-t', 'docker', '--dry-run'], {
			env: cleanEnv(home),
			cwd: dir,
			input: `${password}x`,
		});
		assert.equal(wrong.code, 1, wrong.stdout + wrong.stderr);
		assert.match(wrong.stderr, /rejected the user name or password/);
	});
}
