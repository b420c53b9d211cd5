import assert from 'node:assert/strict';
import {test} from 'node:test';
import {answersFor, artifact, envWith, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';

test('dockerAuth: /etc/rkt/auth.d/<host>.json, 0600, registries + credentials {user, password}', () => {
	const result = planChecked(answersFor(['rkt']), envWith({writable: {'/etc/rkt/auth.d': true}}));
	const file = artifact(result, 'rkt:auth:quay.io');
	assert.equal(file.path, '/etc/rkt/auth.d/quay.io.json');
	assert.equal(file.installPath, undefined);
	assert.equal(file.mode, 0o600);
	assert.equal(file.secret, true);
	assert.equal(file.text!.endsWith('}\n'), true);
	assert.deepEqual(Object.entries(JSON.parse(file.text!)), [
		['rktKind', 'dockerAuth'],
		['rktVersion', 'v1'],
		['registries', ['quay.io']],
		['credentials', {user: ROBOT.username, password: ROBOT.password}],
	]);
	assert.deepEqual(JSON.parse(file.redacted).credentials, {user: ROBOT.username, password: '••••••••'});
	assert.deepEqual(Buffer.from(file.bytes).toString('utf8'), file.text);
});

test('Docker Hub is registry-1.docker.io for rkt; one file per registry; ports make tidy names', () => {
	const other = {registry: 'registry.example.com:5000', username: 'ci', password: 'ci-secret-9', email: ''};
	const result = planChecked(answersFor(['rkt'], [HUB, other]), envWith({writable: {'/etc/rkt/auth.d': true}}));
	assert.deepEqual(
		result.artifacts.map(a => a.path),
		['/etc/rkt/auth.d/registry-1.docker.io.json', '/etc/rkt/auth.d/registry.example.com_5000.json'],
	);
	assert.deepEqual(JSON.parse(result.artifacts[0]!.text!).registries, ['registry-1.docker.io']);
	assert.deepEqual(JSON.parse(result.artifacts[1]!.text!).registries, ['registry.example.com:5000']);
	assert.ok(result.notes.some(note => note.message.includes('registry-1.docker.io')));
});

test('the auth kind (HTTPS/ACI) has domains and type basic, and says what it is for', () => {
	const result = planChecked(
		answersFor(['rkt'], [ROBOT], a => (a.rkt.kind = 'auth')),
		envWith({writable: {'/etc/rkt/auth.d': true}}),
	);
	const doc = JSON.parse(artifact(result, 'rkt:auth:quay.io').text!);
	assert.deepEqual(doc, {
		rktKind: 'auth',
		rktVersion: 'v1',
		domains: ['quay.io'],
		type: 'basic',
		credentials: {user: ROBOT.username, password: ROBOT.password},
	});
	assert.ok(result.notes.some(note => note.target === 'rkt' && /not to docker:\/\//.test(note.message)));
});

test('not writable here: staged 0600 under the output dir, with the sudo install command', () => {
	for (const writable of [{'/etc/rkt/auth.d': false}, {}] as Array<Record<string, boolean>>) {
		const result = planChecked(answersFor(['rkt']), envWith({writable}));
		const file = artifact(result, 'rkt:auth:quay.io');
		assert.equal(file.path, '/work/out/rkt/auth.d/quay.io.json');
		assert.equal(file.installPath, '/etc/rkt/auth.d/quay.io.json');
		assert.deepEqual(file.install, ['sudo install -D -m 0600 -o root -g root /work/out/rkt/auth.d/quay.io.json /etc/rkt/auth.d/quay.io.json']);
		assert.equal(file.mode, 0o600);
		assert.equal(file.dirMode, 0o700);
		assert.ok(result.notes.some(note => note.level === 'warning' && note.message.includes('not writable')));
	}
});

test('--destdir stages it under the destdir and still names where it belongs', () => {
	const result = planChecked(
		answersFor(['rkt'], [ROBOT], a => (a.destdir = 'rootfs')),
		envWith({writable: {'/etc/rkt/auth.d': true}}),
	);
	const file = artifact(result, 'rkt:auth:quay.io');
	assert.equal(file.path, '/work/rootfs/etc/rkt/auth.d/quay.io.json');
	assert.equal(file.installPath, '/etc/rkt/auth.d/quay.io.json');
});
