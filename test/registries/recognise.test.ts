import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jwtExpiry} from '../../source/registries/jwt-expiry.js';
import {guideFor} from '../../source/registries/providers.js';
import {recognise} from '../../source/registries/recognise.js';

test('ECR hosts in every partition the ECR helper serves; others are not ECR', () => {
	assert.deepEqual(recognise('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), {
		provider: 'ecr',
		host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
		account: '123456789012',
		region: 'eu-west-1',
		fips: false,
	});
	assert.equal(recognise('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com').provider, 'ecr');
	assert.equal((recognise('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com') as {fips: boolean}).fips, true);
	assert.equal((recognise('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn') as {region: string}).region, 'cn-north-1');
	assert.equal(recognise('123456789012.dkr-ecr.us-east-1.on.aws').provider, 'ecr');
	for (const host of [
		'12345.dkr.ecr.eu-west-1.amazonaws.com',
		'dkr.ecr.eu-west-1.amazonaws.com',
		'123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example',
	]) {
		assert.equal(recognise(host).provider, 'other', host);
	}
	assert.deepEqual(recognise('public.ecr.aws'), {provider: 'ecr-public', host: 'public.ecr.aws', region: 'us-east-1'});
});

test('Google, Azure, GitHub, GitLab, Docker Hub and Quay by host name', () => {
	assert.deepEqual(recognise('europe-west1-docker.pkg.dev'), {provider: 'gar', host: 'europe-west1-docker.pkg.dev', location: 'europe-west1'});
	assert.deepEqual(recognise('docker.us-central1.rep.pkg.dev'), {provider: 'gar', host: 'docker.us-central1.rep.pkg.dev', location: 'us-central1'});
	assert.deepEqual(recognise('eu.gcr.io'), {provider: 'gar', host: 'eu.gcr.io', location: 'europe'});
	assert.deepEqual(recognise('myreg.azurecr.io'), {provider: 'acr', host: 'myreg.azurecr.io', name: 'myreg'});
	assert.equal(recognise('myreg.azurecr.cn').provider, 'acr');
	assert.equal(recognise('ghcr.io').provider, 'ghcr');
	assert.equal(recognise('registry.gitlab.com').provider, 'gitlab');
	assert.equal(recognise('docker.io').provider, 'dockerhub');
	assert.equal(recognise('quay.io').provider, 'quay');
	assert.equal(recognise('registry.example.com:5000').provider, 'other');
	assert.equal(recognise('notgcr.io').provider, 'other');
});

test('each guide names the user, the token and, for clouds, the CLI call that mints it', () => {
	const ecr = guideFor(recognise('123456789012.dkr.ecr.eu-west-1.amazonaws.com'));
	assert.equal(ecr.username, 'AWS');
	assert.equal(ecr.helper?.name, 'ecr-login');
	assert.deepEqual(ecr.tokenCommand?.args, ['ecr', 'get-login-password', '--region', 'eu-west-1']);
	assert.equal(ecr.lifetimeSeconds, 12 * 3600);
	const fips = guideFor(recognise('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'));
	assert.deepEqual(fips.tokenCommand?.env, {AWS_USE_FIPS_ENDPOINT: 'true'});
	assert.deepEqual(guideFor(recognise('public.ecr.aws')).tokenCommand?.args, ['ecr-public', 'get-login-password', '--region', 'us-east-1']);
	const gar = guideFor(recognise('us-docker.pkg.dev'));
	assert.equal(gar.username, 'oauth2accesstoken');
	assert.equal(gar.helper?.name, 'gcloud');
	const acr = guideFor(recognise('myreg.azurecr.io'));
	assert.equal(acr.username, '00000000-0000-0000-0000-000000000000');
	assert.deepEqual(acr.tokenCommand?.args, ['acr', 'login', '--name', 'myreg', '--expose-token', '--output', 'json']);
	assert.deepEqual(acr.tokenCommand?.output, {json: 'accessToken'});
	assert.match(guideFor(recognise('ghcr.io')).tokenHint, /read:packages/);
	assert.match(guideFor(recognise('registry.gitlab.com')).tokenHint, /read_registry/);
	assert.match(guideFor(recognise('docker.io')).tokenHint, /personal access token/);
	for (const host of ['ghcr.io', 'registry.gitlab.com', 'docker.io', 'quay.io', 'example.com']) {
		assert.equal(guideFor(recognise(host)).username, undefined, host);
		assert.equal(guideFor(recognise(host)).helper, undefined, host);
	}
});

test('expiry is read from a JWT exp claim only', () => {
	const jwt = (payload: unknown) =>
		`${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
	assert.deepEqual(jwtExpiry(jwt({exp: 1_900_000_000})), new Date(1_900_000_000_000));
	assert.equal(jwtExpiry(jwt({exp: '1900000000'})), undefined);
	assert.equal(jwtExpiry(jwt([1])), undefined);
	assert.equal(jwtExpiry('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), undefined);
	assert.equal(jwtExpiry('a.b'), undefined);
	assert.equal(jwtExpiry('a.%%%.c'), undefined);
	assert.equal(jwtExpiry(`x.${Buffer.from('not json').toString('base64url')}.y`), undefined);
});
