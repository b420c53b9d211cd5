// Kubernetes at scale with the real kubectl against SIMULATED API servers
// (test/support/fake-apiserver.ts): no real API server can run on the test machines. Several
// clusters (contexts), namespaces listed by kubectl, and update in place of an existing Secret.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {defaultAnswers} from '../../source/answers.js';
import {apply} from '../../source/apply/apply.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {type FakeApiServer, startFakeApiServer} from '../support/fake-apiserver.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('kubectl', 'kubectl comes with the CI machine image');
const PASSWORD = 'quay-robot-token-77';
const GHCR = {username: 'octocat', password: 'ghp_other-registry-secret', auth: Buffer.from('octocat:ghp_other-registry-secret').toString('base64')};

/** A kubeconfig with one context per simulated cluster, named as given. */
function kubeconfig(dir: string, clusters: Record<string, FakeApiServer>): string {
	const names = Object.keys(clusters);
	const path = join(dir, 'kubeconfig');
	writeFileSync(
		path,
		[
			'apiVersion: v1',
			'kind: Config',
			'clusters:',
			...names.flatMap(name => [`- name: ${name}`, '  cluster:', `    server: ${clusters[name]!.url}`]),
			'users:',
			'- name: tester',
			'  user:',
			'    token: not-a-real-token',
			'contexts:',
			...names.flatMap(name => [`- name: ${name}`, '  context:', `    cluster: ${name}`, '    user: tester']),
			`current-context: ${names[0]}`,
			'',
		].join('\n'),
	);
	return path;
}

function setup(config: string) {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, env: cleanEnv(home, {KUBECONFIG: config})};
}

const pullSecret = (auths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	apiVersion: 'v1',
	kind: 'Secret',
	type: 'kubernetes.io/dockerconfigjson',
	metadata: {labels: {team: 'platform'}, annotations: {'owner.example.com/contact': 'ops'}},
	data: {'.dockerconfigjson': Buffer.from(JSON.stringify({auths})).toString('base64')},
	...extra,
});

const decode = (secret: Record<string, unknown>) =>
	JSON.parse(Buffer.from((secret.data as Record<string, string>)['.dockerconfigjson']!, 'base64').toString('utf8')) as {
		auths: Record<string, Record<string, string>>;
	};

const writes = (api: FakeApiServer) => api.requests.filter(request => request.method !== 'GET');

