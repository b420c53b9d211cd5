// The ExternalSecret and the kubelet CredentialProviderConfig regauth writes, checked against
// their published schemas, kept as fixtures with their source (test/targets/fixtures/*.json):
// External Secrets' CRD openAPIV3Schema for external-secrets.io/v1, and a schema written from
// the kubelet's Go types and validation. No cluster or kubelet can run on the test machines.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {Ajv} from 'ajv';
import {parse} from 'yaml';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * The API server rejects unknown fields under kubectl's default --validate=strict (fieldValidation
 * Strict) and prunes them otherwise: either way a misspelt field is lost. Objects with declared
 * properties therefore get additionalProperties: false unless they keep unknown fields.
 */
function strict(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(strict);
	if (schema === null || typeof schema !== 'object') return schema;
	const copy = Object.fromEntries(
		Object.entries(schema).map(([key, value]) => [
			key,
			key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, strict(sub)])) : strict(value),
		]),
	);
	if (copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) copy.additionalProperties = false;
	return copy;
}

const ajv = new Ajv({strict: false, allErrors: true});
const externalSecretValidator = ajv.compile(strict(fixture('externalsecret-v1.schema.json')) as object);
const providerValidator = ajv.compile(fixture('credential-provider-config-v1.schema.json'));

// Plain predicates: Ajv's validators are type guards, which would narrow the parsed YAML to unknown.
const externalSecretSchema = Object.assign((doc: unknown): boolean => externalSecretValidator(doc), {
	get errors() {
		return externalSecretValidator.errors;
	},
});
const providerSchema = Object.assign((doc: unknown): boolean => providerValidator(doc), {
	get errors() {
		return providerValidator.errors;
	},
});

function externalSecretPlan(extra: Partial<ReturnType<typeof defaultAnswers>['externalSecret']> = {}, registry = 'ghcr.io') {
	const answers = {
		...defaultAnswers(),
		targets: ['external-secret' as const],
		credentials: [{registry, username: 'octocat', password: 'ghp_Secret"\\Token', email: ''}],
	};
	answers.externalSecret = {...answers.externalSecret, store: 'vault-backend', remoteKey: 'registry/ghcr', ...extra};
	answers.kubernetes = {...answers.kubernetes, namespaces: ['web', 'jobs'], secretName: 'ghcr-pull'};
	return plan(answers, emptyEnvironment({cwd: '/work'}));
}

test('the ExternalSecret passes the external-secrets.io/v1 CRD schema, holds no secret, and the review says what to put in the store', () => {
	const result = externalSecretPlan({storeKind: 'ClusterSecretStore'});
	assert.deepEqual(result.issues, []);
	const manifests = result.artifacts.filter(artifact => artifact.target === 'external-secret');
	assert.deepEqual(
		manifests.map(artifact => artifact.path),
		['/work/regauth/external-secret/web/ghcr-pull.external-secret.yaml', '/work/regauth/external-secret/jobs/ghcr-pull.external-secret.yaml'],
	);
	for (const manifest of manifests) {
		const doc = parse(manifest.text!);
		assert.ok(externalSecretSchema(doc), JSON.stringify(externalSecretSchema.errors));
		assert.equal(doc.apiVersion, 'external-secrets.io/v1');
		assert.deepEqual(doc.spec.secretStoreRef, {kind: 'ClusterSecretStore', name: 'vault-backend'});
		assert.equal(doc.spec.target.template.type, 'kubernetes.io/dockerconfigjson');
		assert.ok(!manifest.text!.includes('ghp_Secret') && !manifest.secret && manifest.mode === 0o644);
	}
	const store = result.notes.find(note => note.target === 'external-secret' && note.level === 'warning')!;
	assert.match(store.message, /key registry\/ghcr with property username = octocat and property password = the token you gave regauth/);
	assert.ok(!JSON.stringify(result.notes).includes('ghp_Secret'));
	assert.deepEqual(
		result.commands.map(command => command.argv.join(' ')),
		['kubectl apply --namespace web -f -', 'kubectl apply --namespace jobs -f -'],
	);
});

test('the schema check can fail: a misspelt field and a wrong store kind are caught', () => {
	const doc = parse(externalSecretPlan().artifacts[0]!.text!);
	assert.ok(externalSecretSchema(doc));
	assert.ok(!externalSecretSchema({...doc, spec: {...doc.spec, secretStoreRefs: doc.spec.secretStoreRef}}));
	assert.ok(!externalSecretSchema({...doc, spec: {...doc.spec, secretStoreRef: {kind: 'Vault', name: 'x'}}}));
});

