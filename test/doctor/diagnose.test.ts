import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chooseHelper, storeCandidates} from '../../source/doctor/choose-helper.js';
import {diagnose} from '../../source/doctor/diagnose.js';
import type {DoctorFacts, DoctorFile, FileRole} from '../../source/doctor/findings.js';
import {doctorPaths} from '../../source/doctor/paths.js';
import {emptyEnvironment} from '../../source/environment.js';

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

function file(path: string, role: FileRole, text: string | undefined, mode = 0o600, tmpfs = false): DoctorFile {
	return {path, role, state: text === undefined ? {exists: false} : {exists: true, text, mode}, tmpfs};
}

function facts(files: DoctorFile[], helpers = ['secretservice']): DoctorFacts {
	return {files, helpers, pass: false, platform: 'linux'};
}

const ids = (findings: {id: string; registry?: string}[]) => findings.map(finding => `${finding.id}${finding.registry ? `:${finding.registry}` : ''}`);

test('a config that only routes to installed helpers is healthy; absent files are fine', () => {
	const config = JSON.stringify({
		auths: {'quay.io': {}, 'https://index.docker.io/v1/': {}},
		credsStore: 'secretservice',
		credHelpers: {'ghcr.io': 'secretservice'},
	});
	const result = diagnose(facts([file('/h/.docker/config.json', 'docker', config), file('/run/user/1/containers/auth.json', 'podman-runtime', undefined)]));
	assert.deepEqual(result.findings, []);
	assert.deepEqual(
		result.files.map(entry => entry.kind),
		['auth-file', 'absent'],
	);
});

test("the seed document's placeholder auth is reported with docker's own words", () => {
	const config = JSON.stringify({auths: {'https://registry.example.io/v0/': {auth: 'AbCdEfGhIj', email: 'your.email@example.com'}}});
	const [finding, ...rest] = diagnose(facts([file('/h/.docker/config.json', 'docker', config)])).findings;
	assert.deepEqual(rest, []);
	assert.equal(finding!.id, 'auth-undecodable');
	assert.equal(finding!.level, 'error');
	assert.equal(
		finding!.message,
		'"auths"."https://registry.example.io/v0/"."auth" is not base64 of "user:password" (illegal base64 data at input byte 8); docker warns "Error parsing config file" and ignores the rest of the file',
	);
	assert.equal(finding!.fix, `Log in again, which replaces it: printf '%s' "$TOKEN" | regauth -r registry.example.io -u USER --password-stdin --yes`);
});

