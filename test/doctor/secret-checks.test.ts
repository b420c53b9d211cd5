// Kubernetes pull Secrets as the real kubectl writes them (docs/formats.md §3): the good one passes,
// the broken ones — built from a config whose passwords live in a helper, type and key that do
// not match, the docs' .dockercfg-with-auths mistake — are each reported.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {secretFileReport} from '../../source/doctor/secret-checks.js';
import {requireProgram} from '../support/programs.js';
import {tempDir} from '../support/temp.js';

function kubectl(dir: string, ...args: string[]): string {
	requireProgram('kubectl', 'kubectl comes with CI’s machine image (see .ci/run)');
	return execFileSync('kubectl', [...args, '--dry-run=client', '-o', 'yaml'], {
		encoding: 'utf8',
		env: {...process.env, KUBECONFIG: join(dir, 'no-kubeconfig')},
	});
}

function fromFile(dir: string, name: string, content: string, extra: string[]): string {
	const path = join(dir, `${name}.json`);
	writeFileSync(path, content);
	return kubectl(
		dir,
		'create',
		'secret',
		'generic',
		name,
		...extra,
		`--from-file=${extra.includes('--type=kubernetes.io/dockercfg') ? '.dockercfg' : '.dockerconfigjson'}=${path}`,
	);
}

test('a Secret from kubectl create secret docker-registry is healthy', () => {
	const dir = tempDir();
	const yaml = kubectl(
		dir,
		'create',
		'secret',
		'docker-registry',
		'regcred',
		'--docker-server=quay.io',
		'--docker-username=myorg+bot',
		'--docker-password=S3cr3t',
		'-n',
		'web',
	);
	assert.deepEqual(secretFileReport('/s.yaml', yaml), {findings: [], plainSecrets: true, logins: ['quay.io']});
});

test('built from a config that keeps passwords in a credential store: no usable credentials', () => {
	const dir = tempDir();
	const config = '{\n\t"auths": {\n\t\t"quay.io": {},\n\t\t"https://index.docker.io/v1/": {}\n\t},\n\t"credsStore": "desktop"\n}';
	const yaml = fromFile(dir, 'from-store', config, ['--type=kubernetes.io/dockerconfigjson']);
	const report = secretFileReport('/s.yaml', yaml);
	assert.equal(report.findings.length, 1);
	const [finding] = report.findings;
	assert.equal(finding!.id, 'secret-no-credentials');
	assert.equal(
		finding!.message,
		'Secret from-store: no registry in it has a password (quay.io, https://index.docker.io/v1/ are empty entries): it looks built from a docker config whose passwords live in a credential helper, and Kubernetes cannot run helpers',
	);
	assert.equal(
		finding!.fix,
		`Recreate it with the password inside: printf '%s' "$TOKEN" | regauth -r quay.io -u USER --password-stdin -t kubernetes --secret-name from-store --yes`,
	);
	assert.equal(report.plainSecrets, false);
});

test('type and key that do not match: kubelet skips the Secret', () => {
	const dir = tempDir();
	const config = JSON.stringify({auths: {'quay.io': {auth: Buffer.from('a:b').toString('base64')}}});
	const opaque = secretFileReport('/s.yaml', fromFile(dir, 'opaque', config, []));
	assert.deepEqual(
		opaque.findings.map(finding => [finding.id, finding.message]),
		[
			[
				'secret-type-mismatch',
				'Secret opaque: type Opaque with the data key .dockerconfigjson: kubelet reads .dockerconfigjson only from type kubernetes.io/dockerconfigjson and silently skips this Secret',
			],
		],
	);
	assert.match(
		opaque.findings[0]!.fix,
		/^Set type: kubernetes\.io\/dockerconfigjson \(a Secret's type cannot change in place: kubectl delete secret opaque, then apply the fixed YAML\)\.$/,
	);

	const swapped = fromFile(dir, 'swapped', config, ['--type=kubernetes.io/dockercfg']).replace('.dockercfg:', '.dockerconfigjson:');
	assert.match(secretFileReport('/s.yaml', swapped).findings[0]!.message, /type kubernetes\.io\/dockercfg with the data key \.dockerconfigjson/);
});

test('the docs\' legacy mistake: an {"auths": …} document under .dockercfg', () => {
	const dir = tempDir();
	const yaml = fromFile(dir, 'legacy', JSON.stringify({auths: {'quay.io': {auth: Buffer.from('a:b').toString('base64')}}}), ['--type=kubernetes.io/dockercfg']);
	const [finding] = secretFileReport('/s.yaml', yaml).findings;
	assert.equal(finding!.id, 'secret-malformed');
	assert.match(finding!.message, /kubelet reads \.dockercfg as a flat map and sees a registry named "auths"/);
	const flat = fromFile(dir, 'flat', JSON.stringify({'quay.io': {auth: Buffer.from('a:b').toString('base64')}}), ['--type=kubernetes.io/dockercfg']);
	assert.deepEqual(secretFileReport('/s.yaml', flat).findings, []);
});

test('stringData, Lists, several documents, bad base64 and an undecodable auth', () => {
	const good = Buffer.from(JSON.stringify({auths: {'quay.io': {auth: Buffer.from('a:b').toString('base64')}, 'ghcr.io': {}}})).toString('base64');
	const text = [
		'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: listed, namespace: ns1}\n  type: kubernetes.io/dockerconfigjson',
		`  data:\n    .dockerconfigjson: ${good}`,
		'---',
		'apiVersion: v1\nkind: Secret\nmetadata: {name: plain}\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: \'{"auths":{"r.example.com":{"auth":"AbCdEfGhIj"}}}\'',
		'---',
		'apiVersion: v1\nkind: Secret\nmetadata: {name: broken}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: "not base64!"',
		'---',
		'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}',
	].join('\n');
	const report = secretFileReport('/s.yaml', text);
	assert.deepEqual(
		report.findings.map(finding => [finding.id, finding.level, finding.message]),
		[
			[
				'secret-no-credentials',
				'warning',
				'Secret ns1/listed: the entry for ghcr.io is empty: it looks built from a docker config whose passwords live in a credential helper, and Kubernetes cannot run helpers',
			],
			['auth-undecodable', 'error', 'Secret plain: the "auth" for r.example.com is not base64 of "user:password" (illegal base64 data at input byte 8)'],
			['secret-malformed', 'error', 'Secret broken: the .dockerconfigjson value in data is not valid base64'],
		],
	);
	assert.deepEqual(report.logins, ['quay.io']);
	assert.equal(secretFileReport('/s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n').findings[0]!.id, 'unrecognised');
	assert.equal(secretFileReport('/s.yaml', 'apiVersion: v1\nkind: Secret\n  bad: [indent\n').findings[0]!.id, 'secret-malformed');
});
