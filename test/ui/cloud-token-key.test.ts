// The wizard's credentials step for cloud registries: Ctrl+G asks for the token from the cloud's
// CLI (an effect the wizard runs through its services), only where regauth knows the CLI; the
// hints say which credential the service wants and what the user name is.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {emptyPlan} from '../../source/plan-types.js';
import {CREDENTIAL_FIELDS} from '../../source/ui/credential-fields.js';
import {type KeyContext, keyToCommands} from '../../source/ui/keymap.js';
import {decodeKeys} from '../../source/ui/keys.js';
import {initialState, reducer} from '../../source/ui/state.js';

const ctx: KeyContext = {plan: emptyPlan(), env: emptyEnvironment(), stores: undefined, previewLength: () => 0, previewPage: 10, leftMax: 0, leftPage: 10};

function onPassword(registry: string) {
	const answers: Answers = {...defaultAnswers(), credentials: [{registry, username: '', password: '', email: ''}]};
	return reducer(initialState(answers), {type: 'edit', index: 0, field: 2});
}

const ctrlG = decodeKeys('\x07')[0]!;

test('Ctrl+G on a cloud registry asks its CLI for the token; elsewhere it does nothing', () => {
	for (const registry of ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'europe-docker.pkg.dev', 'myreg.azurecr.io', 'ghcr.io']) {
		assert.deepEqual(keyToCommands(onPassword(registry), ctrlG, ctx), [{type: 'effect', effect: {kind: 'mint', index: 0}}], registry);
	}
	for (const registry of ['quay.io', 'registry.gitlab.com', 'docker.io', 'registry.example.com']) {
		assert.ok(!keyToCommands(onPassword(registry), ctrlG, ctx).some(command => command.type === 'effect'), registry);
	}
});

test('the hints name the user name and the credential each service wants', () => {
	const hint = (registry: string, key: 'username' | 'password') =>
		CREDENTIAL_FIELDS.find(field => field.key === key)!.hint({registry, username: '', password: '', email: ''});
	assert.match(hint('123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'username'), /Amazon ECR: always AWS/);
	assert.match(hint('123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'password'), /Ctrl\+G gets it from aws.*aws ecr get-login-password --region eu-west-1/);
	assert.match(hint('myreg.azurecr.io', 'username'), /00000000-0000-0000-0000-000000000000/);
	assert.match(hint('ghcr.io', 'password'), /read:packages/);
	assert.match(hint('registry.gitlab.com', 'password'), /read_registry/);
	assert.match(hint('docker.io', 'password'), /personal access token/);
	assert.equal(hint('registry.example.com', 'username'), 'account, robot or token name');
});
