import assert from 'node:assert/strict';
import {test} from 'node:test';
import {emptyEnvironment} from '../../../source/environment.js';
import {setupPlan} from '../../../source/keychain/setup/setup-plan.js';

const CONFIG = '/home/user/.docker/config.json';

test('routes merge into config.json: other entries keep their bytes; credHelpers gains the registries', () => {
	const text = '{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "dTpw"\n\t\t}\n\t},\n\t"psFormat": "table"\n}';
	const env = emptyEnvironment({files: {[CONFIG]: {exists: true, text, mode: 0o600}}});
	const {plan, routed, invalid} = setupPlan(env, {
		helper: 'pass',
		registries: ['GHCR.io', 'https://registry.example.com/'],
		agentConf: '/home/user/.gnupg/gpg-agent.conf',
	});
	assert.deepEqual(invalid, []);
	assert.deepEqual(routed, ['ghcr.io', 'registry.example.com']);
	const config = plan.artifacts.find(artifact => artifact.id === 'docker:config')!;
	const doc = JSON.parse(config.text!);
	assert.deepEqual(doc.credHelpers, {'ghcr.io': 'pass', 'registry.example.com': 'pass'});
	assert.equal(doc.auths['quay.io'].auth, 'dTpw');
	assert.equal(doc.psFormat, 'table');
	assert.doesNotMatch(config.redacted, /dTpw/);
	assert.ok(plan.artifacts.some(artifact => artifact.id === 'keychain:gpg-agent.conf'));
});

test('a malformed config.json is refused untouched; bad registries are named', () => {
	const env = emptyEnvironment({files: {[CONFIG]: {exists: true, text: '{"auths": [', mode: 0o600}}});
	const {plan, invalid} = setupPlan(env, {
		helper: 'secretservice',
		registries: ['ok.example', 'bad host'],
		session: {snippet: '/home/user/.config/regauth/keyring-session.sh', profile: '/home/user/.profile'},
	});
	assert.equal(invalid.length, 1);
	assert.match(invalid[0]!, /^--registry: Registry "bad host"/);
	assert.match(plan.artifacts.find(artifact => artifact.id === 'docker:config')!.blocked ?? '', /will not touch it/);
	assert.deepEqual(
		plan.artifacts.map(artifact => artifact.id),
		['keychain:session-snippet', 'keychain:profile', 'docker:config'],
	);
});

test('nothing to route, nothing already right: no config.json artifact', () => {
	const text = '{\n\t"auths": {},\n\t"credHelpers": {\n\t\t"ghcr.io": "pass"\n\t}\n}';
	const env = emptyEnvironment({files: {[CONFIG]: {exists: true, text, mode: 0o600}}});
	assert.deepEqual(setupPlan(env, {helper: 'pass', registries: []}).plan.artifacts, []);
	assert.deepEqual(setupPlan(env, {helper: 'pass', registries: ['ghcr.io']}).plan.artifacts, []);
});
