// The ServiceAccount patch shown in --dry-run (and the review, which shows the same `display`) is
// exactly what runs, for all four shapes a ServiceAccount comes in. The real kubectl talks to a
// SIMULATED API server (test/support/fake-apiserver.ts): no real Kubernetes API server can run on
// the test machines. Its JSON patch refuses `add` below a missing member, as the real one does
// ("doc is missing path").

import assert from 'node:assert/strict';
import {execFile, execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {shellJoin} from '../../source/formats/shell-quote.js';
import {startFakeApiServer} from '../support/fake-apiserver.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

requireProgram('kubectl', 'kubectl comes with the CI machine image');
// Asynchronous: the simulated API server answers from this very process.
async function sh(command: string, kubeconfig: string): Promise<{status: number; stderr: string}> {
	try {
		await promisify(execFile)('sh', ['-c', command], {env: {...process.env, KUBECONFIG: kubeconfig}, timeout: 60_000});
		return {status: 0, stderr: ''};
	} catch (error) {
		const failure = error as {code?: number; stderr?: string};
		return {status: typeof failure.code === 'number' ? failure.code : 1, stderr: String(failure.stderr ?? '')};
	}
}

const KUBECTL = execFileSync('sh', ['-c', 'command -v kubectl'], {encoding: 'utf8'}).trim();

const SHAPES: Array<{name: string; before: Array<{name: string}> | undefined; after: Array<{name: string}>; patched: boolean}> = [
	{name: 'no imagePullSecrets', before: undefined, after: [{name: 'regcred'}], patched: true},
	{name: 'an empty list', before: [], after: [{name: 'regcred'}], patched: true},
	{name: 'other entries', before: [{name: 'other'}], after: [{name: 'other'}, {name: 'regcred'}], patched: true},
	{name: 'regcred already listed', before: [{name: 'x'}, {name: 'regcred'}], after: [{name: 'x'}, {name: 'regcred'}], patched: false},
];

/** The real kubectl behind a wrapper that records each argv it is given. */
function recordingKubectl(dir: string): {bin: string; calls: () => string[][]} {
	const bin = join(dir, 'bin');
	const log = join(dir, 'kubectl-calls.jsonl');
	mkdirSync(bin);
	writeFileSync(
		join(bin, 'kubectl'),
		`#!${process.execPath}
const {appendFileSync} = require('node:fs');
const {spawnSync} = require('node:child_process');
appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');
process.exitCode = spawnSync(${JSON.stringify(KUBECTL)}, process.argv.slice(2), {stdio: 'inherit'}).status ?? 1;
`,
	);
	chmodSync(join(bin, 'kubectl'), 0o755);
	const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []).map(line => JSON.parse(line) as string[]);
	return {bin, calls};
}

const ARGS = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'kubernetes', '-n', 'web', '--service-account', 'default', '--context', 'sim'];

for (const shape of SHAPES) {
	test(`ServiceAccount with ${shape.name}: the patch that runs is one --dry-run showed, and it works`, async () => {
		const api = await startFakeApiServer({namespaces: ['web'], serviceAccounts: {'web/default': shape.before}});
		const dir = tempDir();
		const kubectl = recordingKubectl(dir);
		const env = cleanEnv(join(dir), {KUBECONFIG: api.kubeconfig(dir), PATH: `${kubectl.bin}:${process.env.PATH}`});

		const dry = await runCli([...ARGS, '--dry-run'], {env, cwd: dir, input: 'kube-pw-1'});
		assert.equal(dry.code, 0, dry.stdout + dry.stderr);
		const shown = dry.stdout.split('\n').find(line => line.includes('serviceaccount default'));
		assert.ok(shown, dry.stdout);
		assert.equal(kubectl.calls().length, 0, '--dry-run runs nothing');

		const run = await runCli([...ARGS, '--apply', 'commands', '--yes'], {env, cwd: dir, input: 'kube-pw-1'});
		assert.equal(run.code, 0, run.stdout + run.stderr);
		assert.deepEqual(api.serviceAccounts.get('web/default')!.imagePullSecrets, shape.after);

		// Every kubectl call about the ServiceAccount, quoted as a shell would, is in the line shown.
		const ranForSa = kubectl.calls().filter(argv => argv.includes('serviceaccount'));
		const patches = ranForSa.filter(argv => argv.includes('patch'));
		assert.equal(patches.length, shape.patched ? 1 : 0);
		for (const argv of ranForSa) assert.ok(shown.includes(shellJoin(['kubectl', ...argv])), `ran ${shellJoin(argv)}\nshown: ${shown}`);
	});
}

test('each patch --dry-run shows, copied into a shell, does what regauth does on the shape it names', async () => {
	const dir = tempDir();
	const shownApi = await startFakeApiServer({namespaces: ['web']});
	const dry = await runCli([...ARGS, '--dry-run'], {env: cleanEnv(dir, {KUBECONFIG: shownApi.kubeconfig(dir)}), cwd: dir, input: 'kube-pw-1'});
	const shown = dry.stdout.split('\n').find(line => line.includes('serviceaccount default'))!;
	// The display: `$ <read>  # then, if it has no imagePullSecrets list: <create>  # if the list lacks regcred: <append>  # …`
	const [, create, append] = shown.split(/ {2}# [^:]+: /);
	assert.ok(create?.startsWith('kubectl ') && append?.startsWith('kubectl '), shown);
	for (const [command, before, after] of [
		[create!, undefined, [{name: 'regcred'}]],
		[append!, [], [{name: 'regcred'}]],
		[append!, [{name: 'other'}], [{name: 'other'}, {name: 'regcred'}]],
	] as const) {
		const api = await startFakeApiServer({namespaces: ['web'], serviceAccounts: {'web/default': before as Array<{name: string}> | undefined}});
		const sub = tempDir();
		const result = await sh(command, api.kubeconfig(sub));
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(api.serviceAccounts.get('web/default')!.imagePullSecrets, after);
	}
	// And the reason there are two: appending to a ServiceAccount without the list fails.
	const fresh = await startFakeApiServer({namespaces: ['web'], serviceAccounts: {'web/default': undefined}});
	const refused = await sh(append!, fresh.kubeconfig(tempDir()));
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /missing path/);
});
