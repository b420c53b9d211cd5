import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {importCredentials} from '../../source/import/quay-files.js';
import {shellWords} from '../../source/import/shell-words.js';

// Sample files written from the shapes Quay generates (docs/formats.md §7), with a fake token.
const TOKEN = '0FAKE1TOKEN2FOR3TESTS4ONLY5ABCDEFGHIJKLMNOPQRSTUVWXYZ6789ABCDEFG';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const robot = {registry: 'quay.io', username: 'myorg+robot', password: TOKEN, email: ''};
const b64 = (text: string) => Buffer.from(text).toString('base64');

function ok(text: string, name?: string) {
	const result = importCredentials(text, name);
	assert.ok(result.ok, result.ok ? '' : result.message);
	assert.ok(!result.found.includes(TOKEN), 'the found message never shows the token');
	return result;
}

function error(text: string, name = 'robot-file') {
	const result = importCredentials(text, name);
	assert.ok(!result.ok, `expected ${JSON.stringify(text.slice(0, 60))} to be refused`);
	assert.ok(result.message.startsWith(name), result.message);
	for (const secret of [TOKEN, 'hunter2-secret']) assert.ok(!result.message.includes(secret), result.message);
	return result.message;
}

test('each file Quay gives a robot yields registry, user and token, and says what it was', () => {
	const cases: Array<[string, RegExp]> = [
		['myorg-robot-auth.json', /^a Docker configuration with one login: quay\.io as myorg\+robot \(Quay robot account "robot" of myorg\)$/],
		['myorg-robot-secret.yml', /^a Kubernetes Secret myorg-robot-pull-secret \(\.dockerconfigjson\) with one login: quay\.io as myorg\+robot/],
		['myorg-robot-rkt-auth.json', /^an rkt auth configuration with one login: quay\.io as myorg\+robot/],
		['docker-login.txt', /^a docker login command with one login: quay\.io as myorg\+robot/],
		['podman-login.txt', /^a podman login command with one login: quay\.io as myorg\+robot/],
	];
	for (const [name, found] of cases) {
		const result = ok(fixture(name), name);
		assert.deepEqual(result.credentials, [robot], name);
		assert.match(result.found, found, name);
	}
});

test('Docker configurations: several registries, username/password entries, legacy .dockercfg, Hub keys', () => {
	const config = JSON.stringify({
		auths: {
			'https://index.docker.io/v1/': {auth: b64('alice:pw1')},
			'registry.example.com:5000': {username: 'ci', password: 'pw:2', email: 'ci@example.com'},
		},
		credsStore: 'desktop',
	});
	assert.deepEqual(ok(config).credentials, [
		{registry: 'docker.io', username: 'alice', password: 'pw1', email: ''},
		{registry: 'registry.example.com:5000', username: 'ci', password: 'pw:2', email: 'ci@example.com'},
	]);
	assert.deepEqual(ok(JSON.stringify({'quay.io': {auth: b64(`myorg+robot:${TOKEN}`), email: ''}})).credentials, [robot]);
	// BOM and CRLF from a Windows download
	assert.deepEqual(ok(`\uFEFF${fixture('myorg-robot-auth.json').replaceAll('\n', '\r\n')}`).credentials, [robot]);
});

test('Kubernetes Secrets: stringData, legacy dockercfg, JSON form, several documents', () => {
	const config = fixture('myorg-robot-auth.json');
	const stringData = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  .dockerconfigjson: '${config.replace(/\s+/g, '')}'\ntype: kubernetes.io/dockerconfigjson\n`;
	assert.deepEqual(ok(stringData).credentials, [robot]);
	const legacy = `kind: Secret\napiVersion: v1\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: ${b64(JSON.stringify({'quay.io': {auth: b64(`myorg+robot:${TOKEN}`)}}))}\n`;
	assert.deepEqual(ok(legacy).credentials, [robot]);
	const asJson = JSON.stringify({
		apiVersion: 'v1',
		kind: 'Secret',
		metadata: {name: 'x'},
		type: 'kubernetes.io/dockerconfigjson',
		data: {'.dockerconfigjson': b64(config)},
	});
	assert.deepEqual(ok(asJson).credentials, [robot]);
	const multi = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n---\n${fixture('myorg-robot-secret.yml')}`;
	assert.deepEqual(ok(multi).credentials, [robot]);
});

test('rkt dockerAuth files and Docker Hub', () => {
	const file = JSON.stringify({
		rktKind: 'dockerAuth',
		rktVersion: 'v1',
		registries: ['registry-1.docker.io', 'quay.io'],
		credentials: {user: 'alice', password: 'pw'},
	});
	assert.deepEqual(
		ok(file).credentials.map(c => c.registry),
		['docker.io', 'quay.io'],
	);
});

