import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parse} from 'yaml';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {shellJoin} from '../../source/formats/shell-quote.js';
import {plan} from '../../source/plan.js';

function k8s(
	extra: Partial<Answers['kubernetes']> = {},
	credentials = [{registry: 'quay.io', username: 'org+bot', password: 'Sup3r-Secret-Token', email: ''}],
) {
	const answers: Answers = {...defaultAnswers(), targets: ['kubernetes'], credentials};
	answers.kubernetes = {...answers.kubernetes, ...extra};
	return plan(answers, emptyEnvironment({cwd: '/work'}));
}

const decode = (yaml: string, key = '.dockerconfigjson') => JSON.parse(Buffer.from(parse(yaml).data[key], 'base64').toString('utf8'));

test('one Secret per namespace under the output dir, 0600, with the namespace in it', () => {
	const result = k8s({namespaces: ['web', 'jobs']});
	const secrets = result.artifacts.filter(artifact => artifact.id.startsWith('kubernetes:secret:'));
	assert.deepEqual(
		secrets.map(secret => [secret.path, secret.mode, parse(secret.text!).metadata.namespace]),
		[
			['/work/regauth/kubernetes/web/regcred.secret.yaml', 0o600, 'web'],
			['/work/regauth/kubernetes/jobs/regcred.secret.yaml', 0o600, 'jobs'],
		],
	);
});

test('without a namespace the manifest has none (kubectl uses the current one)', () => {
	const [secret] = k8s().artifacts;
	assert.equal(parse(secret!.text!).metadata.namespace, undefined);
	assert.match(secret!.path, /current-namespace/);
});

test('several registries share one Secret, keys sorted as Go sorts them', () => {
	const result = k8s({}, [
		{registry: 'quay.io', username: 'a', password: 'p1', email: ''},
		{registry: 'docker.io', username: 'b', password: 'p2', email: 'b@x.io'},
	]);
	const doc = decode(result.artifacts[0]!.text!);
	assert.deepEqual(Object.keys(doc.auths), ['https://index.docker.io/v1/', 'quay.io']);
	assert.deepEqual(doc.auths['https://index.docker.io/v1/'], {username: 'b', password: 'p2', email: 'b@x.io', auth: 'YjpwMg=='});
});

test('the legacy dockercfg form is a flat map under .dockercfg', () => {
	const result = k8s({secretType: 'dockercfg'});
	const yaml = result.artifacts[0]!.text!;
	assert.equal(parse(yaml).type, 'kubernetes.io/dockercfg');
	assert.deepEqual(Object.keys(decode(yaml, '.dockercfg')), ['quay.io']);
	assert.ok(result.notes.some(note => note.message.includes('legacy')));
});

test('the example Pod pulls with the Secret in the same namespace', () => {
	const pod = k8s({namespaces: ['web']}).artifacts.find(artifact => artifact.id === 'kubernetes:pod-example')!;
	const doc = parse(pod.text!);
	assert.equal(doc.kind, 'Pod');
	assert.equal(doc.metadata.namespace, 'web');
	assert.deepEqual(doc.spec.imagePullSecrets, [{name: 'regcred'}]);
	assert.equal(doc.spec.containers[0].image, 'quay.io/org/app:1.0');
	assert.equal(pod.secret, false);
});

test('kubectl apply gets the manifest on stdin, --context and --namespace on argv, never the secret', () => {
	const result = k8s({namespaces: ['web'], contexts: ['prod'], serviceAccount: 'default'});
	const [apply, patch] = result.commands;
	assert.deepEqual(apply!.argv, ['kubectl', '--context', 'prod', 'apply', '--namespace', 'web', '-f', '-']);
	assert.equal(apply!.input, result.artifacts[0]!.text);
	assert.deepEqual(apply!.check, ['kubectl', '--context', 'prod', 'get', 'secret', 'regcred', '--namespace', 'web', '-o', 'name']);
	assert.equal(apply!.revert, 'kubectl --context prod delete secret regcred --namespace web');
	const read = ['kubectl', '--context', 'prod', 'get', 'serviceaccount', 'default', '--namespace', 'web', '-o', 'json'];
	assert.deepEqual(patch!.argv, read, 'what runs first is the read');
	assert.ok(patch!.strategy?.kind === 'serviceaccount-append');
	assert.deepEqual(patch!.strategy.read, read);
	const patchArgv = ['kubectl', '--context', 'prod', 'patch', 'serviceaccount', 'default', '--namespace', 'web', '--type=json', '--patch'];
	assert.deepEqual(patch!.strategy.create, [...patchArgv, '[{"op":"add","path":"/imagePullSecrets","value":[{"name":"regcred"}]}]']);
	assert.deepEqual(patch!.strategy.append, [...patchArgv, '[{"op":"add","path":"/imagePullSecrets/-","value":{"name":"regcred"}}]']);
	// all three argvs are in the display, verbatim
	for (const argv of [read, patch!.strategy.create, patch!.strategy.append]) assert.ok(patch!.display.includes(shellJoin(argv)), patch!.display);
	for (const command of result.commands) {
		assert.ok(!command.argv.join(' ').includes('Sup3r-Secret-Token'));
		assert.ok(!command.display.includes('Sup3r-Secret-Token'));
		assert.ok(!command.argv.join(' ').includes(Buffer.from('org+bot:Sup3r-Secret-Token').toString('base64')));
	}
});

test('the redacted view masks the data but shows the decoded structure', () => {
	const [secret] = k8s().artifacts;
	assert.ok(!secret!.redacted.includes('Sup3r-Secret-Token'));
	assert.ok(!secret!.redacted.includes(parse(secret!.text!).data['.dockerconfigjson']));
	assert.match(secret!.caption?.join('\n') ?? '', /decoded: \{"auths":\{"quay.io":\{"username":"org\+bot","password":"••••••••","auth":"••••••••"\}\}\}/);
	assert.ok(secret!.redacted.trimEnd().endsWith('type: kubernetes.io/dockerconfigjson'), 'the redacted view is the file, masked: nothing added');
});
