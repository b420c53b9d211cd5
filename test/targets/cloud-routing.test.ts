// docker and podman hand ECR and Artifact Registry hosts to the cloud's own credential helper
// (that host only); files that hold a minted token get told when it dies. Pure plan() tests.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Credential} from '../../source/answers.js';
import {answersFor, envWith, planChecked} from '../support/plan-fixtures.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const GAR = 'us-docker.pkg.dev';
const CONFIG = '/home/user/.docker/config.json';
const ecr: Credential = {
	registry: ECR,
	username: 'AWS',
	password: 'ecr-token-XYZ',
	email: '',
	expiresAt: '2026-12-01T00:00:00.000Z',
	mintedBy: 'aws ecr get-login-password --region eu-west-1',
};
const gar: Credential = {registry: GAR, username: 'oauth2accesstoken', password: 'ya29.token', email: ''};
const helpers = ['ecr-login', 'gcloud'];

test('an existing config keeps its other entries; the ECR host’s stale token goes, only that host is routed', () => {
	const existing = JSON.stringify(
		{auths: {[ECR]: {auth: Buffer.from('AWS:old-token').toString('base64')}, 'quay.io': {auth: 'eDp5'}}, credsStore: 'desktop'},
		null,
		'\t',
	);
	const result = planChecked(answersFor(['docker'], [ecr, gar]), envWith({helpers, files: {[CONFIG]: {exists: true, text: existing, mode: 0o600}}}));
	const doc = JSON.parse(result.artifacts[0]!.text!);
	assert.deepEqual(doc.credHelpers, {[ECR]: 'ecr-login', [GAR]: 'gcloud'});
	assert.deepEqual(Object.keys(doc.auths), ['quay.io']);
	assert.equal(doc.credsStore, 'desktop');
	assert.deepEqual(result.commands, [], 'no docker login, no keychain store: the helpers mint tokens themselves');
	assert.deepEqual(result.expiries, [{registry: ECR, host: ECR, expiresAt: '2026-12-01T00:00:00.000Z', holders: []}]);
	assert.ok(!result.notes.some(note => /stops working/.test(note.message)), 'nothing written holds the token');
});

test('--keychain regauth does not store a 12-hour token: the cloud helper still serves the host', () => {
	const result = planChecked(
		answersFor(['docker', 'podman'], [ecr], a => (a.keychain = {kind: 'regauth'})),
		envWith({helpers: [...helpers, 'regauth']}),
	);
	for (const artifact of result.artifacts.filter(item => item.id !== 'keychain:launcher')) {
		assert.deepEqual(JSON.parse(artifact.text!).credHelpers, {[ECR]: 'ecr-login'}, artifact.path);
	}
	assert.equal(result.commands.filter(command => command.role === 'store').length, 0);
});

test('a service-account key (_json_key) is long-lived: written as a login, with a warning where files hold it', () => {
	const key: Credential = {...gar, username: '_json_key', password: '{"type":"service_account"}'};
	const result = planChecked(answersFor(['docker', 'kubernetes'], [key]), envWith({helpers}));
	const doc = JSON.parse(result.artifacts.find(artifact => artifact.id === 'docker:config')!.text!);
	assert.equal(doc.credHelpers, undefined);
	assert.deepEqual(Object.keys(doc.auths), [GAR]);
	assert.ok(
		result.notes.some(note => note.level === 'warning' && /never expires/.test(note.message) && /Docker and Kubernetes Secrets outputs/.test(note.message)),
	);
});

test('the helper missing: the token goes into the file, with how to install the helper and when the token dies', () => {
	const result = planChecked(answersFor(['docker', 'kubernetes'], [ecr]), envWith({helpers: []}));
	const doc = JSON.parse(result.artifacts.find(artifact => artifact.id === 'docker:config')!.text!);
	assert.deepEqual(Object.keys(doc.auths), [ECR]);
	const messages = result.notes.map(note => note.message).join('\n');
	assert.match(messages, /docker-credential-ecr-login is not on PATH.*apt install amazon-ecr-credential-helper/);
	assert.match(messages, /stops working at 2026-12-01 00:00 UTC: the Docker and Kubernetes Secrets outputs written now/);
	assert.deepEqual(result.expiries[0]?.holders, ['docker', 'kubernetes']);
});
