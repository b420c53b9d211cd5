import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Credential} from '../../source/answers.js';
import {canMint, fillFixedUsernames} from '../../source/registries/cloud-credentials.js';
import {serviceAccountKeyProblem} from '../../source/registries/service-account-key.js';

const cred = (registry: string, password = 'p', username = ''): Credential => ({registry, username, password, email: ''});

test('the user name each service expects is filled in only when none was given', () => {
	const key = JSON.stringify({type: 'service_account', client_email: 'a@b', private_key: 'k'});
	const jwt = `${Buffer.from('{}').toString('base64url')}.${Buffer.from('{"exp":1900000000}').toString('base64url')}.c2ln`;
	const list = [
		cred('123456789012.dkr.ecr.us-east-1.amazonaws.com'),
		cred('public.ecr.aws'),
		cred('europe-docker.pkg.dev'),
		cred('gcr.io', key),
		cred('myreg.azurecr.io', jwt),
		cred('myreg.azurecr.io', 'p', 'app-id'),
		cred('quay.io'),
	];
	fillFixedUsernames(list);
	assert.deepEqual(
		list.map(item => item.username),
		['AWS', 'AWS', 'oauth2accesstoken', '_json_key', '00000000-0000-0000-0000-000000000000', 'app-id', ''],
	);
	assert.equal(list[4]!.expiresAt, new Date(1_900_000_000_000).toISOString(), 'a JWT’s exp is recorded');
});

test('regauth mints for ECR, ECR Public, Artifact Registry, ACR and GHCR only', () => {
	assert.deepEqual(
		[
			'123456789012.dkr.ecr.us-east-1.amazonaws.com',
			'public.ecr.aws',
			'gcr.io',
			'x.azurecr.io',
			'ghcr.io',
			'registry.gitlab.com',
			'docker.io',
			'quay.io',
			'bad host',
		].map(canMint),
		[true, true, true, true, true, false, false, false, false],
	);
});

test('a service-account key is checked for what Google’s key files hold', () => {
	assert.equal(serviceAccountKeyProblem(JSON.stringify({type: 'service_account', client_email: 'a@b', private_key: 'k'})), undefined);
	assert.match(serviceAccountKeyProblem('nope')!, /is not JSON/);
	assert.match(serviceAccountKeyProblem(JSON.stringify({type: 'authorized_user'}))!, /not "service_account"/);
	assert.match(serviceAccountKeyProblem(JSON.stringify({type: 'service_account', client_email: 'a@b'}))!, /no "private_key"/);
});
