// What logout changes, as a plan: Docker Hub under any of its names, the credHelpers route and
// the helper's item, Secrets listed (deleted only with --kubernetes), provisioning files left.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {registryKey} from '../../source/formats/registry-key.js';
import {recordApply} from '../../source/inventory/record.js';
import {emptyInventory} from '../../source/inventory/schema.js';
import {logoutPlan} from '../../source/lifecycle/logout-plan.js';
import {answersFor, envWith, HUB, planChecked} from '../support/plan-fixtures.js';

const docker = '/home/user/.docker/config.json';
const podman = '/home/user/.config/containers/auth.json';

function machine() {
	return envWith({
		files: {
			[docker]: {
				exists: true,
				mode: 0o600,
				text: JSON.stringify({auths: {'https://index.docker.io/v1/': {auth: 'YTpi'}, 'quay.io': {auth: 'YzpkCg=='}}, credsStore: 'desktop'}),
			},
			[podman]: {
				exists: true,
				mode: 0o600,
				text: JSON.stringify({auths: {'docker.io': {}, 'ghcr.io': {auth: 'ZTpm'}}, credHelpers: {'docker.io': 'secretservice'}}),
			},
		},
	});
}

for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/']) {
	test(`logout ${name}: Docker Hub's entries and routes go from both files, each helper erases its item`, () => {
		const key = (registryKey(name) as {value: {key: string}}).value.key;
		const {plan, absent} = logoutPlan(machine(), [key], [], false);
		assert.deepEqual(absent, []);
		const texts = Object.fromEntries(plan.artifacts.map(artifact => [artifact.path, JSON.parse(artifact.text!)]));
		assert.deepEqual(texts[docker], {auths: {'quay.io': {auth: 'YzpkCg=='}}, credsStore: 'desktop'});
		assert.deepEqual(texts[podman], {auths: {'ghcr.io': {auth: 'ZTpm'}}, credHelpers: {}});
		assert.deepEqual(
			plan.commands.map(command => [command.argv.join(' '), command.input]),
			[
				['docker-credential-desktop erase', 'https://index.docker.io/v1/'],
				['docker-credential-secretservice erase', 'docker.io'],
			],
		);
		assert.ok(plan.canApply);
	});
}

test('Secrets regauth applied are listed with kubectl delete, run only with --kubernetes; generated files are left', () => {
	const answers = answersFor(['docker', 'kubernetes', 'butane'], [HUB], edit => {
		edit.kubernetes.namespaces = ['web'];
		edit.kubernetes.contexts = ['prod'];
	});
	const inventory = recordApply(emptyInventory(), {answers, plan: planChecked(answers), mode: 'both', machine: envWith(), now: new Date()});
	const listed = logoutPlan(machine(), ['https://index.docker.io/v1/'], inventory.logins, false);
	assert.deepEqual(
		listed.secrets.map(secret => secret.display),
		['kubectl --context prod --namespace web delete secret regcred --ignore-not-found'],
	);
	assert.ok(!listed.plan.commands.some(command => command.argv[0] === 'kubectl'));
	assert.ok(listed.leftFiles.some(file => file.endsWith('.ign')));
	assert.ok(listed.leftFiles.some(file => file.endsWith('regcred.secret.yaml')));
	const deleting = logoutPlan(machine(), ['https://index.docker.io/v1/'], inventory.logins, true);
	assert.deepEqual(
		deleting.plan.modes.both.commands.filter(id => id.startsWith('logout:kubectl')),
		['logout:kubectl:prod:web'],
	);
	assert.deepEqual(
		deleting.plan.modes.files.commands.filter(id => id.startsWith('logout:kubectl')),
		[],
	);
});

test('a registry nothing holds is reported absent and nothing changes', () => {
	const {plan, absent} = logoutPlan(machine(), ['example.com'], [], false);
	assert.deepEqual(absent, ['example.com']);
	assert.equal(plan.artifacts.length + plan.commands.length, 0);
});
