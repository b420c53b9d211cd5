// decodeAuth against the real docker CLI: the same verdict, and the same "illegal base64 data at
// input byte N" that docker prints for a broken `auth` (docs/formats.md §1.2), so doctor's message
// matches what the user saw.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {decodeAuth, goBase64ErrorOffset} from '../../source/formats/docker-auth.js';
import {requireProgram} from '../support/programs.js';
import {tempDir} from '../support/temp.js';

const CASES = [
	'AbCdEfGhIj',
	'abc',
	'ab=c',
	'a===',
	'ab==',
	'abc=',
	'abc==',
	'ab==cd',
	'YWJj=',
	'Y',
	'YW*j',
	'YWJjZA=',
	'=abc',
	'YWJjZA==YWJj',
	'YWJjé',
	'YWJjZA',
	'YWJj',
	'dTpw',
	'OnB3',
];

test('decodeAuth says what docker says for each broken auth value', () => {
	const docker = requireProgram('docker', 'the docker CLI comes with CI’s machine image (see .ci/run)');
	const dir = tempDir();
	for (const value of CASES) {
		writeFileSync(join(dir, 'config.json'), JSON.stringify({auths: {'x.example.com': {auth: value}}}));
		// `docker logout` loads the config (and warns about it) without needing a daemon.
		const run = spawnSync(docker, ['logout', 'x.example.com'], {env: {...process.env, DOCKER_CONFIG: dir}, encoding: 'utf8'});
		const output = `${run.stdout}${run.stderr}`;
		const warning = /Error parsing config file \([^)]*\): (.*)/.exec(output)?.[1];
		const ours = decodeAuth(value);
		if (warning === undefined) {
			assert.ok(ours.ok, `${value}: docker accepted it, decodeAuth did not (${ours.ok ? '' : ours.message})`);
		} else if (/^illegal base64/.test(warning)) {
			assert.equal(ours.ok ? 'accepted' : ours.message, warning, value);
		} else {
			assert.match(warning, /Invalid auth configuration file/, value);
			assert.ok(!ours.ok && ours.message.startsWith('invalid auth configuration file'), value);
		}
	}
});

test('the offset follows Go: the start of an unfinished group, or the offending character', () => {
	assert.equal(goBase64ErrorOffset('YWJjZA=='), undefined);
	assert.equal(goBase64ErrorOffset(''), undefined);
	assert.equal(goBase64ErrorOffset('AbCdEfGhIj'), 8);
	assert.equal(goBase64ErrorOffset('YW-j'), 2);
	assert.equal(goBase64ErrorOffset('YWJjZA='), 7);
});
