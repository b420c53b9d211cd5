import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {type Answers, type Credential, defaultAnswers} from '../../source/answers.js';
import {type Environment, emptyEnvironment, type FileState} from '../../source/environment.js';
import {MASK} from '../../source/formats/json-text.js';
import {plan} from '../../source/plan.js';

const CONFIG = '/home/user/.docker/config.json';

function answers(credentials: Partial<Credential>[], extra: Partial<Answers> = {}): Answers {
	return {
		...defaultAnswers(),
		targets: ['docker'],
		credentials: credentials.map(credential => ({registry: 'quay.io', username: 'org+bot', password: 'T0ken!', email: '', ...credential})),
		...extra,
	};
}

function envWith(file?: FileState, overrides: Partial<Environment> = {}): Environment {
	return emptyEnvironment({files: file ? {[CONFIG]: file} : {}, ...overrides});
}

function dockerArtifact(a: Answers, env: Environment) {
	const result = plan(a, env);
	const artifact = result.artifacts.find(item => item.id === 'docker:config');
	assert.ok(artifact);
	return {result, artifact};
}

test('a new config.json looks exactly like docker login writes it', () => {
	const {artifact} = dockerArtifact(answers([{username: 'org+robot', password: 'pa:ss'}]), envWith());
	assert.equal(artifact.text, '{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "b3JnK3JvYm90OnBhOnNz"\n\t\t}\n\t}\n}');
	assert.equal(artifact.mode, 0o600);
	assert.equal(artifact.dirMode, 0o700);
	assert.equal(artifact.path, CONFIG);
	assert.equal(artifact.secret, true);
	assert.ok(!artifact.redacted.includes('b3JnK3JvYm90OnBhOnNz'));
	assert.ok(artifact.redacted.includes(MASK));
});

test('Docker Hub goes under https://index.docker.io/v1/, email only when given, keys sorted', () => {
	const {artifact} = dockerArtifact(
		answers([
			{registry: 'docker.io', username: 'alice', password: 'pw', email: 'a@b.c'},
			{registry: 'ghcr.io', username: 'octo', password: 'x'},
		]),
		envWith(),
	);
	const doc = JSON.parse(artifact.text!);
	assert.deepEqual(Object.keys(doc.auths), ['ghcr.io', 'https://index.docker.io/v1/']);
	assert.deepEqual(doc.auths['https://index.docker.io/v1/'], {auth: 'YWxpY2U6cHc=', email: 'a@b.c'});
	assert.deepEqual(doc.auths['ghcr.io'], {auth: Buffer.from('octo:x').toString('base64')});
});

test('$DOCKER_CONFIG is a directory and wins over ~/.docker', () => {
	const {artifact} = dockerArtifact(answers([{}]), emptyEnvironment({vars: {DOCKER_CONFIG: '/tmp/dc'}}));
	assert.equal(artifact.path, '/tmp/dc/config.json');
});

test('--destdir stages the file under the directory, mirroring its path', () => {
	const {artifact} = dockerArtifact(answers([{}], {destdir: 'stage'}), emptyEnvironment({cwd: '/work'}));
	assert.equal(artifact.path, '/work/stage/home/user/.docker/config.json');
});

test('merging keeps other registries, unknown keys, their order and their formatting', () => {
	const text = '{\n  "auths": {\n    "ghcr.io": {"auth": "b2N0bzp4"}\n  },\n  "myCustomKey": {"x": 1.50},\n  "psFormat": "table"\n}\n';
	const {artifact} = dockerArtifact(answers([{}]), envWith({exists: true, text, mode: 0o600}));
	assert.ok(artifact.text!.includes('"myCustomKey": {"x": 1.50}'), artifact.text!);
	assert.ok(artifact.text!.includes('\n  "psFormat": "table"\n}\n'));
	const doc = JSON.parse(artifact.text!);
	assert.deepEqual(Object.keys(doc), ['auths', 'myCustomKey', 'psFormat']);
	assert.deepEqual(doc.auths['quay.io'], {auth: Buffer.from('org+bot:T0ken!').toString('base64')});
	assert.ok(artifact.text!.endsWith('}\n'), 'the trailing newline the file had stays');
});

test('planning the same answers against the result changes nothing', () => {
	const first = dockerArtifact(answers([{}]), envWith()).artifact;
	const second = dockerArtifact(answers([{}]), envWith({exists: true, text: first.text!, mode: 0o600})).artifact;
	assert.equal(second.changed, false);
	assert.equal(second.text, first.text);
});

test('a wider mode is tightened to 0600 and the plan says so', () => {
	const {artifact, result} = dockerArtifact(answers([{}]), envWith({exists: true, text: '{"auths":{}}', mode: 0o644}));
	assert.equal(artifact.mode, 0o600);
	assert.ok(result.notes.some(note => note.message.includes('0644') && note.message.includes('0600')));
	const strict = dockerArtifact(answers([{}]), envWith({exists: true, text: '{"auths":{}}', mode: 0o400})).artifact;
	assert.equal(strict.mode, 0o400, 'a stricter mode is kept');
});

