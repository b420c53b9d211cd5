import assert from 'node:assert/strict';
import {test} from 'node:test';
import {registryKey} from '../../source/formats/registry-key.js';
import {hostnameOf, isLoopback, mayCarryCredentials, registryEndpoint} from '../../source/verify/endpoint.js';
import {repositoryOf} from '../../source/verify/repository.js';

const key = (raw: string) => {
	const result = registryKey(raw);
	assert.ok(result.ok);
	return result.value;
};

test("Docker Hub's key is checked at registry-1.docker.io, over HTTPS only", () => {
	for (const raw of ['https://index.docker.io/v1/', 'docker.io', '']) {
		assert.deepEqual(registryEndpoint(key(raw), false), {authority: 'registry-1.docker.io', hostname: 'registry-1.docker.io', allowHttp: false});
	}
});

test('plain HTTP is allowed for localhost, 127.0.0.0/8 and ::1 as docker allows it, elsewhere only with --insecure', () => {
	for (const host of ['localhost:5000', '127.0.0.1:5000', '127.8.9.10', '[::1]:5000', 'LOCALHOST']) {
		assert.equal(registryEndpoint(key(host), false).allowHttp, true, host);
	}
	for (const host of ['quay.io', '128.0.0.1:5000', '10.0.0.1:5000', 'localhost.example.com', '127.0.0.1.nip.io', '[::2]:5000']) {
		assert.equal(registryEndpoint(key(host), false).allowHttp, false, host);
		assert.equal(registryEndpoint(key(host), true).allowHttp, true, host);
	}
	assert.equal(hostnameOf('[::1]:5000'), '::1');
	assert.equal(hostnameOf('quay.io:443'), 'quay.io');
	assert.equal(isLoopback('127.0.0.1'), true);
	assert.equal(isLoopback('127.1'), false);
});

test('credentials never go to a plain-HTTP URL off loopback without --insecure', () => {
	assert.equal(mayCarryCredentials(new URL('https://auth.example.com/token'), false), true);
	assert.equal(mayCarryCredentials(new URL('http://auth.example.com/token'), false), false);
	assert.equal(mayCarryCredentials(new URL('http://auth.example.com/token'), true), true);
	assert.equal(mayCarryCredentials(new URL('http://127.0.0.1:9000/token'), false), true);
	assert.equal(mayCarryCredentials(new URL('http://[::1]:9000/token'), false), true);
	assert.equal(mayCarryCredentials(new URL('ftp://127.0.0.1/token'), true), false);
});

test('the pull scope comes from an image on the same registry only', () => {
	assert.equal(repositoryOf('quay.io/myorg/app:1.0', 'quay.io'), 'myorg/app');
	assert.equal(repositoryOf('registry.example.com:5000/team/sub/app@sha256:abc', 'registry.example.com:5000'), 'team/sub/app');
	assert.equal(repositoryOf('ghcr.io/octocat/app', 'quay.io'), undefined);
	assert.equal(repositoryOf('quay.io/Bad Name', 'quay.io'), undefined);
	assert.equal(repositoryOf('quay.io.evil.com/x/y', 'quay.io'), undefined);
});
