// logout without --kubernetes leaves the Secrets regauth applied in the cluster, so the inventory
// keeps listing them: a later `logout --all --kubernetes` still finds and deletes them. The real
// kubectl runs against a SIMULATED API server (test/support/fake-apiserver.ts: no real API server
// can run on the test machines).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startFakeApiServer} from '../support/fake-apiserver.js';
import {requireProgram} from '../support/programs.js';
import {cliHome, runCli} from '../support/run-cli.js';

test('an applied Secret stays in the inventory until logout --kubernetes deleted it', async () => {
	requireProgram('kubectl', 'kubectl comes with the CI machine image');
	const api = await startFakeApiServer({namespaces: ['web', 'jobs']});
	const {dir, env} = cliHome(dir => ({KUBECONFIG: api.kubeconfig(dir), XDG_STATE_HOME: join(dir, 'state')}));
	const inventory = () => JSON.parse(readFileSync(join(dir, 'state', 'regauth', 'inventory.json'), 'utf8')).logins;
	const login = await runCli(
		[
			'-r',
			'quay.io',
			'-u',
			'org+bot',
			'--password-stdin',
			'-t',
			'docker,kubernetes',
			'-n',
			'web',
			'-n',
			'jobs',
			'--apply',
			'both',
			'--context',
			'sim',
			'--no-verify',
			'--yes',
		],
		{env, cwd: dir, input: 'kube-Logout-secret-1'},
	);
	assert.equal(login.code, 0, login.stdout + login.stderr);
	assert.deepEqual([...api.secrets.keys()].sort(), ['jobs/regcred', 'web/regcred']);

	// logout without --kubernetes: docker's entry goes, the Secrets stay and stay listed.
	const logout = await runCli(['logout', 'quay.io', '--yes'], {env});
	assert.equal(logout.code, 0, logout.stdout + logout.stderr);
	assert.match(logout.stdout, /\(not run; add --kubernetes\)|remove them with --kubernetes/);
	assert.equal(api.secrets.size, 2);
	const left = inventory();
	assert.equal(left.length, 1);
	assert.deepEqual(left[0].places.map((place: {kind: string; applied?: {namespace: string}}) => [place.kind, place.applied?.namespace]).sort(), [
		['kubernetes', 'jobs'],
		['kubernetes', 'web'],
	]);

	// Later, logout --all --kubernetes finds them through the inventory and deletes them.
	const all = await runCli(['logout', '--all', '--kubernetes', '--yes'], {env});
	assert.equal(all.code, 0, all.stdout + all.stderr);
	assert.equal(api.secrets.size, 0);
	assert.deepEqual(inventory(), []);
});