test('the template turns the store’s values into a valid .dockerconfigjson even when the token has a quote or backslash', () => {
	const doc = parse(externalSecretPlan({}, 'docker.io').artifacts[0]!.text!);
	const template: string = doc.spec.target.template.data['.dockerconfigjson'];
	// What the operator's Go template (Sprig toJson, b64enc) makes of it, for one tricky value.
	const rendered = template
		.replace('{{ .username | toJson }}', JSON.stringify('octocat'))
		.replace('{{ .password | toJson }}', JSON.stringify('p"\\w'))
		.replace('{{ printf "%s:%s" .username .password | b64enc | toJson }}', JSON.stringify(Buffer.from('octocat:p"\\w').toString('base64')));
	assert.deepEqual(JSON.parse(rendered), {
		auths: {'https://index.docker.io/v1/': {username: 'octocat', password: 'p"\\w', auth: Buffer.from('octocat:p"\\w').toString('base64')}},
	});
});

test('several registries for one ExternalSecret are refused with the fix; missing store flags name themselves', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['external-secret' as const],
		credentials: [
			{registry: 'ghcr.io', username: 'a', password: 'p', email: ''},
			{registry: 'quay.io', username: 'b', password: 'q', email: ''},
		],
	};
	const result = plan(answers, emptyEnvironment());
	assert.deepEqual(
		result.issues.map(issue => issue.flag),
		['--secret-store', '--remote-key'],
	);
	assert.match(result.artifacts[0]!.blocked!, /one registry's Secret from one remote key; 2 registries were given\. Run regauth once per registry/);
});

test('the CredentialProviderConfig for ECR, Artifact Registry and ACR passes the kubelet schema; other hosts are named', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['kubelet-credential-provider' as const],
		credentials: [
			{registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', username: 'AWS', password: 'x', email: ''},
			{registry: 'europe-docker.pkg.dev', username: 'oauth2accesstoken', password: 'y', email: ''},
			{registry: 'team.azurecr.io', username: '00000000-0000-0000-0000-000000000000', password: 'z', email: ''},
			{registry: 'quay.io', username: 'q', password: 'w', email: ''},
		],
		destdir: '/stage',
	};
	const result = plan(answers, emptyEnvironment());
	const [artifact] = result.artifacts;
	assert.equal(artifact!.path, '/stage/etc/kubernetes/image-credential-provider-config.yaml');
	const doc = parse(artifact!.text!);
	assert.ok(providerSchema(doc), JSON.stringify(providerSchema.errors));
	const names = doc.providers.map((provider: {name: string}) => provider.name);
	assert.deepEqual(names, ['ecr-credential-provider', 'auth-provider-gcp', 'acr-credential-provider']);
	assert.equal(new Set(names).size, names.length, 'the kubelet refuses duplicate provider names');
	assert.ok(result.notes.some(note => note.level === 'warning' && note.message.startsWith('quay.io is not a registry a kubelet credential provider serves')));
	assert.ok(!artifact!.text!.includes('oauth2accesstoken') && !artifact!.secret, 'no credential in it');
	// The fixture can fail.
	assert.ok(!providerSchema({...doc, providers: [{...doc.providers[0], defaultCacheDuration: undefined}]}));
	assert.ok(!providerSchema({...doc, providers: [{...doc.providers[0], matchimages: ['x']}]}));
});

test('an existing CredentialProviderConfig keeps its other providers; ours is replaced by name', () => {
	const existing =
		'# node image config\napiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders:\n  - name: corp-provider\n    matchImages: ["registry.corp"]\n    defaultCacheDuration: 5m\n    apiVersion: credentialprovider.kubelet.k8s.io/v1\n  - name: ecr-credential-provider\n    matchImages: ["old"]\n    defaultCacheDuration: 1h\n    apiVersion: credentialprovider.kubelet.k8s.io/v1\n';
	const answers = {
		...defaultAnswers(),
		targets: ['kubelet-credential-provider' as const],
		credentials: [{registry: 'public.ecr.aws', username: 'AWS', password: 'x', email: ''}],
		destdir: '/stage',
	};
	const result = plan(
		answers,
		emptyEnvironment({files: {'/stage/etc/kubernetes/image-credential-provider-config.yaml': {exists: true, text: existing, mode: 0o644}}}),
	);
	const text = result.artifacts[0]!.text!;
	assert.ok(text.startsWith('# node image config\n'));
	const doc = parse(text);
	assert.ok(providerSchema(doc), JSON.stringify(providerSchema.errors));
	assert.deepEqual(
		doc.providers.map((provider: {name: string; defaultCacheDuration: string}) => [provider.name, provider.defaultCacheDuration]),
		[
			['corp-provider', '5m'],
			['ecr-credential-provider', '12h'],
		],
	);
});