test('--all-namespaces in two clusters: every listed namespace gets the Secret; an existing one is merged in place, keeping its other registry', async () => {
	const a = await startFakeApiServer({namespaces: ['web', 'jobs'], secrets: {'web/regcred': pullSecret({'ghcr.io': GHCR})}});
	const b = await startFakeApiServer({namespaces: ['web', 'batch']});
	const {dir, env} = setup(kubeconfig(tempDir(), {east: a, west: b}));
	const args = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '--all-namespaces', '--context', 'east', '--context', 'west'];

	const dry = await runCli([...args, '--apply', 'commands', '--dry-run', '--no-verify'], {env, cwd: dir, input: PASSWORD});
	assert.equal(dry.code, 0, dry.stdout + dry.stderr);
	// The review names every cluster and namespace it touches, and what happens in each.
	assert.match(
		dry.stdout,
		/Secret regcred goes to 4 places: east\/web \(merge: adds quay\.io, keeps ghcr\.io\); east\/jobs \(new\); west\/web \(new\); west\/batch \(new\)/,
	);
	assert.match(dry.stdout, /\$ kubectl --context east replace --namespace web -f - < .*kubernetes\/east\/web\/regcred\.secret\.yaml/);
	assert.match(dry.stdout, /\$ kubectl --context west apply --namespace batch -f - < .*kubernetes\/west\/batch\/regcred\.secret\.yaml/);
	assert.ok(!dry.stdout.includes(GHCR.password) && !dry.stdout.includes(PASSWORD), 'no secret in the review');
	assert.deepEqual([...writes(a), ...writes(b)], [], '--dry-run changes nothing');

	const run = await runCli([...args, '--apply', 'commands', '--no-verify', '--yes'], {env, cwd: dir, input: PASSWORD});
	assert.equal(run.code, 0, run.stdout + run.stderr);
	const merged = a.secrets.get('web/regcred')!;
	assert.deepEqual(Object.keys(decode(merged).auths), ['ghcr.io', 'quay.io'], 'the other registry kept, ours added');
	assert.deepEqual(decode(merged).auths['ghcr.io'], GHCR, 'its entry byte for byte');
	assert.equal(decode(merged).auths['quay.io']!.password, PASSWORD);
	assert.deepEqual((merged.metadata as {labels: unknown}).labels, {team: 'platform'}, 'labels kept');
	assert.deepEqual((merged.metadata as {annotations: unknown}).annotations, {'owner.example.com/contact': 'ops'});
	const put = writes(a).find(request => request.method === 'PUT')!;
	assert.equal(put.path, '/api/v1/namespaces/web/secrets/regcred', 'update in place is a replace (PUT) of the read version');
	assert.equal(JSON.parse(put.body).metadata.resourceVersion, '10', 'sent with the resourceVersion it read');
	for (const [api, key] of [
		[a, 'jobs/regcred'],
		[b, 'web/regcred'],
		[b, 'batch/regcred'],
	] as const) {
		assert.deepEqual(Object.keys(decode(api.secrets.get(key)!).auths), ['quay.io'], key);
	}
	assert.match(run.stdout, /✓ kubectl replace the Secret in web \(context east\): adds quay\.io, keeps ghcr\.io/);
	assert.match(run.stdout, /✓ kubectl apply the Secret in batch \(context west\)/);
	assert.ok(!run.stdout.includes(GHCR.password) && !run.stderr.includes(GHCR.password));

	// The revert regauth prints (and undo repeats) takes this run's entry out again, through jq on a pipe.
	const undo = await runCli(['undo'], {env, cwd: dir});
	const revert = undo.stdout
		.split('\n')
		.find(line => line.includes('jq'))!
		.trim();
	assert.match(revert, /^kubectl --context east get secret regcred --namespace web -o json \| jq .* \| kubectl --context east replace -f -$/);
	requireProgram('jq', 'apt-get install jq (see .ci/run)');
	// Asynchronously: the simulated API servers answer from this process's event loop.
	await promisify(execFile)('sh', ['-c', revert], {env});
	assert.deepEqual(decode(a.secrets.get('web/regcred')!).auths, {'ghcr.io': GHCR}, 'back to the other registry alone');
	await runCli([...args, '--apply', 'commands', '--no-verify', '--yes'], {env, cwd: dir, input: PASSWORD});

	// Again: every Secret already holds the entry, so nothing is applied anywhere.
	const again = await runCli([...args, '--apply', 'commands', '--no-verify', '--yes'], {env, cwd: dir, input: PASSWORD});
	assert.equal(again.code, 0, again.stdout + again.stderr);
	assert.match(again.stderr, /Secret regcred in east\/web already holds this entry \(and keeps ghcr\.io\): nothing to apply there/);
	assert.equal(writes(a).length + writes(b).length, 6, 'no request beyond the first run’s four, the revert and the re-merge');
});

test('--namespace-selector LABEL=VALUE uses the namespaces kubectl lists with that label; a namespace-scoped user is read namespace by namespace', async () => {
	const api = await startFakeApiServer({
		namespaces: ['web', 'jobs', 'admin'],
		namespaceLabels: {web: {team: 'apps'}, jobs: {team: 'apps'}, admin: {team: 'ops'}},
		secrets: {'jobs/regcred': pullSecret({'https://quay.io': {username: 'old', password: 'stale', auth: 'b2xkOnN0YWxl'}, 'ghcr.io': GHCR})},
		forbidClusterList: true,
	});
	const {dir, env} = setup(api.kubeconfig(tempDir()));
	const result = await runCli(
		[
			'-r',
			'quay.io',
			'-u',
			'org+bot',
			'--password-stdin',
			'-t',
			'kubernetes',
			'--namespace-selector',
			'team=apps',
			'--apply',
			'commands',
			'--no-verify',
			'--yes',
		],
		{
			env,
			cwd: dir,
			input: PASSWORD,
		},
	);
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.ok(
		api.requests.some(request => request.path === '/api/v1/namespaces' && request.query.includes('labelSelector=team%3Dapps')),
		'kubectl listed by label',
	);
	assert.deepEqual([...api.secrets.keys()].sort(), ['jobs/regcred', 'web/regcred'], 'admin (team=ops) untouched');
	const jobs = decode(api.secrets.get('jobs/regcred')!).auths;
	assert.deepEqual(Object.keys(jobs), ['ghcr.io', 'quay.io'], 'the stale https://quay.io alias replaced by the current key, ghcr.io kept');
	assert.match(result.stdout, /kubectl replace the Secret in jobs: adds quay\.io, replaces https:\/\/quay\.io, keeps ghcr\.io/);
});

