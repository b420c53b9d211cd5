// The inventory lists a Kubernetes namespace as applied only once `kubectl apply` succeeded there.
// The real kubectl runs against a SIMULATED API server (test/support/fake-apiserver.ts: no real
// API server can run on the test machines); it has the namespaces web and jobs, and answers
// `namespaces "nope" not found` for nope, as a real one does.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startFakeApiServer} from '../support/fake-apiserver.js';
import {requireProgram} from '../support/programs.js';
import {cliHome, runCli} from '../support/run-cli.js';

const PASSWORD = 'kube-applied-Secret-9';

interface Place {
	kind: string;
	path?: string;
	applied?: {context: string; namespace: string};
}

async function run(namespaces: string[], extra: string[] = []) {
	requireProgram('kubectl', 'kubectl comes with the CI machine image');
	const api = await startFakeApiServer({namespaces: ['web', 'jobs']});
	const {dir, env} = cliHome(dir => ({KUBECONFIG: api.kubeconfig(dir), XDG_STATE_HOME: join(dir, 'state')}));
	const args = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '--apply', 'both', '--context', 'sim', '--no-verify', '--yes'];
	const result = await runCli([...args, ...namespaces.flatMap(namespace => ['-n', namespace]), '-o', join(dir, 'out'), ...extra], {
		env,
		cwd: dir,
		input: PASSWORD,
	});
	const inventory = JSON.parse(readFileSync(join(dir, 'state', 'regauth', 'inventory.json'), 'utf8'));
	assert.ok(!JSON.stringify(inventory).includes(PASSWORD));
	const places: Place[] = inventory.logins[0]?.places ?? [];
	const status = JSON.parse((await runCli(['status', '--json'], {env})).stdout);
	const reported: Place[] = status.logins.find((login: {registry: string}) => login.registry === 'quay.io')?.regauth?.places ?? [];
	return {result, api, applied: places.filter(place => place.applied).map(place => place.applied!.namespace), places, reported, dir};
}

test('a partial kubectl apply records only the namespaces it reached; the Secret files are still recorded', async () => {
	const {result, api, applied, places, reported, dir} = await run(['web', 'nope', 'jobs']);
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.match(result.stdout, /✗ kubectl apply the Secret in nope/);
	assert.deepEqual([...api.secrets.keys()], ['web/regcred']);
	assert.deepEqual(applied, ['web']);
	// The manifests were written (files first), so they are places, applied or not.
	const files = places.filter(place => place.kind === 'kubernetes' && !place.applied).map(place => place.path);
	assert.deepEqual(
		files.sort(),
		['jobs', 'nope', 'web'].map(namespace => join(dir, 'out', 'kubernetes', namespace, 'regcred.secret.yaml')),
	);
	assert.deepEqual(
		reported.filter(place => place.applied).map(place => place.applied!.namespace),
		['web'],
		'status shows the same',
	);
});

test('with --keep-going every namespace that succeeded is recorded, the failed one is not', async () => {
	const {result, api, applied} = await run(['web', 'nope', 'jobs'], ['--keep-going']);
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.deepEqual([...api.secrets.keys()].sort(), ['jobs/regcred', 'web/regcred']);
	assert.deepEqual(applied.sort(), ['jobs', 'web']);
});

test('an apply that failed everywhere records no namespace as applied', async () => {
	const {result, api, applied} = await run(['nope']);
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.equal(api.secrets.size, 0);
	assert.deepEqual(applied, []);
});
