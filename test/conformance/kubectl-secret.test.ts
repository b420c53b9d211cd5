// The Secret regauth writes must be byte-identical to what the real kubectl prints for
// `kubectl create secret docker-registry … --dry-run=client -o yaml` (docs/formats.md §3.2).
// kubectl's client-side dry run needs no cluster, so this runs the real binary.
// (Passing the password as a kubectl argument is fine here: these are generated test values.)

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {test} from 'node:test';
import fc from 'fast-check';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {registryKey} from '../../source/formats/registry-key.js';
import {plan} from '../../source/plan.js';
import {requireProgram} from '../support/programs.js';

const kubectlPath = requireProgram('kubectl', 'kubectl comes with the CI machine image');

function kubectl(args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			kubectlPath,
			args,
			{env: {PATH: process.env.PATH, HOME: '/nonexistent', KUBECONFIG: '/nonexistent'}, maxBuffer: 1 << 24},
			(error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
		);
	});
}

interface Case {
	registry: string;
	username: string;
	password: string;
	email: string;
	name: string;
	namespace: string;
}

function regauthSecret(input: Case): string {
	const answers: Answers = {
		...defaultAnswers(),
		credentials: [{registry: input.registry, username: input.username, password: input.password, email: input.email}],
		targets: ['kubernetes'],
	};
	answers.kubernetes = {...answers.kubernetes, secretName: input.name, namespaces: input.namespace === '' ? [] : [input.namespace]};
	const result = plan(answers, emptyEnvironment());
	assert.deepEqual(result.issues, [], JSON.stringify(input));
	const secret = result.artifacts.find(artifact => artifact.id.startsWith('kubernetes:secret:'));
	assert.ok(secret?.text);
	return secret.text;
}

async function kubectlSecret(input: Case): Promise<string> {
	const key = registryKey(input.registry);
	assert.ok(key.ok);
	const args = [
		'create',
		'secret',
		'docker-registry',
		input.name,
		`--docker-server=${key.value.key}`,
		`--docker-username=${input.username}`,
		`--docker-password=${input.password}`,
	];
	if (input.email !== '') args.push(`--docker-email=${input.email}`);
	if (input.namespace !== '') args.push('-n', input.namespace);
	args.push('--dry-run=client', '-o', 'yaml');
	return kubectl(args);
}

// ---- generators ---------------------------------------------------------------------------

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const tricky = fc.constantFrom(
	'<',
	'>',
	'&',
	'"',
	"'",
	'\\',
	'\u2028',
	'\u2029',
	'é',
	'日本',
	'🔑',
	' ',
	'\t',
	'$',
	'`',
	'%',
	'=',
	'\u007f',
	'\u001b',
	'\b',
	'\f',
);
const unicodeText = (min: number, max: number) =>
	fc
		.array(fc.oneof({weight: 3, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 6})}, {weight: 2, arbitrary: tricky}), {
			minLength: min,
			maxLength: max,
		})
		.map(parts => parts.join(''))
		.filter(text => !text.includes('\0') && text.length > 0);

const registry = fc.oneof(
	fc.constantFrom(
		'quay.io',
		'ghcr.io',
		'docker.io',
		'index.docker.io',
		'',
		'registry-1.docker.io',
		'Registry.Example.COM:5000',
		'https://r.example.com/v2/',
		'[::1]:5000',
		'127.0.0.1:5000',
	),
	fc
		.tuple(fc.array(label, {minLength: 1, maxLength: 3}), fc.option(fc.integer({min: 1, max: 65535}), {nil: undefined}))
		.map(([labels, port]) => `${labels.join('.')}${port === undefined ? '' : `:${port}`}`),
);
const username = fc.oneof(
	fc.constantFrom('alice', 'myorg+robot', 'ci_bot', 'user@example.com', '<admin>&co'),
	unicodeText(1, 6)
		.map(text =>
			text
				.replaceAll(':', '')
				.replace(/[\x00-\x1f\x7f]/g, '')
				.trim(),
		)
		.filter(text => text.length > 0),
);
const password = fc.oneof(
	unicodeText(1, 12),
	fc.string({minLength: 1, maxLength: 2000, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.')}),
	fc.constantFrom('pa:ss', 'p<&>"\\é:x', 'a'.repeat(1500)),
);
const email = fc.oneof(fc.constant(''), fc.constantFrom('me@example.com', 'a+b&c@<x>.io', 'ü@例え.jp'));
const name = fc.oneof(
	fc.array(label, {minLength: 1, maxLength: 3}).map(labels => labels.join('.')),
	fc.constantFrom(
		'regcred',
		'123',
		'1e3',
		'0x1f',
		'yes',
		'no',
		'on',
		'null',
		'true',
		'007',
		'08',
		'1-2',
		'2001-1-2',
		'1.5',
		'1e-3',
		'0b101',
		'1_2'.replace('_', '-'),
	),
);
const namespace = fc.oneof(fc.constant(''), label, fc.constantFrom('123', 'yes', 'default', 'kube-system', '1e3'));

test('Secrets are byte-identical to kubectl create secret docker-registry --dry-run=client -o yaml (fast-check, 240 runs)', {timeout: 420_000}, async () => {
	let runs = 0;
	await fc.assert(
		fc.asyncProperty(fc.record({registry, username, password, email, name, namespace}), async input => {
			runs++;
			const expected = await kubectlSecret(input);
			assert.equal(regauthSecret(input), expected);
		}),
		{numRuns: 240, seed: Number(process.env.REGAUTH_SEED ?? Date.now() % 2 ** 31)},
	);
	assert.equal(runs, 240);
});

test('the docs/formats.md §3.2 reference cases match byte for byte', async () => {
	const cases: Case[] = [
		{registry: 'quay.io', username: 'myorg+robot', password: 'S3cr3t', email: 'me@example.com', name: 'my-secret', namespace: ''},
		{registry: 'r.example.com:5000', username: 'ab', password: 'p<&>"\\é:x', email: '', name: 'x', namespace: 'my-ns'},
		{registry: '', username: 'alice', password: 'pw', email: '', name: 'hub', namespace: ''},
	];
	for (const input of cases) assert.equal(regauthSecret(input), await kubectlSecret(input));
});
