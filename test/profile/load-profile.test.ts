import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {findProfile} from '../../source/profile/find-profile.js';
import {checkProfile} from '../../source/profile/load-profile.js';
import {profileSchema} from '../../source/profile/profile-schema.js';
import {tempDir} from '../support/temp.js';

// Target options as a target would declare them (the real ones come from the target modules).
const SCHEMA = profileSchema(['docker', 'kubernetes'], {
	kubernetes: {type: 'object', additionalProperties: false, properties: {namespaces: {type: 'array', items: {type: 'string'}}}},
});

test('the issue’s example profile is accepted as written', async () => {
	const result = await checkProfile(
		`registries:
  - host: registry.team.example
    name: Team registry
    token-help: Create a read-only token at https://registry.team.example/tokens
targets: [docker, kubernetes]
kubernetes:
  namespaces: [web, jobs]
`,
		SCHEMA,
	);
	assert.ok(result.ok, JSON.stringify(result));
	assert.deepEqual(result.profile.kubernetes, {namespaces: ['web', 'jobs']});
});

test('each problem names the line and the field', async () => {
	const result = await checkProfile(
		`registries:
  - host: registry.team.example
    tokn-help: typo
targets: [docker, dockr]
kubernetes:
  namespaces: web
keychain:
  policy: always
`,
		SCHEMA,
	);
	assert.ok(!result.ok);
	assert.deepEqual(result.problems.sort(), [
		'line 3: unknown field "tokn-help" in registries[0]: remove it or check its spelling (see the schema for the fields registries[0] takes)',
		'line 4: targets[1] is "dockr": use one of docker, kubernetes',
		'line 6: kubernetes.namespaces must be a list, not "web"',
		'line 8: keychain.policy is "always": use one of required, preferred, allowed',
	]);
});

test('bad YAML, a hostile string, a path out of the repository and a non-https token URL', async () => {
	const syntax = await checkProfile('registries:\n  - host: [a\n', SCHEMA);
	assert.ok(!syntax.ok);
	assert.match(syntax.problems[0]!, /^line \d+, column \d+: .*\(YAML syntax\)$/);

	const hostile = await checkProfile('registries:\n  - host: "evil\\e]0;pwned\\a\\u202e"\noutput-dir: ../../etc\n', SCHEMA);
	assert.ok(!hostile.ok);
	const text = hostile.problems.join('\n');
	assert.match(
		text,
		/line 2: registries\[0\]\.host contains a control character, an escape sequence or a bidi override \("evil\\u001b\]0;pwned\\u0007\\u202e"\)/,
	);
	assert.match(text, /line 3: output-dir is "\.\.\/\.\.\/etc", which is not allowed here \(a relative path inside the repository, without \.\.\)/);
	assert.doesNotMatch(text, /[\u001b\u0007\u202e]/);

	const url = await checkProfile('registries:\n  - host: r.example\n    token-url: javascript:alert(1)\n', SCHEMA);
	assert.ok(!url.ok);
	assert.match(url.problems[0]!, /line 3: registries\[0\]\.token-url .*https:\/\//);

	const bomb = await checkProfile(
		`a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nregistries: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
		SCHEMA,
	);
	assert.ok(!bomb.ok);
	assert.match(bomb.problems[0]!, /aliases are limited/);
});

test('found in the working directory or a parent up to the repository root, never above it', () => {
	const dir = tempDir();
	const repo = join(dir, 'repo');
	mkdirSync(join(repo, '.git'), {recursive: true});
	mkdirSync(join(repo, 'services', 'api'), {recursive: true});
	writeFileSync(join(repo, '.regauth.yaml'), 'registries: [{host: r.example}]\n');
	assert.equal(findProfile(join(repo, 'services', 'api')), join(repo, '.regauth.yaml'));
	writeFileSync(join(dir, '.regauth.yaml'), 'registries: [{host: planted.example}]\n');
	mkdirSync(join(dir, 'plain', 'sub'), {recursive: true});
	assert.equal(findProfile(join(dir, 'plain', 'sub')), undefined, 'outside a repository, parents are not searched');
	assert.equal(findProfile(dir), join(dir, '.regauth.yaml'), 'the working directory itself counts');
});
