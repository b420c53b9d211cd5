// Non-UTF-8 bytes in a config regauth merges into: decoding would turn them into U+FFFD and the
// merge would write that back. regauth refuses instead and leaves the file byte for byte.

import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

test('a config.json with a Latin-1 byte in another key is refused and kept byte for byte', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	const original = Buffer.concat([Buffer.from('{"auths": {}, "HttpHeaders": {"X-Note": "caf'), Buffer.from([0xe9]), Buffer.from('"}}\n')]);
	writeFileSync(config, original, {mode: 0o600});
	const result = await runCli(['-r', 'new.example.com', '-u', 'u', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {
		env: cleanEnv(home),
		cwd: dir,
		input: 'pw',
	});
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.match(result.stdout, /config\.json holds bytes that are not UTF-8 \(near byte \d+\); .* regauth left it untouched/);
	assert.deepEqual(readFileSync(config), original);
});
