import assert from 'node:assert/strict';
import {test} from 'node:test';
import {asciiJson, butaneYaml, ignitionJson, type ProvisioningConfig} from '../../source/formats/butane-config.js';
import {readButane, readIgnition} from '../support/ignition.js';

const inline: ProvisioningConfig = {
	version: '1.0.0',
	directories: [{path: '/home/core/.docker', mode: 0o700, owner: 'core'}],
	files: [
		{path: '/home/core/.docker/config.json', mode: 0o600, owner: 'core', contents: {inline: '{"auths":{"quay.io":{"auth":"bXlvcmcrcm9ib3Q6VE9LRU4="}}}\n'}},
		{path: '/etc/rkt/auth.d/quay.io.json', mode: 0o600, contents: {inline: '{"rktKind":"dockerAuth"}\n'}},
	],
};

test('Butane YAML writes modes as octal literals and owners by name', () => {
	const yaml = butaneYaml(inline, ' a comment');
	assert.equal(
		yaml,
		[
			'# a comment',
			'variant: flatcar',
			'version: 1.0.0',
			'storage:',
			'  directories:',
			'    - path: /home/core/.docker',
			'      mode: 0700',
			'      user:',
			'        name: core',
			'      group:',
			'        name: core',
			'  files:',
			'    - path: /home/core/.docker/config.json',
			'      mode: 0600',
			'      user:',
			'        name: core',
			'      group:',
			'        name: core',
			'      contents:',
			'        inline: |',
			'          {"auths":{"quay.io":{"auth":"bXlvcmcrcm9ib3Q6VE9LRU4="}}}',
			'    - path: /etc/rkt/auth.d/quay.io.json',
			'      mode: 0600',
			'      contents:',
			'        inline: |',
			'          {"rktKind":"dockerAuth"}',
			'',
		].join('\n'),
	);
});

test('Ignition JSON is what butane prints: compact, Go field order, decimal modes, shortest data: URL, one newline', () => {
	assert.equal(
		ignitionJson(inline),
		'{"ignition":{"version":"3.3.0"},"storage":{"directories":[{"group":{"name":"core"},"path":"/home/core/.docker","user":{"name":"core"},"mode":448}],' +
			'"files":[{"group":{"name":"core"},"path":"/home/core/.docker/config.json","user":{"name":"core"},"contents":{"compression":"","source":"data:;base64,eyJhdXRocyI6eyJxdWF5LmlvIjp7ImF1dGgiOiJiWGx2Y21jcmNtOWliM1E2VkU5TFJVND0ifX19Cg=="},"mode":384},' +
			'{"path":"/etc/rkt/auth.d/quay.io.json","contents":{"compression":"","source":"data:,%7B%22rktKind%22%3A%22dockerAuth%22%7D%0A"},"mode":384}]}}\n',
	);
	assert.equal(JSON.parse(ignitionJson({...inline, version: '1.1.0'})).ignition.version, '3.4.0');
});

test('the Ignition JSON, decoded, says exactly what the Butane YAML says (inline and remote)', () => {
	const remote: ProvisioningConfig = {
		version: '1.1.0',
		directories: inline.directories,
		files: [
			{
				path: '/home/core/.docker/config.json',
				mode: 0o600,
				owner: 'core',
				contents: {source: 'https://cfg.example.com/a b/config.json?x=1&y=2', hash: `sha512-${'ab'.repeat(64)}`},
			},
		],
	};
	for (const config of [inline, remote]) {
		const butane = readButane(butaneYaml(config, ' c'));
		const ignition = readIgnition(ignitionJson(config));
		assert.deepEqual(ignition, butane);
		assert.equal(butane.files[0]!.mode, 0o600);
		assert.equal(butane.directories[0]!.mode, 0o700);
	}
	// '&' is HTML-escaped as Go does, and still the same URL when read back
	assert.match(ignitionJson(remote), /x=1\\u0026y=2/);
});

test('asciiJson leaves only printable ASCII, so YAML cannot misread a line break or control character', () => {
	const json = JSON.stringify({password: 'p\u0085w\u2028\u00e9\u007f\ud83d\ude00'});
	const ascii = asciiJson(json);
	assert.match(ascii, /^[\x20-\x7e]*$/);
	assert.deepEqual(JSON.parse(ascii), JSON.parse(json));
	const config: ProvisioningConfig = {version: '1.0.0', directories: [], files: [{path: '/f', mode: 0o600, contents: {inline: `${ascii}\n`}}]};
	assert.deepEqual(readButane(butaneYaml(config)).files[0]!.contents, {bytes: `${ascii}\n`});
});
