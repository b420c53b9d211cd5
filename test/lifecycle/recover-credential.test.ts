// rotate reads the other registries back from the files regauth wrote for several at once: each
// file kind regauth rewrites whole, as plan() writes it (Secret manifests in both types, the Mesos
// archive, Butane inline and its Ignition config), and the refusals when a credential is not there.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {TargetId} from '../../source/answers.js';
import {companionsOf, recoverCredential} from '../../source/lifecycle/recover-credential.js';
import {answersFor, envWith, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';

const cases: Array<{target: TargetId; id: string; edit?: (answers: ReturnType<typeof answersFor>) => void}> = [
	{target: 'kubernetes', id: 'kubernetes:secret:current-namespace'},
	{target: 'kubernetes', id: 'kubernetes:secret:current-namespace', edit: answers => (answers.kubernetes.secretType = 'dockercfg')},
	{target: 'mesos', id: 'mesos:archive'},
	{target: 'butane', id: 'butane:config'},
	{target: 'butane', id: 'butane:ignition'},
];

for (const {target, id, edit} of cases) {
	test(`both registries are read back from ${id}${edit ? ' (dockercfg)' : ''}`, () => {
		const plan = planChecked(answersFor([target], [ROBOT, HUB], edit), envWith());
		const artifact = plan.artifacts.find(candidate => candidate.id === id);
		assert.ok(artifact, plan.artifacts.map(candidate => candidate.id).join(', '));
		const quay = recoverCredential({registry: 'quay.io', username: ROBOT.username}, artifact.path, artifact.bytes);
		assert.deepEqual(quay, {ok: true, username: ROBOT.username, password: ROBOT.password, email: ''});
		const hub = recoverCredential({registry: 'https://index.docker.io/v1/', username: HUB.username}, artifact.path, artifact.bytes);
		assert.equal(hub.ok && hub.password, HUB.password);
	});
}

test('a missing entry, another user, or bytes that are not the file are refused with the reason', () => {
	const plan = planChecked(answersFor(['kubernetes'], [ROBOT]), envWith());
	const secret = plan.artifacts.find(candidate => candidate.id.startsWith('kubernetes:secret:'))!;
	assert.deepEqual(recoverCredential({registry: 'ghcr.io', username: 'x'}, secret.path, secret.bytes), {ok: false, reason: 'it holds no entry for ghcr.io'});
	const other = recoverCredential({registry: 'quay.io', username: 'someone'}, secret.path, secret.bytes);
	assert.match(other.ok ? '' : other.reason, /is for user myorg\+robot, not someone/);
	const garbage = recoverCredential({registry: 'quay.io', username: ROBOT.username}, '/out/mesos/docker.tar.gz', new TextEncoder().encode('not gzip'));
	assert.match(garbage.ok ? '' : garbage.reason, /cannot be read/);
});

test('companions: only other registries sharing a file written whole (not the merged docker file)', () => {
	const base = {configured: '2026-11-30T00:00:00.000Z', answers: answersFor(['kubernetes']) as never};
	const quay = {
		...base,
		registry: 'quay.io',
		username: 'a',
		places: [
			{kind: 'kubernetes' as const, path: '/o/k/s.yaml', title: ''},
			{kind: 'docker' as const, path: '/h/config.json', title: ''},
		],
	};
	const ghcr = {...base, registry: 'ghcr.io', username: 'b', places: [{kind: 'kubernetes' as const, path: '/o/k/s.yaml', title: ''}]};
	const hub = {...base, registry: 'https://index.docker.io/v1/', username: 'c', places: [{kind: 'docker' as const, path: '/h/config.json', title: ''}]};
	assert.deepEqual(
		companionsOf(quay, [quay, ghcr, hub]).map(companion => [companion.login.registry, companion.paths]),
		[['ghcr.io', ['/o/k/s.yaml']]],
	);
});
