import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parse as parseToml} from 'smol-toml';
import {parse} from 'yaml';
import {credentialProviderConfig} from '../../../source/formats/nodes/credential-provider.js';
import {externalSecret} from '../../../source/formats/nodes/external-secret.js';
import {mergeK3sRegistries} from '../../../source/formats/nodes/k3s-registries.js';
import {registriesConfDropIn} from '../../../source/formats/nodes/registries-conf.js';

const TEAM_FILE = `# managed by the platform team
mirrors:
  docker.io:
    endpoint:
      - "https://mirror.team.example:5000"
    rewrite:
      "^rancher/(.*)": "mirror/rancher/$1"
configs:
  "mirror.team.example:5000":
    tls:
      ca_file: /etc/ssl/team-ca.pem   # the team CA
    auth:
      username: old
      password: old-secret
  other.example:
    auth:
      username: keep
      password: keep-secret
`;

test('k3s registries.yaml: this host’s auth replaced; mirrors, rewrites, tls, other hosts and comments kept', () => {
	const merged = mergeK3sRegistries(TEAM_FILE, [{host: 'mirror.team.example:5000', username: 'robot', password: 'new"secret'}]);
	assert.ok(merged.ok);
	assert.match(merged.text, /^# managed by the platform team\n/);
	assert.match(merged.text, /ca_file: \/etc\/ssl\/team-ca.pem # the team CA/);
	const parsed = parse(merged.text);
	assert.deepEqual(parsed.mirrors, parse(TEAM_FILE).mirrors);
	assert.deepEqual(parsed.configs['mirror.team.example:5000'], {tls: {ca_file: '/etc/ssl/team-ca.pem'}, auth: {username: 'robot', password: 'new"secret'}});
	assert.deepEqual(parsed.configs['other.example'], {auth: {username: 'keep', password: 'keep-secret'}});
	assert.doesNotMatch(merged.text, /old-secret/);
});

test('k3s: a new file, Docker Hub under registry-1.docker.io; malformed files are refused', () => {
	const fresh = mergeK3sRegistries(undefined, [{host: 'docker.io', username: 'u', password: 'p'}]);
	assert.ok(fresh.ok);
	assert.deepEqual(parse(fresh.text), {configs: {'registry-1.docker.io': {auth: {username: 'u', password: 'p'}}}});
	const broken = mergeK3sRegistries('configs:\n  a: [\n', [{host: 'r', username: 'u', password: 'p'}]);
	assert.ok(!broken.ok);
	assert.match(broken.message, /not valid YAML at line \d+, column \d+/);
	assert.ok(!mergeK3sRegistries('- a\n- b\n', []).ok);
	assert.ok(!mergeK3sRegistries('configs: 3\n', []).ok);
});

test('registries.conf.d drop-in: one [[registry]] with its mirrors', () => {
	const parsed = JSON.parse(JSON.stringify(parseToml(registriesConfDropIn({prefix: 'quay.io/team', mirrors: ['mirror.internal:5000/quay'], insecure: true}))));
	assert.deepEqual(parsed, {registry: [{prefix: 'quay.io/team', location: 'quay.io/team', mirror: [{location: 'mirror.internal:5000/quay', insecure: true}]}]});
});

test('ExternalSecret: external-secrets.io/v1, a dockerconfigjson template that stays JSON for any token', () => {
	const manifest = parse(
		externalSecret({
			name: 'regcred',
			namespace: 'web',
			registryKey: 'https://index.docker.io/v1/',
			storeName: 'vault',
			storeKind: 'ClusterSecretStore',
			remoteKey: 'registry/hub',
			usernameProperty: 'username',
			passwordProperty: 'token',
			refreshInterval: '1h',
		}),
	);
	assert.equal(manifest.apiVersion, 'external-secrets.io/v1');
	assert.equal(manifest.spec.target.template.type, 'kubernetes.io/dockerconfigjson');
	const template: string = manifest.spec.target.template.data['.dockerconfigjson'];
	// What the operator renders, for a token with a quote and a backslash (toJson quotes it).
	const rendered = template
		.replace('{{ .username | toJson }}', JSON.stringify('me'))
		.replace('{{ .password | toJson }}', JSON.stringify('to"k\\en'))
		.replace('{{ printf "%s:%s" .username .password | b64enc | toJson }}', JSON.stringify(Buffer.from('me:to"k\\en').toString('base64')));
	assert.deepEqual(JSON.parse(rendered), {auths: {'https://index.docker.io/v1/': {username: 'me', password: 'to"k\\en', auth: 'bWU6dG8ia1xlbg=='}}});
	assert.deepEqual(
		manifest.spec.data.map((entry: {remoteRef: {property: string}}) => entry.remoteRef.property),
		['username', 'token'],
	);
});

test('CredentialProviderConfig: one provider per cloud, each with its plugin’s usual settings', () => {
	const config = parse(credentialProviderConfig(['ecr', 'gar', 'ecr']));
	assert.equal(config.apiVersion, 'kubelet.config.k8s.io/v1');
	assert.deepEqual(
		config.providers.map((provider: {name: string}) => provider.name),
		['ecr-credential-provider', 'auth-provider-gcp'],
	);
	assert.ok(config.providers[0].matchImages.includes('*.dkr.ecr.*.amazonaws.com.cn'));
	for (const provider of config.providers) assert.equal(provider.apiVersion, 'credentialprovider.kubelet.k8s.io/v1');
});
