import assert from 'node:assert/strict';
import {test} from 'node:test';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {plannedReads} from '../../source/plan.js';
import {answersFor, artifact, envWith, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';

const AUTH = '/home/user/.config/containers/auth.json';

// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion named in the test title
test('a new file: ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json, 0600, Docker Hub as docker.io', () => {
	const result = planChecked(answersFor(['podman'], [ROBOT, HUB]));
	const file = artifact(result, 'podman:auth');
	assert.equal(file.path, AUTH);
	assert.equal(file.mode, 0o600);
	assert.equal(file.dirMode, 0o700);
	assert.equal(file.secret, true);
	assert.deepEqual(JSON.parse(file.text!), {
		auths: {'docker.io': {auth: encodeAuth(HUB.username, HUB.password)}, 'quay.io': {auth: encodeAuth(ROBOT.username, ROBOT.password)}},
	});
	assert.ok(result.notes.some(note => /tmpfs and lost at reboot/.test(note.message) && note.message.includes('/run/containers/1000/auth.json')));

	const xdg = planChecked(answersFor(['podman']), envWith({vars: {XDG_CONFIG_HOME: '/cfg', XDG_RUNTIME_DIR: '/run/user/1000'}}));
	assert.equal(artifact(xdg, 'podman:auth').path, '/cfg/containers/auth.json');
	assert.ok(xdg.notes.some(note => note.message.includes('/run/user/1000/containers/auth.json')));
});

test('the target declares what it reads: the auth file and the tmpfs file podman reads first', () => {
	const answers = answersFor(['podman']);
	assert.deepEqual(plannedReads(answers, envWith({vars: {XDG_RUNTIME_DIR: '/run/user/1000'}})), [AUTH, '/run/user/1000/containers/auth.json']);
	assert.deepEqual(plannedReads(answers, envWith({vars: {REGISTRY_AUTH_FILE: '/etc/auth.json'}})), ['/etc/auth.json']);
	answers.destdir = '/stage';
	assert.deepEqual(plannedReads(answers, envWith()), [`/stage${AUTH}`]);
});

test('merging keeps other registries, unknown keys and the formatting; only the entry changes', () => {
	const existing =
		'{\n    "auths": {\n        "ghcr.io": {\n            "auth": "b2N0bzpwYXQ="\n        }\n    },\n    "myTool": {"keep": [1, 2.50]},\n    "credsStore": "desktop"\n}\n';
	const env = envWith({files: {[AUTH]: {exists: true, text: existing, mode: 0o644}}});
	const result = planChecked(answersFor(['podman']), env);
	const file = artifact(result, 'podman:auth');
	assert.equal(file.base?.text, existing);
	assert.equal(file.mode, 0o600, 'a world-readable file holding credentials is tightened');
	const doc = JSON.parse(file.text!);
	assert.deepEqual(doc.myTool, {keep: [1, 2.5]});
	assert.match(file.text!, /"keep": \[1, 2\.50\]/, 'untouched bytes stay byte-for-byte');
	assert.equal(doc.credsStore, 'desktop');
	assert.deepEqual(Object.keys(doc.auths).sort(), ['ghcr.io', 'quay.io']);
	assert.equal(doc.auths['quay.io'].auth, encodeAuth(ROBOT.username, ROBOT.password));
	assert.match(file.text!, /\n {8}"quay\.io": \{/, 'new entry indented like its neighbours');
	assert.ok(result.notes.some(note => /ignore credsStore/.test(note.message)));
	assert.ok(result.notes.some(note => /tightens it to 0600/.test(note.message)));
	// planning again over the written file changes nothing
	const again = planChecked(answersFor(['podman']), envWith({files: {[AUTH]: {exists: true, text: file.text!, mode: 0o600}}}));
	assert.equal(artifact(again, 'podman:auth').changed, false);
});

test("REGISTRY_AUTH_FILE is honoured; a docker config.json there keeps docker's Hub key", () => {
	const plain = planChecked(answersFor(['podman'], [HUB]), envWith({vars: {REGISTRY_AUTH_FILE: '/srv/ci/auth.json'}}));
	assert.equal(artifact(plain, 'podman:auth').path, '/srv/ci/auth.json');
	assert.deepEqual(Object.keys(JSON.parse(artifact(plain, 'podman:auth').text!).auths), ['docker.io']);
	const docker = planChecked(answersFor(['podman'], [HUB]), envWith({vars: {REGISTRY_AUTH_FILE: '/home/user/.docker/config.json'}}));
	assert.deepEqual(Object.keys(JSON.parse(artifact(docker, 'podman:auth').text!).auths), ['https://index.docker.io/v1/']);
});

test('an entry in the tmpfs file podman reads first is reported, with the logout that clears it', () => {
	const runtime = '/run/user/1000/containers/auth.json';
	const env = envWith({
		vars: {XDG_RUNTIME_DIR: '/run/user/1000'},
		files: {[runtime]: {exists: true, text: '{"auths":{"https://quay.io":{"auth":"eDp5"}}}', mode: 0o600}},
	});
	const result = planChecked(answersFor(['podman']), env);
	const warning = result.notes.find(note => note.level === 'warning' && note.message.includes(runtime));
	assert.ok(warning);
	assert.match(warning.message, /podman logout --authfile \/run\/user\/1000\/containers\/auth.json quay\.io/);
});

test('with a keychain: credHelpers (podman ignores credsStore), a store command, and no plain-text copy left', () => {
	const existing = '{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "b2xkOm9sZA=="\n\t\t},\n\t\t"ghcr.io": {\n\t\t\t"auth": "eDp5"\n\t\t}\n\t}\n}';
	const env = envWith({files: {[AUTH]: {exists: true, text: existing, mode: 0o600}}});
	const result = planChecked(
		answersFor(['podman'], [ROBOT, HUB], a => (a.keychain = {kind: 'regauth'})),
		env,
	);
	const doc = JSON.parse(artifact(result, 'podman:auth').text!);
	assert.deepEqual(doc.credHelpers, {'docker.io': 'regauth', 'quay.io': 'regauth'});
	assert.deepEqual(Object.keys(doc.auths), ['ghcr.io'], 'the old plain-text quay.io entry is gone');
	const stores = result.commands.filter(command => command.role === 'store');
	assert.deepEqual(
		stores.map(command => command.id),
		['podman:store:quay.io', 'podman:store:docker.io'],
	);
	assert.deepEqual(JSON.parse(stores[1]!.input!), {ServerURL: 'docker.io', Username: HUB.username, Secret: HUB.password});
	// with the docker target too, docker's stores cover quay.io (same ServerURL) and Hub (docker
	// stores docker.io as well, for podman and skopeo reading its config.json)
	const both = planChecked(
		answersFor(['docker', 'podman'], [ROBOT, HUB], a => (a.keychain = {kind: 'regauth'})),
		env,
	);
	assert.deepEqual(
		both.commands.filter(command => command.role === 'store').map(command => command.id),
		['docker:store:quay.io', 'docker:store:https://index.docker.io/v1/', 'docker:store:docker.io'],
	);
});

test('a registry routed to another helper is stored through it, never in plain text; a missing helper or a malformed file is refused', () => {
	const file = {[AUTH]: {exists: true, text: '{"auths":{},"credHelpers":{"quay.io":"ecr-login"}}', mode: 0o600}};
	const result = planChecked(answersFor(['podman']), envWith({files: file, helpers: ['ecr-login']}));
	assert.deepEqual(JSON.parse(artifact(result, 'podman:auth').text!).auths, {});
	assert.deepEqual(result.commands.find(command => command.role === 'store')?.argv, ['docker-credential-ecr-login', 'store']);

	const missing = planChecked(answersFor(['podman']), envWith({files: file}));
	assert.match(artifact(missing, 'podman:auth').blocked!, /docker-credential-ecr-login \(credHelpers\), which is not on PATH/);

	const broken = envWith({files: {[AUTH]: {exists: true, text: '{"auths": {', mode: 0o600}}});
	const refused = planChecked(answersFor(['podman']), broken);
	assert.match(artifact(refused, 'podman:auth').blocked!, /not valid JSON/);
	assert.ok(refused.notes.some(note => note.level === 'error'));
});
