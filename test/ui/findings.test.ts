// The first screen's findings count what they read in words that read right ("2 registries").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {emptyEnvironment} from '../../source/environment.js';
import {findings, plural} from '../../source/ui/findings.js';

test('findings: plurals of words ending in a consonant and y', () => {
	const auth = (host: string) => ({auth: Buffer.from(`u:${host}`).toString('base64')});
	const config = JSON.stringify({auths: {'a.example': auth('a'), 'b.example': auth('b')}, credHelpers: {'c.example': 'x', 'd.example': 'x'}});
	const env = emptyEnvironment({home: '/home/dev', files: {'/home/dev/.docker/config.json': {exists: true, text: config, mode: 0o600}}});
	const docker = findings(env).find(finding => finding.label === 'Docker config')!;
	assert.match(docker.value, /2 registries in plain text \(a\.example, b\.example\)/);
	assert.match(docker.value, /2 credHelpers entries/);
	assert.doesNotMatch(docker.value, /registrys|entrys/);
	assert.deepEqual(
		[plural(1, 'registry'), plural(2, 'registry'), plural(3, 'context'), plural(2, 'key'), plural(0, 'entry')],
		['1 registry', '2 registries', '3 contexts', '2 keys', '0 entries'],
	);
});
