import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TARGET_IDS} from '../../source/answers.js';
import {parseInvocation} from '../../source/cli/args.js';
import {headlessCommand} from '../../source/headless-command.js';
import {shellWords} from '../../source/import/shell-words.js';
import {plan} from '../../source/plan.js';
import {TARGETS} from '../../source/targets/index.js';
import {answersFor, envWith, ROBOT} from '../support/plan-fixtures.js';

test('the runtime flags map onto the answers', () => {
	const {answers} = parseInvocation([
		'-r',
		'quay.io',
		'-u',
		'myorg+robot',
		'--password-stdin',
		'-t',
		'rkt,mesos,butane',
		'--rkt-kind',
		'auth',
		'--marathon-uri',
		'https://f.example.com/d.tgz',
		'--marathon-image',
		'quay.io/myorg/web:1',
		'--marathon-app-id',
		'/team/web',
		'--butane-version',
		'1.1.0',
		'--butane-remote-url',
		'https://cfg.example.com/c.json',
		'--butane-rkt',
	]);
	assert.deepEqual(answers.rkt, {kind: 'auth'});
	assert.deepEqual(answers.mesos, {uri: 'https://f.example.com/d.tgz', image: 'quay.io/myorg/web:1', appId: '/team/web'});
	assert.deepEqual(answers.butane, {version: '1.1.0', secret: 'remote', remoteUrl: 'https://cfg.example.com/c.json', includeRkt: true});
	const imported = parseInvocation(['--import', 'robot.json', '-t', 'podman']);
	assert.equal(imported.importFile, 'robot.json');
	assert.equal(imported.headless, true);
});

test('the equivalent headless command carries the runtime options and parses back to the same answers', () => {
	const answers = answersFor(['rkt', 'mesos', 'butane', 'podman'], [ROBOT], a => {
		a.rkt.kind = 'auth';
		a.mesos = {uri: 'https://f.example.com/agents/docker.tar.gz', image: 'quay.io/myorg/web:1', appId: '/team/web'};
		a.butane = {version: '1.1.0', secret: 'remote', remoteUrl: 'https://cfg.example.com/fc/config.json?sig=a&b=c', includeRkt: true};
	});
	const command = headlessCommand(answers);
	const split = shellWords(command.slice(command.indexOf('| ') + 2));
	assert.ok(split.ok);
	const argv = split.words.map(word => word.text).slice(1);
	const parsed = parseInvocation(argv).answers;
	assert.deepEqual(
		{rkt: parsed.rkt, mesos: parsed.mesos, butane: parsed.butane, targets: parsed.targets},
		{rkt: answers.rkt, mesos: answers.mesos, butane: answers.butane, targets: answers.targets},
	);
	// defaults add nothing
	const plain = headlessCommand(answersFor(['rkt', 'mesos', 'butane']));
	assert.doesNotMatch(plain, /--rkt-kind|--marathon|--butane/);
});

test('every target is registered once with a one-line description, and plans half-typed answers without throwing', () => {
	assert.deepEqual(TARGETS.map(target => target.id).sort(), [...TARGET_IDS].sort());
	for (const target of TARGETS) assert.ok(target.description.length > 10 && !target.description.includes('\n'), target.id);
	const partial = answersFor([...TARGET_IDS], [{registry: 'quay.io:', username: '', password: '', email: ''}], a => {
		a.mesos.uri = 'http://[bad';
		a.butane.secret = 'remote';
		a.butane.remoteUrl = 'https://[bad';
	});
	const result = plan(partial, envWith());
	assert.ok(result.issues.length >= 4);
	const empty = plan(answersFor([...TARGET_IDS], []), envWith());
	assert.ok(empty.artifacts.every(artifact => typeof artifact.id === 'string' && artifact.redacted !== undefined));
	const ids = empty.artifacts.map(artifact => artifact.id);
	assert.equal(new Set(ids).size, ids.length, 'artifact ids are unique');
});