test('a Secret changed in the cluster after regauth read it is not overwritten (409 Conflict), and the reason says to run again', async () => {
	const api = await startFakeApiServer({namespaces: ['web'], secrets: {'web/regcred': pullSecret({'ghcr.io': GHCR})}});
	const dir = tempDir();
	const config = api.kubeconfig(dir);
	const answers = {
		...defaultAnswers(),
		targets: ['kubernetes' as const],
		credentials: [{registry: 'quay.io', username: 'org+bot', password: PASSWORD, email: ''}],
		outputDir: join(dir, 'out'),
	};
	answers.kubernetes = {...answers.kubernetes, namespaces: ['web']};
	// What kubectl showed when the plan was made; someone has changed the Secret since (version 10 → 11).
	const seen = structuredClone(api.secrets.get('web/regcred')!);
	const current = api.secrets.get('web/regcred')!;
	api.secrets.set('web/regcred', {...current, metadata: {...(current.metadata as object), resourceVersion: '11'}});
	const planned = plan(answers, emptyEnvironment({cwd: dir, clusters: {'': {secrets: {web: seen}}}}));
	assert.equal(planned.commands[0]!.argv.join(' '), 'kubectl replace --namespace web -f -');
	const result = await apply(planned, {mode: 'commands', stateDir: join(dir, 'state'), secrets: [PASSWORD], env: {...process.env, KUBECONFIG: config}});
	assert.equal(result.ok, false);
	assert.match(result.items[0]!.detail!, /regcred \(secrets\) changed in the cluster after regauth read it; nothing was overwritten\. Run regauth again/);
	assert.deepEqual(Object.keys(decode(api.secrets.get('web/regcred')!).auths), ['ghcr.io'], 'the cluster’s Secret untouched');
});

test('an existing Secret of another type is refused with the fix, and nothing is applied', async () => {
	const api = await startFakeApiServer({
		namespaces: ['web'],
		secrets: {'web/regcred': {apiVersion: 'v1', kind: 'Secret', type: 'Opaque', data: {token: 'eA=='}}},
	});
	const {dir, env} = setup(api.kubeconfig(tempDir()));
	const result = await runCli(
		['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '-n', 'web', '--apply', 'commands', '--no-verify', '--yes'],
		{
			env,
			cwd: dir,
			input: PASSWORD,
		},
	);
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.match(
		result.stderr,
		/Secret regcred already exists with type Opaque, not kubernetes\.io\/dockerconfigjson; regauth will not change it\. Choose another --secret-name/,
	);
	assert.equal(writes(api).length, 0);
});

test('--apply files (the default) lists the namespaces but reads no Secret: the manifests hold only this run’s registries', async () => {
	const api = await startFakeApiServer({namespaces: ['web', 'jobs'], secrets: {'web/regcred': pullSecret({'ghcr.io': GHCR})}});
	const {dir, env} = setup(api.kubeconfig(tempDir()));
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '--all-namespaces', '--no-verify', '--yes'], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.deepEqual(
		api.requests.filter(request => request.path.includes('secrets')),
		[],
		'no Secret read',
	);
	assert.match(result.stderr, /Secret regcred goes to 2 places: web \(new or replaced\); jobs \(new or replaced\)/);
	assert.ok(
		!readFileSync(join(dir, 'regauth/kubernetes/web/regcred.secret.yaml'), 'utf8').includes(Buffer.from(GHCR.password).toString('base64').slice(0, 12)),
	);
});

test('--all-namespaces with a cluster kubectl cannot reach: the review says so and the run is refused', async () => {
	const gone = await startFakeApiServer();
	const {dir, env} = setup(gone.kubeconfig(tempDir()));
	await gone.close();
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '--all-namespaces', '--dry-run', '--no-verify'], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.match(result.stdout, /could not list the namespaces for --all-namespaces: the Kubernetes API server could not be reached/);
});