test('login command spellings: quotes, = or space, short forms, sudo, prompts, continuations, comments', () => {
	const lines = [
		`docker login -u "myorg+robot" -p '${TOKEN}' quay.io`,
		`$ sudo docker login --username=myorg+robot --password=${TOKEN} quay.io`,
		`# from Quay\n/usr/bin/podman login \\\n  -u myorg+robot \\\n  -p ${TOKEN} \\\n  --tls-verify=false quay.io`,
		`docker login -umyorg+robot -p${TOKEN} quay.io`,
		`skopeo login --authfile /tmp/a.json -u myorg+robot -p ${TOKEN} quay.io`,
	];
	for (const line of lines) assert.deepEqual(ok(line).credentials, [robot], line);
	assert.deepEqual(
		ok('docker login -u="alice" -p="pw"').credentials,
		[{registry: 'docker.io', username: 'alice', password: 'pw', email: ''}],
		'docker defaults to Docker Hub',
	);
	// Quay escapes a $ in the user name with a backslash
	assert.equal(ok('docker login -u="we\\$ird" -p="pw" quay.io').credentials[0]!.username, 'we$ird');
});

test('bad or partial files get a message naming the file and the problem, never the secret', () => {
	assert.match(error(''), /is empty/);
	assert.match(error('\x1f\x8b\x08\x00binary'), /gzip archive .*tar -xzf/);
	assert.match(error('{"auths": {"quay.io": {"auth": "AbCdEfGhIj"}}}'), /cannot be decoded \(illegal base64/);
	assert.match(error(`{"auths": {"quay.io": {"auth": "${b64('myorg+robot')}"}}}`), /no "user:password"/);
	assert.match(error(`{"auths": {"quay.io": {"auth": "${b64('myorg+robot:')}"}}}`), /no password/);
	assert.match(error('{"auths": {"quay.io": {}}}'), /has no credentials/);
	assert.match(error('{"auths": {"quay.io": {"identitytoken": "hunter2-secret"}}}'), /identity token/);
	assert.match(error('{"auths": {}, "credsStore": "osxkeychain"}'), /empty "auths".*"osxkeychain"/);
	assert.match(error('{"auths": {"quay.io": '), /not valid JSON: .* at line 1/);
	assert.match(error('{"hello": 1}'), /no "auths"/);
	assert.match(error('{"rktKind": "paths", "rktVersion": "v1"}'), /rktKind "paths"/);
	assert.match(error('{"rktKind": "auth", "domains": ["quay.io"], "type": "oauth", "credentials": {"token": "hunter2-secret"}}'), /type "oauth"/);
	assert.match(error('{"rktKind": "dockerAuth", "registries": [], "credentials": {"user": "u", "password": "p"}}'), /non-empty "registries"/);
	assert.match(error('{"rktKind": "dockerAuth", "registries": ["quay.io"], "credentials": {"user": "u"}}'), /"user" and "password"/);
	assert.match(error('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  token: eA==\n'), /type Opaque/);
	assert.match(
		error('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/dockerconfigjson\ndata:\n  other: eA==\n'),
		/no data\.\.dockerconfigjson/,
	);
	assert.match(error('apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: "!!notbase64"\n'), /not valid base64/);
	assert.match(error(`apiVersion: v1\nkind: Secret\ndata:\n  .dockerconfigjson: ${b64('{"auths": ')}\n`), /not a JSON object/);
	assert.match(error('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'), /without a Secret/);
	assert.match(error('apiVersion: v1\nkind: Secret\n  bad: [indent\n'), /does not parse/);
	assert.match(error('docker login -u myorg+robot quay.io'), /no password \(-p\)/);
	assert.match(error('docker login -p hunter2-secret quay.io'), /no user name/);
	assert.match(error('echo "$T" | docker login -u myorg+robot --password-stdin quay.io'), /--password-stdin/);
	assert.match(error('docker login -u myorg+robot -p "$QUAY_TOKEN" quay.io'), /shell expression, not the value/);
	assert.match(error('docker login -u myorg+robot -p "hunter2-secret'), /double quote is not closed/);
	assert.match(error('docker login -u myorg+robot -p'), /value is missing/);
	assert.match(error('podman login -u myorg+robot -p hunter2-secret'), /names no registry/);
	assert.match(error('docker login -u a -p hunter2-secret quay.io ghcr.io'), /more than one registry/);
	assert.match(error('just some notes\nnothing to see'), /not a credentials file regauth knows/);
});

test('the shell splitter resolves quotes like sh and marks what sh would expand', () => {
	const split = shellWords(`a 'b c' "d\\"e" f\\ g "h$x" 'i$x' j\\$k; l`);
	assert.ok(split.ok);
	assert.deepEqual(
		split.words.map(word => [word.text, word.expands, word.operator ?? false]),
		[
			['a', false, false],
			['b c', false, false],
			['d"e', false, false],
			['f g', false, false],
			['h$x', true, false],
			['i$x', false, false],
			['j$k', false, false],
			[';', false, true],
			['l', false, false],
		],
	);
});