test('a malformed config is refused with its position and never replaced', () => {
	for (const [text, expected] of [
		['{"auths": {"quay.io": {"auth": "x"},}}', /line 1, column 37/],
		['not json', /line 1, column 1/],
		['{"auths": []}', /"auths" must be an object/],
		['{"auths": {"q": {"auth": 5}}}', /"auths"."q"."auth" must be a string/],
		['{"credHelpers": {"q": 1}}', /credHelpers/],
		['[]', /top level must be a JSON object/],
	] as const) {
		const {artifact, result} = dockerArtifact(answers([{}]), envWith({exists: true, text, mode: 0o600}));
		assert.ok(artifact.blocked, text);
		assert.match(artifact.blocked!, expected);
		assert.match(artifact.blocked!, new RegExp(CONFIG.replaceAll('.', '\\.')));
		assert.equal(artifact.changed, false);
		assert.ok(result.notes.some(note => note.level === 'error'));
	}
});

test('a registry the config routes to a helper on PATH is stored through that helper, never as plain text', () => {
	for (const [text, helper] of [
		['{"auths": {}, "credsStore": "desktop"}', 'desktop'],
		['{"credHelpers": {"quay.io": "ecr-login"}}', 'ecr-login'],
	] as const) {
		const {artifact, result} = dockerArtifact(answers([{}]), envWith({exists: true, text, mode: 0o600}, {helpers: ['desktop', 'ecr-login']}));
		assert.ok(!artifact.text!.includes('"auth"'), text);
		assert.equal(artifact.blocked, undefined);
		const store = result.commands.find(command => command.role === 'store');
		assert.deepEqual(store?.argv, [`docker-credential-${helper}`, 'store'], text);
		assert.deepEqual(JSON.parse(store!.input!), {ServerURL: 'quay.io', Username: 'org+bot', Secret: 'T0ken!'});
		assert.ok(
			result.notes.some(note => note.message.includes(`docker-credential-${helper}`) && /as docker login would/.test(note.message)),
			text,
		);
	}
});

test('a helper the config names but PATH lacks (the WSL desktop.exe case) blocks the write, with the fix', () => {
	const {artifact, result} = dockerArtifact(answers([{}]), envWith({exists: true, text: '{"auths": {}, "credsStore": "desktop.exe"}', mode: 0o600}));
	assert.match(artifact.blocked ?? '', /docker-credential-desktop\.exe is not on PATH/);
	assert.match(artifact.blocked ?? '', /Fix: /);
	assert.ok(result.notes.some(note => note.level === 'error'));
});

test('a keychain choice writes credHelpers and an empty entry, and stores the secret through the helper on stdin', () => {
	const existing = '{"auths": {"quay.io": {"auth": "b2xkOm9sZA=="}}}';
	const {artifact, result} = dockerArtifact(
		answers([{}], {keychain: {kind: 'helper', name: 'secretservice'}}),
		envWith({exists: true, text: existing, mode: 0o600}),
	);
	const doc = JSON.parse(artifact.text!);
	assert.deepEqual(doc.auths['quay.io'], {});
	assert.deepEqual(doc.credHelpers, {'quay.io': 'secretservice'});
	assert.ok(!artifact.text!.includes('T0ken!'));
	const store = result.commands.find(command => command.role === 'store');
	assert.deepEqual(store?.argv, ['docker-credential-secretservice', 'store']);
	assert.deepEqual(JSON.parse(store!.input!), {ServerURL: 'quay.io', Username: 'org+bot', Secret: 'T0ken!'});
	assert.ok(!store!.display.includes('T0ken!'));
});

test('docker login is offered with the password on stdin only', () => {
	const {result} = dockerArtifact(answers([{password: 'hunter2hunter2'}]), envWith());
	const login = result.commands.find(command => command.id.startsWith('docker:login'));
	assert.deepEqual(login?.argv, ['docker', 'login', 'quay.io', '--username', 'org+bot', '--password-stdin']);
	assert.equal(login?.input, 'hunter2hunter2\n');
	assert.ok(!login!.display.includes('hunter2'));
	assert.equal(login?.role, 'alternative');
});

// ---- properties ---------------------------------------------------------------------------

const jsonKey = fc.string({minLength: 1, maxLength: 8}).filter(key => !['auths', 'credHelpers', 'credsStore', '__proto__'].includes(key));
const otherAuths = fc.dictionary(
	fc.stringMatching(/^[a-z]{1,8}\.(io|com)$/).filter(host => host !== 'quay.io'),
	fc.record({auth: fc.base64String({minLength: 4, maxLength: 20})}, {requiredKeys: []}),
	{maxKeys: 4},
);

test('property: a merge keeps every key regauth does not own, exactly', () => {
	fc.assert(
		fc.property(
			fc.dictionary(jsonKey, fc.jsonValue({maxDepth: 3}), {maxKeys: 6}),
			otherAuths,
			fc.constantFrom('\t', '  ', '    ', ''),
			(unknown, others, indent) => {
				const original = {...unknown, auths: others};
				const text = JSON.stringify(original, null, indent);
				const {artifact} = dockerArtifact(answers([{}]), envWith({exists: true, text, mode: 0o600}));
				const merged = JSON.parse(artifact.text!);
				for (const [key, value] of Object.entries(unknown)) assert.deepEqual(merged[key], JSON.parse(JSON.stringify(value)), key);
				for (const [host, entry] of Object.entries(others)) assert.deepEqual(merged.auths[host], {...entry}, host);
				assert.deepEqual(Object.keys(merged).sort(), Object.keys(original).sort());
				assert.equal(typeof merged.auths['quay.io'].auth, 'string');
			},
		),
		{numRuns: 300},
	);
});
