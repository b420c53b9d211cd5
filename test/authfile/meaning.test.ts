import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keysFor, plainTextKeys, podmanKey, route} from '../../source/authfile/meaning.js';
import {registryKey} from '../../source/formats/registry-key.js';

test('a plain-text secret is an auth, a password or an identity token, decodable or not; an empty entry is not', () => {
	const doc = {
		auths: {
			'quay.io': {auth: 'dTpw'},
			'ghcr.io': {username: 'u', password: 'p'},
			'gcr.io': {identitytoken: 't'},
			'bad.example.com': {auth: '!!!'},
			'helper.example.com': {},
			'email.example.com': {email: 'a@b.c'},
		},
	};
	assert.deepEqual(plainTextKeys(doc), ['quay.io', 'ghcr.io', 'gcr.io', 'bad.example.com']);
	assert.deepEqual(plainTextKeys({auths: []}), []);
});

test('docker routes by credHelpers then credsStore; podman, buildah and skopeo by credHelpers only', () => {
	const doc = {credsStore: 'desktop', credHelpers: {'quay.io': 'secretservice', 'ghcr.io': ''}};
	assert.deepEqual(route(doc, 'quay.io', 'docker'), {name: 'secretservice', via: 'credHelpers'});
	// An entry present but empty wins over credsStore and means the file (docker/cli's getConfiguredCredentialStore).
	assert.equal(route(doc, 'ghcr.io', 'docker'), undefined);
	assert.deepEqual(route(doc, 'docker.io', 'docker'), {name: 'desktop', via: 'credsStore'});
	assert.deepEqual(route(doc, 'quay.io', 'podman'), {name: 'secretservice', via: 'credHelpers'});
	assert.equal(route(doc, 'ghcr.io', 'podman'), undefined);
});

test('Docker Hub: podman keys it docker.io unless the file is a docker config.json; every alias names the same registry', () => {
	const hub = registryKey('docker.io');
	assert.ok(hub.ok);
	assert.equal(podmanKey(hub.value, false), 'docker.io');
	assert.equal(podmanKey(hub.value, true), 'https://index.docker.io/v1/');
	const doc = {auths: {'docker.io': {}, 'https://index.docker.io/v1/': {}, 'index.docker.io': {}, 'quay.io': {}}};
	assert.deepEqual(keysFor(doc, hub.value.key), ['docker.io', 'https://index.docker.io/v1/', 'index.docker.io']);
});
