// --inherit's transforms: the user's docker config and podman files as the private ones start,
// with the registries being logged in routed to the file (docs/ci.md §3).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {inheritDockerConfig, inheritPodmanAuth} from '../../source/exec/inherit.js';

const present = (text: string) => ({exists: true, text, mode: 0o600});

test('docker: with a credsStore the registry gets an empty credHelpers entry; every other byte stays', () => {
	const text =
		'{\n\t"auths": {\n\t\t"other.example": {\n\t\t\t"auth": "eDp5"\n\t\t}\n\t},\n\t"credsStore": "desktop",\n\t"proxies": {"default": {"httpProxy": "http://p:3128"}}\n}';
	const result = inheritDockerConfig('/h/.docker/config.json', present(text), ['quay.io']);
	assert.equal(result.kind, 'text');
	const doc = JSON.parse((result as {text: string}).text);
	assert.deepEqual(doc.credHelpers, {'quay.io': ''});
	assert.equal(doc.credsStore, 'desktop');
	assert.deepEqual(doc.proxies, {default: {httpProxy: 'http://p:3128'}});
	assert.ok((result as {text: string}).text.startsWith(text.slice(0, text.indexOf('"credsStore"'))), 'the part before is untouched');
});

test('docker: without a credsStore a credHelpers route for the registry is removed, others kept', () => {
	const text = JSON.stringify({credHelpers: {'quay.io': 'secretservice', 'gcr.io': 'gcloud'}});
	const result = inheritDockerConfig('/c', present(text), ['quay.io']);
	assert.deepEqual(JSON.parse((result as {text: string}).text), {credHelpers: {'gcr.io': 'gcloud'}});
});

test('docker: no file is nothing to inherit; a malformed one is refused with the reason', () => {
	assert.deepEqual(inheritDockerConfig('/c', {exists: false}, ['quay.io']), {kind: 'none'});
	const refused = inheritDockerConfig('/c', present('{"auths": '), ['quay.io']);
	assert.equal(refused.kind, 'refused');
	assert.match((refused as {reason: string}).reason, /not valid JSON/);
});

test("podman: the first file naming a registry wins, as podman reads them; the login's registry is dropped in every spelling", () => {
	const runtime = present(JSON.stringify({auths: {'a.example': {auth: 'cnVudGltZQ=='}, 'quay.io/org': {auth: 'b2xk'}}}));
	const config = present(JSON.stringify({auths: {'a.example': {auth: 'Y29uZmln'}, 'b.example': {auth: 'Yg=='}}, credHelpers: {'c.example': 'pass'}}));
	const docker = present(JSON.stringify({auths: {'https://quay.io': {auth: 'b2xk'}, 'd.example': {auth: 'ZA=='}}, credsStore: 'desktop'}));
	const result = inheritPodmanAuth(
		[
			{path: '/run/containers/auth.json', state: runtime},
			{path: '/h/.config/containers/auth.json', state: config},
			{path: '/h/.docker/config.json', state: docker},
		],
		['quay.io'],
	);
	assert.deepEqual(JSON.parse((result as {text: string}).text), {
		auths: {'a.example': {auth: 'cnVudGltZQ=='}, 'b.example': {auth: 'Yg=='}, 'd.example': {auth: 'ZA=='}},
		credHelpers: {'c.example': 'pass'},
	});
});

test('podman: no files at all is nothing to inherit; a malformed one names its path', () => {
	assert.deepEqual(inheritPodmanAuth([{path: '/a', state: {exists: false}}], ['quay.io']), {kind: 'none'});
	const refused = inheritPodmanAuth([{path: '/a', state: present('[]')}], ['quay.io']);
	assert.equal(refused.kind, 'refused');
	assert.equal((refused as {path: string}).path, '/a');
});
