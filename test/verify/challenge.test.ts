import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseChallenges, pickChallenge} from '../../source/verify/challenge.js';

test('Basic and Bearer challenges as distribution and Docker Hub send them', () => {
	assert.deepEqual(parseChallenges('Basic realm="regauth-test"'), [{scheme: 'basic', params: {realm: 'regauth-test'}}]);
	assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io"'), [
		{scheme: 'bearer', params: {realm: 'https://auth.docker.io/token', service: 'registry.docker.io'}},
	]);
	// ghcr.io names a scope even for /v2/; distribution adds error= after a bad token.
	assert.deepEqual(
		parseChallenges('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull",error="invalid_token"').at(0)?.params,
		{
			realm: 'https://ghcr.io/token',
			service: 'ghcr.io',
			scope: 'repository:user/image:pull',
			error: 'invalid_token',
		},
	);
});

test('several challenges in one header are told apart from their parameters', () => {
	const challenges = parseChallenges('Negotiate, Basic realm="a, b", Bearer realm="https://x/token", service=reg , scope="repository:a/b:pull,push"');
	assert.deepEqual(
		challenges.map(challenge => challenge.scheme),
		['negotiate', 'basic', 'bearer'],
	);
	assert.equal(challenges[1]!.params.realm, 'a, b');
	assert.deepEqual(challenges[2]!.params, {realm: 'https://x/token', service: 'reg', scope: 'repository:a/b:pull,push'});
});

test('quoted values unescape; names are case-insensitive; token68 is kept whole', () => {
	assert.deepEqual(parseChallenges('BASIC Realm="say \\"hi\\""')[0], {scheme: 'basic', params: {realm: 'say "hi"'}});
	assert.deepEqual(parseChallenges('Negotiate YIIG=='), [{scheme: 'negotiate', params: {'': 'YIIG=='}}]);
	assert.deepEqual(parseChallenges(''), []);
	assert.deepEqual(parseChallenges('  ,, '), []);
});

test('Bearer with a realm wins over Basic; a Bearer without realm does not count', () => {
	assert.equal(pickChallenge(parseChallenges('Basic realm="r", Bearer realm="https://t/token"'))?.scheme, 'bearer');
	assert.equal(pickChallenge(parseChallenges('Bearer service="x", Basic realm="r"'))?.scheme, 'basic');
	assert.equal(pickChallenge(parseChallenges('Negotiate')), undefined);
});
