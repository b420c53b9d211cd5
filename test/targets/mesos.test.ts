import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {answersFor, artifact, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';
import {requireProgram} from '../support/programs.js';
import {tempDir} from '../support/temp.js';

test('docker.tar.gz: .docker/ 0700 and .docker/config.json 0600 as GNU tar sees them, with the credentials', () => {
	requireProgram('tar');
	const result = planChecked(answersFor(['mesos'], [ROBOT, HUB]));
	const archive = artifact(result, 'mesos:archive');
	assert.equal(archive.path, '/work/out/mesos/docker.tar.gz');
	assert.equal(archive.mode, 0o600);
	assert.equal(archive.secret, true);
	assert.equal(archive.text, null);
	const dir = tempDir();
	const file = join(dir, 'docker.tar.gz');
	writeFileSync(file, archive.bytes);
	const listing = execFileSync('tar', ['-tzvf', file], {encoding: 'utf8', env: {...process.env, TZ: 'UTC'}});
	const lines = listing
		.trimEnd()
		.split('\n')
		.map(line => line.split(/\s+/));
	assert.deepEqual(
		lines.map(([perm, owner, , , , name]) => [perm, owner, name]),
		[
			['drwx------', 'root/root', '.docker/'],
			['-rw-------', 'root/root', '.docker/config.json'],
		],
	);
	const sandbox = join(dir, 'sandbox');
	mkdirSync(sandbox);
	execFileSync('tar', ['-xzf', file, '-C', sandbox]);
	assert.equal(statSync(join(sandbox, '.docker')).mode & 0o777, 0o700);
	assert.equal(statSync(join(sandbox, '.docker/config.json')).mode & 0o777, 0o600);
	const config = readFileSync(join(sandbox, '.docker/config.json'), 'utf8');
	assert.deepEqual(JSON.parse(config), {
		auths: {
			'https://index.docker.io/v1/': {auth: encodeAuth(HUB.username, HUB.password)},
			'quay.io': {auth: encodeAuth(ROBOT.username, ROBOT.password)},
		},
	});
	assert.ok(config.startsWith('{\n\t"auths": {'), 'written as docker login writes it');
	// the listing the review shows matches what was archived
	assert.deepEqual(
		archive.entries!.map(entry => [entry.name, entry.mode, entry.type, entry.size]),
		[
			['.docker/', 0o700, 'directory', 0],
			['.docker/config.json', 0o600, 'file', Buffer.byteLength(config)],
		],
	);
	assert.match(archive.redacted, /^drwx------ root\/root\s+0 2000-01-01 00:00 \.docker\/$/m);
	assert.match(archive.redacted, /"auth": "••••••••"/);
});

test('the archive bytes do not change between plans (re-applying is a no-op)', () => {
	const first = artifact(planChecked(answersFor(['mesos'])), 'mesos:archive').bytes;
	const second = artifact(planChecked(answersFor(['mesos'])), 'mesos:archive').bytes;
	assert.deepEqual(first, second);
});

test('the Marathon app uses fetch (not the deprecated uris) with the configured URI, image and id', () => {
	const result = planChecked(answersFor(['mesos']));
	const app = artifact(result, 'mesos:marathon-app');
	assert.equal(app.mode, 0o644);
	assert.equal(app.secret, false);
	const doc = JSON.parse(app.text!);
	assert.deepEqual(doc.fetch, [{uri: 'file:///etc/docker.tar.gz'}]);
	assert.equal(doc.uris, undefined);
	assert.equal(doc.id, '/private-app');
	assert.deepEqual(doc.container, {type: 'DOCKER', docker: {image: 'quay.io/myorg/app:1.0'}});
	const archive = artifact(result, 'mesos:archive');
	assert.equal(archive.installPath, '/etc/docker.tar.gz');
	assert.deepEqual(archive.install, ['sudo install -D -m 0600 -o root -g root /work/out/mesos/docker.tar.gz /etc/docker.tar.gz']);

	const custom = planChecked(
		answersFor(['mesos'], [ROBOT], a => {
			a.mesos.uri = 'https://files.example.com/agents/docker.tar.gz';
			a.mesos.image = 'quay.io/myorg/web:2.1';
			a.mesos.appId = '/team/web';
		}),
	);
	const customDoc = JSON.parse(artifact(custom, 'mesos:marathon-app').text!);
	assert.deepEqual(customDoc.fetch, [{uri: 'https://files.example.com/agents/docker.tar.gz'}]);
	assert.equal(customDoc.container.docker.image, 'quay.io/myorg/web:2.1');
	assert.equal(customDoc.id, '/team/web');
	assert.equal(artifact(custom, 'mesos:archive').installPath, undefined, 'a remote URI has no local place');
	assert.ok(custom.issues.length === 0);
});

test('bad Marathon options are field issues that name the flag', () => {
	const result = planChecked(
		answersFor(['mesos'], [ROBOT], a => {
			a.mesos.uri = 'file:///etc/docker.json';
			a.mesos.image = 'https://registry.example.io/v0/team/app';
			a.mesos.appId = 'My App';
		}),
	);
	const byFlag = Object.fromEntries(result.issues.map(issue => [issue.flag, issue.message]));
	assert.match(byFlag['--marathon-uri']!, /\.tar\.gz or \.tgz/);
	assert.match(byFlag['--marathon-image']!, /no scheme/);
	assert.match(byFlag['--marathon-app-id']!, /not valid/);
	assert.match(planChecked(answersFor(['mesos'], [ROBOT], a => (a.mesos.uri = 'docker.tar.gz'))).issues[0]!.message, /absolute URI/);
});
