import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {test} from 'node:test';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {readButane, readIgnition} from '../support/ignition.js';
import {answersFor, artifact, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';

const sha512 = (bytes: Uint8Array | string) => `sha512-${createHash('sha512').update(bytes).digest('hex')}`;

test('inline (default): core owns ~/.docker (0700) and config.json (0600), not root 0644', () => {
	const result = planChecked(answersFor(['butane']));
	const bu = artifact(result, 'butane:config');
	const ign = artifact(result, 'butane:ignition');
	assert.equal(bu.path, '/work/out/flatcar/registry-auth.bu');
	assert.equal(ign.path, '/work/out/flatcar/registry-auth.ign');
	for (const file of [bu, ign]) {
		assert.equal(file.mode, 0o600);
		assert.equal(file.secret, true);
	}
	assert.match(bu.text!, /^variant: flatcar\nversion: 1\.0\.0\n/m);
	assert.match(bu.text!, /^ {6}mode: 0600$/m);
	assert.match(bu.text!, /^ {6}mode: 0700$/m);
	const butane = readButane(bu.text!);
	assert.deepEqual(butane.directories, [{path: '/home/core/.docker', mode: 0o700, user: 'core', group: 'core'}]);
	const config = butane.files[0]!;
	assert.deepEqual({...config, contents: undefined}, {path: '/home/core/.docker/config.json', mode: 0o600, user: 'core', group: 'core', contents: undefined});
	assert.deepEqual(JSON.parse((config.contents as {bytes: string}).bytes), {auths: {'quay.io': {auth: encodeAuth(ROBOT.username, ROBOT.password)}}});
	// the Ignition JSON is the same config: decoded, it matches the Butane field for field
	assert.deepEqual(readIgnition(ign.text!), butane);
	assert.equal(readIgnition(ign.text!).version, '3.3.0');
	assert.ok(ign.text!.endsWith('}}\n'));
	assert.ok(result.notes.some(note => note.level === 'warning' && /provisioning data/.test(note.message) && /instance metadata/.test(note.message)));
	assert.ok(!bu.redacted.includes(encodeAuth(ROBOT.username, ROBOT.password)));
	assert.match(bu.redacted, /"auth":"••••••••"/);
});

test('1.1.0 produces Ignition 3.4.0 and says which Flatcar it needs', () => {
	const result = planChecked(answersFor(['butane'], [ROBOT, HUB], a => (a.butane.version = '1.1.0')));
	const bu = artifact(result, 'butane:config');
	const ign = artifact(result, 'butane:ignition');
	assert.match(bu.text!, /^version: 1\.1\.0$/m);
	assert.equal(JSON.parse(ign.text!).ignition.version, '3.4.0');
	assert.deepEqual(readIgnition(ign.text!), readButane(bu.text!));
	const auths = JSON.parse((readButane(bu.text!).files[0]!.contents as {bytes: string}).bytes).auths;
	assert.deepEqual(Object.keys(auths), ['https://index.docker.io/v1/', 'quay.io']);
	assert.ok(result.notes.some(note => note.message.includes('3535')));
});

test('remote: the config carries a URL and the sha512 of the exact bytes regauth writes for hosting', () => {
	const url = 'https://cfg.example.com/flatcar/docker-config.json';
	const result = planChecked(
		answersFor(['butane'], [ROBOT], a => {
			a.butane.secret = 'remote';
			a.butane.remoteUrl = url;
		}),
	);
	const hosted = artifact(result, 'butane:hosted:docker-config.json');
	assert.equal(hosted.path, '/work/out/flatcar/hosted/docker-config.json');
	assert.equal(hosted.mode, 0o600);
	assert.equal(hosted.secret, true);
	assert.deepEqual(JSON.parse(hosted.text!), {auths: {'quay.io': {auth: encodeAuth(ROBOT.username, ROBOT.password)}}});
	const bu = artifact(result, 'butane:config');
	const ign = artifact(result, 'butane:ignition');
	const expected = {source: url, hash: sha512(hosted.bytes)};
	assert.deepEqual(readButane(bu.text!).files[0]!.contents, expected);
	assert.deepEqual(readIgnition(ign.text!), readButane(bu.text!));
	assert.match(
		ign.text!,
		/"contents":\{"source":"https:\/\/cfg\.example\.com\/flatcar\/docker-config\.json","verification":\{"hash":"sha512-[0-9a-f]{128}"\}\}/,
	);
	for (const file of [bu, ign]) {
		assert.equal(file.secret, false);
		assert.equal(file.mode, 0o644);
		assert.ok(!file.text!.includes(ROBOT.password) && !file.text!.includes(encodeAuth(ROBOT.username, ROBOT.password)));
	}
	assert.ok(result.notes.some(note => note.message.includes(`flatcar/hosted/docker-config.json → ${url}`)));
	assert.ok(!result.notes.some(note => /provisioning data/.test(note.message)));
});

test('remote over plain http warns; a missing or odd URL is an issue naming --butane-remote-url', () => {
	const http = planChecked(
		answersFor(['butane'], [ROBOT], a => {
			a.butane.secret = 'remote';
			a.butane.remoteUrl = 'http://10.0.0.1/config.json';
		}),
	);
	assert.ok(http.notes.some(note => note.level === 'warning' && /clear text/.test(note.message)));
	for (const remoteUrl of ['', 'ftp://x/config.json', '/srv/config.json', 'https://exa mple.com/c.json']) {
		const result = planChecked(
			answersFor(['butane'], [ROBOT], a => {
				a.butane.secret = 'remote';
				a.butane.remoteUrl = remoteUrl;
			}),
		);
		assert.equal(result.issues.length, 1, remoteUrl);
		assert.equal(result.issues[0]!.flag, '--butane-remote-url');
	}
});

test('with the rkt file: inline as root-owned 0600; remote as a sibling hosted file', () => {
	const inline = planChecked(answersFor(['butane'], [ROBOT], a => (a.butane.includeRkt = true)));
	const files = readButane(artifact(inline, 'butane:config').text!).files;
	assert.equal(files[1]!.path, '/etc/rkt/auth.d/quay.io.json');
	assert.equal(files[1]!.mode, 0o600);
	assert.equal(files[1]!.user, undefined, 'root: rkt runs as root');
	assert.deepEqual(JSON.parse((files[1]!.contents as {bytes: string}).bytes), {
		rktKind: 'dockerAuth',
		rktVersion: 'v1',
		registries: ['quay.io'],
		credentials: {user: ROBOT.username, password: ROBOT.password},
	});
	assert.deepEqual(readIgnition(artifact(inline, 'butane:ignition').text!), readButane(artifact(inline, 'butane:config').text!));

	const remote = planChecked(
		answersFor(['butane'], [ROBOT], a => {
			a.butane.includeRkt = true;
			a.butane.secret = 'remote';
			a.butane.remoteUrl = 'https://cfg.example.com/fc/config.json';
		}),
	);
	const rktHosted = artifact(remote, 'butane:hosted:rkt-quay.io.json');
	const remoteFiles = readButane(artifact(remote, 'butane:config').text!).files;
	assert.deepEqual(remoteFiles[1]!.contents, {source: 'https://cfg.example.com/fc/rkt-quay.io.json', hash: sha512(rktHosted.bytes)});
	assert.equal(artifact(remote, 'butane:config').secret, false);
});

test('password characters YAML could misread survive the round trip through Butane and Ignition', () => {
	const tricky = {registry: 'quay.io', username: 'myorg+robot', password: 'a\u0085b\u2028c"d\\e\u00e9#: f\u007f', email: ''};
	const result = planChecked(answersFor(['butane'], [tricky]));
	const butane = readButane(artifact(result, 'butane:config').text!);
	const decoded = JSON.parse((butane.files[0]!.contents as {bytes: string}).bytes);
	assert.equal(decoded.auths['quay.io'].auth, encodeAuth(tricky.username, tricky.password));
	assert.deepEqual(readIgnition(artifact(result, 'butane:ignition').text!), butane);
});
