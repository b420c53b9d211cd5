// regauth runs the real kubectl against a SIMULATED API server (test/support/fake-apiserver.ts):
// no real Kubernetes API server can run on the test machines.

import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startFakeApiServer} from '../support/fake-apiserver.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('kubectl', 'kubectl comes with the CI machine image');
const PASSWORD = 'kube-secret-value-42';

function setup(kubeconfig?: string) {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, env: cleanEnv(home, kubeconfig ? {KUBECONFIG: kubeconfig} : {KUBECONFIG: join(dir, 'none')})};
}

const base = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '--apply', 'commands', '--yes'];

test('kubectl apply creates the Secret in every namespace and the ServiceAccount list is appended to, not replaced', async () => {
	const api = await startFakeApiServer({
		namespaces: ['web', 'jobs', 'batch'],
		serviceAccounts: {'web/default': [{name: 'existing-secret'}], 'jobs/default': undefined, 'batch/default': [{name: 'regcred'}]},
	});
	const dir = tempDir();
	const {env} = setup(api.kubeconfig(dir));
	const result = await runCli([...base, '-n', 'web', '-n', 'jobs', '-n', 'batch', '--service-account', 'default', '--context', 'sim'], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	for (const namespace of ['web', 'jobs', 'batch']) {
		const secret = api.secrets.get(`${namespace}/regcred`) as {type: string; data: Record<string, string>};
		assert.equal(secret.type, 'kubernetes.io/dockerconfigjson');
		const config = JSON.parse(Buffer.from(secret.data['.dockerconfigjson']!, 'base64').toString());
		assert.equal(config.auths['quay.io'].password, PASSWORD);
	}
	assert.deepEqual(api.serviceAccounts.get('web/default')!.imagePullSecrets, [{name: 'existing-secret'}, {name: 'regcred'}], 'appended, the existing one kept');
	assert.deepEqual(api.serviceAccounts.get('jobs/default')!.imagePullSecrets, [{name: 'regcred'}], 'field created');
	assert.deepEqual(api.serviceAccounts.get('batch/default')!.imagePullSecrets, [{name: 'regcred'}], 'already there: not duplicated');
	const patches = api.requests.filter(request => request.method === 'PATCH');
	assert.equal(patches.length, 2);
	assert.ok(patches.every(request => request.contentType === 'application/json-patch+json'));
	assert.deepEqual(JSON.parse(patches[0]!.body), [{op: 'add', path: '/imagePullSecrets/-', value: {name: 'regcred'}}]);
	assert.deepEqual(JSON.parse(patches[1]!.body), [{op: 'add', path: '/imagePullSecrets', value: [{name: 'regcred'}]}]);
	assert.match(result.stdout, /✓ kubectl apply the Secret in web — secret\/regcred/);
	assert.match(result.stdout, /= Add regcred to the imagePullSecrets of ServiceAccount default in batch — already lists regcred/);
	assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD));
});

test('a missing namespace stops the run with its own message; the rest is reported as not attempted', async () => {
	const api = await startFakeApiServer({namespaces: ['web']});
	const dir = tempDir();
	const {env} = setup(api.kubeconfig(dir));
	const result = await runCli([...base, '-n', 'nope', '-n', 'web'], {env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 1);
	assert.match(
		result.stdout,
		/✗ kubectl apply the Secret in nope — the namespace "nope" does not exist in this cluster\. Create it first \(kubectl create namespace nope\)/,
	);
	assert.match(result.stdout, /· kubectl apply the Secret in web — not attempted after an earlier failure/);
	assert.equal(api.secrets.size, 0);
});

test('RBAC refusal, an unreachable cluster and a missing context each get their own advice', async () => {
	const forbidden = await startFakeApiServer({namespaces: ['web'], forbidUser: 'dev'});
	let dir = tempDir();
	let result = await runCli([...base, '-n', 'web'], {env: setup(forbidden.kubeconfig(dir)).env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /user "dev" may not create secrets \(RBAC\)\. Ask a cluster admin/);

	const gone = await startFakeApiServer();
	dir = tempDir();
	const kubeconfig = gone.kubeconfig(dir);
	await gone.close();
	result = await runCli([...base, '-n', 'web'], {env: setup(kubeconfig).env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /the Kubernetes API server could not be reached\. Check the cluster is up/);

	const api = await startFakeApiServer({namespaces: ['web']});
	dir = tempDir();
	result = await runCli([...base, '-n', 'web', '--context', 'staging'], {env: setup(api.kubeconfig(dir)).env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 1);
	assert.match(result.stdout, /kubectl has no context "staging"\. Pick one from `kubectl config get-contexts`/);
});

test('with --apply both the manifests are written and applied; undo lists how to revert the cluster change', async () => {
	const api = await startFakeApiServer({namespaces: ['web']});
	const dir = tempDir();
	const {env} = setup(api.kubeconfig(dir));
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '-n', 'web', '--apply', 'both', '--yes'], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.match(result.stdout, /✓ Secret regcred in web .*regcred\.secret\.yaml — created/);
	assert.equal(api.secrets.size, 1);
	const undo = await runCli(['undo'], {env, cwd: dir});
	assert.match(undo.stdout, /kubectl delete secret regcred --namespace web/);
});

test('running the same apply again (files unchanged, commands run) keeps undo able to remove the first run’s files', async () => {
	const api = await startFakeApiServer({namespaces: ['web']});
	const dir = tempDir();
	const {env} = setup(api.kubeconfig(dir));
	const args = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '-n', 'web', '--apply', 'both', '--no-verify', '--yes'];
	assert.equal((await runCli(args, {env, cwd: dir, input: PASSWORD})).code, 0);
	const again = await runCli(args, {env, cwd: dir, input: PASSWORD});
	assert.equal(again.code, 0, again.stdout + again.stderr);
	assert.match(again.stdout, /= Secret regcred in web .* already as planned/);
	const undo = await runCli(['undo'], {env, cwd: dir});
	assert.equal(undo.code, 0, undo.stdout);
	assert.match(undo.stdout, /regcred\.secret\.yaml — regauth had created it/);
	assert.equal((undo.stdout.match(/kubectl delete secret regcred --namespace web/g) ?? []).length, 1, 'each revert listed once');
});
