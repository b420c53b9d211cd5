import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkImageReference, robotAccount} from '../../source/answers.js';
import {checkRemoteUrl} from '../../source/targets/butane/answers.js';
import {checkMarathonAppId, checkMarathonUri} from '../../source/targets/mesos/answers.js';
import {answersFor, planChecked, ROBOT} from '../support/plan-fixtures.js';

test("Quay robot names are recognised by Quay's own rules (namespace+shortname)", () => {
	assert.deepEqual(robotAccount('myorg+robot'), {namespace: 'myorg', name: 'robot'});
	assert.deepEqual(robotAccount('my.org-1+ci_bot2'), {namespace: 'my.org-1', name: 'ci_bot2'});
	for (const name of [
		'myorg',
		'myorg+',
		'+robot',
		'MyOrg+robot',
		'myorg+Robot',
		'myorg+1bot',
		'myorg+b',
		'o+robot',
		'my..org+robot',
		'myorg-+robot',
		'a+b+c',
	]) {
		assert.equal(robotAccount(name), undefined, name);
	}
});

test('a robot login is explained in the plan: its token is the password', () => {
	const result = planChecked(answersFor(['podman'], [ROBOT]));
	assert.ok(result.notes.some(note => note.message === 'myorg+robot is a Quay robot account (namespace myorg, robot robot): its token is the password.'));
});

test('runtime option checks accept the documented forms and explain the rest', () => {
	assert.equal(checkMarathonUri('file:///etc/docker.tar.gz'), undefined);
	assert.equal(checkMarathonUri('https://files.example.com/a/docker.tgz'), undefined);
	assert.match(checkMarathonUri('')!, /required/);
	assert.equal(checkMarathonUri('/etc/docker.tar.gz'), undefined, 'the Mesos fetcher copies local paths');
	assert.match(checkMarathonUri('etc/docker.tar.gz')!, /absolute URI/);
	assert.match(checkMarathonUri('file:///etc/docker.tar')!, /\.tar\.gz or \.tgz/);
	assert.match(checkMarathonUri(`https://x/${'a'.repeat(1030)}.tar.gz`)!, /1024/);
	assert.equal(checkMarathonAppId('/team/web.v2'), undefined);
	assert.match(checkMarathonAppId('/Team/web')!, /not valid/);
	assert.equal(checkImageReference(''), undefined);
	assert.equal(checkImageReference('registry.example.io:5000/giffee_lover_93/somerepo:1.0'), undefined);
	assert.match(checkImageReference('https://registry.example.io/v0/x')!, /no scheme/);
	for (const image of ['quay.io/team/app:Latest', 'app', 'localhost:5000/a/b', '[::1]:5000/x/y:1', `quay.io/a/b@sha256:${'0'.repeat(64)}`]) {
		assert.equal(checkImageReference(image), undefined, image);
	}
	for (const image of ['Quay.io/Team/App', 'quay.io/team/', 'quay.io//app', 'quay.io/app:', 'a b']) {
		assert.match(checkImageReference(image)!, /not an image reference/, image);
	}
	assert.equal(checkRemoteUrl('https://cfg.example.com/c.json', '1.0.0'), undefined);
	assert.equal(checkRemoteUrl('s3://bucket/c.json', '1.0.0'), undefined);
	assert.equal(checkRemoteUrl('arn:aws:s3:::bucket/c.json', '1.1.0'), undefined);
	assert.match(checkRemoteUrl('arn:aws:s3:::bucket/c.json', '1.0.0')!, /http, https, tftp, s3, gs URL/);
});