test('plain text, an empty entry without helper, a missing helper, and a shadowed password', () => {
	const config = JSON.stringify({
		auths: {
			'quay.io': {auth: auth('myorg+bot', 's3cret')},
			'ghcr.io': {},
			'gcr.io': {auth: auth('_json_key', 'x')},
			'r.example.com': {username: 'u', password: 'p'},
			'tok.example.com': {auth: auth('u', ''), identitytoken: 'tkn'},
		},
		credHelpers: {'gcr.io': 'gcloud', 'private.example.com': 'nosuchhelper'},
	});
	const result = diagnose(facts([file('/h/.docker/config.json', 'docker', config)], ['secretservice', 'gcloud']));
	assert.deepEqual(ids(result.findings), [
		'helper-missing',
		'plain-text:quay.io',
		'no-credentials:ghcr.io',
		'ignored-auth:gcr.io',
		'plain-text:r.example.com',
		'plain-text:tok.example.com',
	]);
	const [missing, plain, empty, shadowed] = result.findings;
	assert.equal(
		missing!.message,
		'the credential helper "nosuchhelper" is named for private.example.com, but docker-credential-nosuchhelper is not on PATH: docker fails every login and pull through it',
	);
	assert.equal(
		plain!.message,
		'the password for quay.io (user myorg+bot) is stored in the file, base64-encoded, not encrypted: anyone who can read it can use it',
	);
	assert.equal(plain!.fix, 'regauth doctor --fix moves it into the OS keychain (docker-credential-secretservice).');
	assert.equal(plain!.fixable, true);
	assert.match(empty!.message, /"auths"\."ghcr\.io" is empty and no credential helper is set for it: docker sends no password to ghcr\.io/);
	assert.match(shadowed!.message, /credHelpers sends gcr\.io to docker-credential-gcloud, so docker ignores the file's copy/);
	assert.match(shadowed!.fix, /--keychain gcloud/);
	for (const finding of result.findings) assert.ok(!JSON.stringify(finding).includes('s3cret'), 'no secret in any finding');
});

test('credsStore naming a helper that is not installed breaks every registry', () => {
	const config = JSON.stringify({auths: {'quay.io': {}}, credsStore: 'desktop'});
	const [finding, ...rest] = diagnose(facts([file('/h/.docker/config.json', 'docker', config)])).findings;
	assert.deepEqual(rest, []);
	assert.equal(finding!.id, 'helper-missing');
	assert.match(finding!.message, /"desktop" is named for "credsStore" \(every registry\), but docker-credential-desktop is not on PATH/);
	assert.equal(finding!.fix, 'Install docker-credential-desktop on PATH, or remove "desktop" from /h/.docker/config.json.');
});

test('podman ignores credsStore: an entry that relies on it has no credentials there', () => {
	const auths = JSON.stringify({auths: {'quay.io': {}}, credsStore: 'nosuchhelper'});
	const result = diagnose(facts([file('/h/.config/containers/auth.json', 'podman', auths)]));
	assert.deepEqual(ids(result.findings), ['no-credentials:quay.io']);
	assert.match(result.findings[0]!.message, /podman sends no password/);
	const plain = diagnose(facts([file('/h/.config/containers/auth.json', 'podman', JSON.stringify({auths: {'quay.io': {auth: auth('a', 'b')}}}))])).findings[0]!;
	assert.equal(plain.id, 'plain-text');
	assert.equal(plain.fixable, undefined, '--fix moves docker config entries only');
});

test('a config readable by others: an error with passwords inside, a warning without', () => {
	const withSecret = diagnose(facts([file('/h/.docker/config.json', 'docker', JSON.stringify({auths: {'quay.io': {auth: auth('a', 'b')}}}), 0o644)])).findings;
	assert.deepEqual(ids(withSecret), ['plain-text:quay.io', 'readable-by-others']);
	assert.equal(withSecret[1]!.level, 'error');
	assert.equal(withSecret[1]!.message, 'is readable by other users (mode 0644) and holds passwords');
	assert.equal(withSecret[1]!.fix, 'chmod 600 /h/.docker/config.json');
	const without = diagnose(facts([file('/h/.docker/config.json', 'docker', JSON.stringify({auths: {}, credsStore: 'secretservice'}), 0o640)])).findings;
	assert.deepEqual(ids(without), ['readable-by-others']);
	assert.equal(without[0]!.level, 'warning');
	assert.match(without[0]!.message, /docker keeps that mode when it next saves a password into it/);
	assert.deepEqual(diagnose(facts([file('/h/.docker/config.json', 'docker', JSON.stringify({auths: {}}), 0o600)])).findings, []);
});

test('a podman auth file on tmpfs: logins no persistent file has are lost at reboot', () => {
	const runtime = file(
		'/run/user/1000/containers/auth.json',
		'podman-runtime',
		JSON.stringify({auths: {'quay.io': {auth: auth('a', 'b')}, 'docker.io': {auth: auth('c', 'd')}}}),
		0o600,
		true,
	);
	const persistent = file('/h/.config/containers/auth.json', 'podman', undefined);
	const lost = diagnose(facts([file('/h/.docker/config.json', 'docker', undefined), runtime, persistent])).findings;
	const tmpfs = lost.find(finding => finding.id === 'tmpfs')!;
	assert.equal(tmpfs.message, 'is on tmpfs: the logins for quay.io, docker.io are lost at reboot (no persistent file has them)');
	assert.equal(tmpfs.fix, 'Keep a copy podman also reads: install -D -m 600 /run/user/1000/containers/auth.json /h/.config/containers/auth.json');
	// docker's config holds Docker Hub (under its own key): only quay.io is at risk.
	const docker = file('/h/.docker/config.json', 'docker', JSON.stringify({auths: {'https://index.docker.io/v1/': {}}, credsStore: 'secretservice'}));
	const partly = diagnose(facts([docker, runtime, file('/h/.config/containers/auth.json', 'podman', JSON.stringify({auths: {}}))])).findings.find(
		finding => finding.id === 'tmpfs',
	)!;
	assert.equal(partly.message, 'is on tmpfs: the login for quay.io is lost at reboot (no persistent file has it)');
	assert.match(partly.fix, /^Log in again into a persistent file: podman login --authfile \/h\/\.config\/containers\/auth\.json quay\.io$/);
	const notTmpfs = diagnose(facts([{...runtime, tmpfs: false}])).findings;
	assert.ok(!notTmpfs.some(finding => finding.id === 'tmpfs'));
});

test('broken and foreign files: malformed JSON, missing given file, something else entirely', () => {
	const result = diagnose(
		facts([
			file('/h/.docker/config.json', 'docker', '{"auths": {"quay.io": {"auth": 1}}}'),
			file('/tmp/missing.yaml', 'given', undefined),
			file('/tmp/random.json', 'given', '{"hello": "world"}'),
			file('/tmp/garbage.txt', 'given', 'not json at all'),
			{path: '/tmp/locked.json', role: 'given', state: {exists: true, error: 'not readable by this user (permission denied)'}, tmpfs: false},
		]),
	);
	assert.deepEqual(ids(result.findings), ['malformed', 'unreadable', 'unrecognised', 'unrecognised', 'unreadable']);
	assert.equal(result.findings[0]!.message, 'is not a docker config: "auths"."quay.io"."auth" must be a string');
	assert.equal(result.findings[1]!.message, 'no such file');
	assert.match(result.findings[3]!.message, /^neither a docker config nor a Kubernetes Secret: not valid JSON: unexpected character at line 1, column 1$/);
	assert.match(result.findings[4]!.message, /permission denied/);
});

test('which keychain --fix uses: asked for, else regauth, else what docker would pick', () => {
	const base = {helpers: ['pass', 'secretservice'], pass: false, platform: 'linux' as NodeJS.Platform};
	assert.deepEqual(chooseHelper(base), {ok: true, helper: 'secretservice'});
	assert.deepEqual(chooseHelper({...base, pass: true}), {ok: true, helper: 'pass'});
	assert.deepEqual(chooseHelper({...base, helpers: [...base.helpers, 'regauth']}), {ok: true, helper: 'regauth'});
	assert.deepEqual(chooseHelper(base, {kind: 'helper', name: 'pass'}), {ok: true, helper: 'pass'});
	assert.deepEqual(chooseHelper({...base, platform: 'darwin', helpers: ['osxkeychain']}), {ok: true, helper: 'osxkeychain'});
	const none = chooseHelper({...base, helpers: []});
	assert.equal(none.ok, false);
	assert.match((none as {message: string}).message, /no credential helper is on PATH .*apt install golang-docker-credential-helpers/);
	assert.match((chooseHelper(base, {kind: 'regauth'}) as {message: string}).message, /^--keychain regauth: docker-credential-regauth is not on PATH/);
	assert.match((chooseHelper(base, {kind: 'file'}) as {message: string}).message, /--fix moves them out/);
});

test('which keychain --fix uses, as checked: the first store that works; none working names regauth keychain setup', () => {
	const base = {helpers: ['pass', 'secretservice', 'regauth'], pass: true, platform: 'linux' as NodeJS.Platform};
	assert.deepEqual(storeCandidates(base), ['regauth', 'pass', 'secretservice']);
	assert.deepEqual(storeCandidates(base, {kind: 'helper', name: 'secretservice'}), ['secretservice']);
	const noBus = {code: 'no-session-bus' as const, message: 'there is no D-Bus session bus', advice: [], detail: ''};
	const noPass = {code: 'pass-not-initialized' as const, message: 'the pass password store is not set up for this user', advice: [], detail: ''};
	assert.deepEqual(
		chooseHelper({
			...base,
			stores: [
				{helper: 'regauth', ok: false, problem: noBus},
				{helper: 'pass', ok: true},
			],
		}),
		{ok: true, helper: 'pass'},
	);
	const none = chooseHelper({
		...base,
		stores: [
			{helper: 'regauth', ok: false, problem: noBus},
			{helper: 'pass', ok: false, problem: noPass},
			{helper: 'secretservice', ok: false, problem: noBus},
		],
	});
	assert.deepEqual(none, {
		ok: false,
		noStore: true,
		message:
			'no keychain works here (docker-credential-regauth and docker-credential-secretservice: there is no D-Bus session bus — docker-credential-pass: the pass password store is not set up for this user): run regauth keychain setup, which sets one up without a desktop (pass with a GPG key of its own, or gnome-keyring) and proves it works, then regauth doctor --fix again',
	});
	// --keychain asked for one that does not work: that one, not another.
	const asked = chooseHelper({...base, stores: [{helper: 'pass', ok: false, problem: noPass}]}, {kind: 'helper', name: 'pass'});
	assert.match((asked as {message: string}).message, /^the keychain does not work here \(docker-credential-pass: /);
});

test('where doctor looks: docker config, REGISTRY_AUTH_FILE, the runtime and the persistent podman file', () => {
	const env = emptyEnvironment({home: '/h', uid: 1000, vars: {XDG_RUNTIME_DIR: '/run/user/1000', DOCKER_CONFIG: '/d'}});
	assert.deepEqual(doctorPaths(env), [
		{path: '/d/config.json', role: 'docker'},
		{path: '/run/user/1000/containers/auth.json', role: 'podman-runtime'},
		{path: '/h/.config/containers/auth.json', role: 'podman'},
	]);
	const custom = emptyEnvironment({home: '/h', uid: 1000, vars: {REGISTRY_AUTH_FILE: '/h/.docker/config.json'}});
	assert.deepEqual(doctorPaths(custom), [
		{path: '/h/.docker/config.json', role: 'docker'},
		{path: '/run/containers/1000/auth.json', role: 'podman-runtime'},
		{path: '/h/.config/containers/auth.json', role: 'podman'},
	]);
});
