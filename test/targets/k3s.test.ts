// The k3s/RKE2 target: configs.<host>.auth merged into registries.yaml under --destdir, the
// team's mirrors, tls blocks, other hosts and comments kept.
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const EXISTING = `# mirrors for the whole fleet — keep
mirrors:
  docker.io:
    endpoint:
      - "https://mirror.internal:5000"
configs:
  "mirror.internal:5000":
    tls:
      ca_file: /etc/ssl/mirror/ca.crt
    auth:
      username: mirror
      password: mirror-secret
`;

test('an existing registries.yaml keeps its mirror, tls and other host; the new host’s auth is added; the file is 0600', async () => {
	const root = tempDir();
	const dir = tempDir();
	mkdirSync(join(root, 'etc/rancher/k3s'), {recursive: true});
	mkdirSync(join(dir, 'home'));
	writeFileSync(join(root, 'etc/rancher/k3s/registries.yaml'), EXISTING, {mode: 0o644});
	const result = await runCli(['-r', 'docker.io', '-u', 'hubuser', '--password-stdin', '-t', 'k3s', '--destdir', root, '--no-verify', '--yes'], {
		env: cleanEnv(join(dir, 'home')),
		cwd: dir,
		input: 'dckr_pat_123',
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	const path = join(root, 'etc/rancher/k3s/registries.yaml');
	const text = readFileSync(path, 'utf8');
	assert.ok(text.startsWith('# mirrors for the whole fleet — keep\n'), 'the comment kept');
	const doc = parse(text);
	assert.deepEqual(doc.mirrors, {'docker.io': {endpoint: ['https://mirror.internal:5000']}});
	assert.deepEqual(doc.configs['mirror.internal:5000'], {tls: {ca_file: '/etc/ssl/mirror/ca.crt'}, auth: {username: 'mirror', password: 'mirror-secret'}});
	assert.deepEqual(doc.configs['registry-1.docker.io'], {auth: {username: 'hubuser', password: 'dckr_pat_123'}}, 'Docker Hub under the host k3s contacts');
	assert.equal(statSync(path).mode & 0o777, 0o600);
	assert.match(result.stderr, /reads \/etc\/rancher\/k3s\/registries\.yaml only at start-up, on every node/);
});

test('RKE2’s path; the review masks every password in the file, not only the new one', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['k3s' as const],
		credentials: [{registry: 'quay.io', username: 'u', password: 'NewSecret', email: ''}],
		destdir: '/stage',
	};
	answers.k3s = {distribution: 'rke2'};
	const result = plan(answers, emptyEnvironment({files: {'/stage/etc/rancher/rke2/registries.yaml': {exists: true, text: EXISTING, mode: 0o600}}}));
	const [artifact] = result.artifacts;
	assert.equal(artifact!.path, '/stage/etc/rancher/rke2/registries.yaml');
	assert.ok(!artifact!.redacted.includes('NewSecret') && !artifact!.redacted.includes('mirror-secret'));
	assert.match(artifact!.redacted, /password: ••••••••/);
});

test('a registries.yaml that is not valid YAML is refused untouched', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['k3s' as const],
		credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}],
		destdir: '/stage',
	};
	const result = plan(answers, emptyEnvironment({files: {'/stage/etc/rancher/k3s/registries.yaml': {exists: true, text: 'configs: [\n', mode: 0o600}}}));
	assert.match(
		result.artifacts[0]!.blocked!,
		/^\/stage\/etc\/rancher\/k3s\/registries\.yaml is not valid YAML at line 2, column 1: [^\n]*[^:]\. regauth will not touch it/,
	);
});
