// The GitHub Action's main and post entry points (dist/action/*.js, what action.yml runs) in a
// SIMULATED GitHub Actions environment: no runner exists here, so the test plays its part —
// INPUT_* variables for `with:`, GITHUB_ENV and GITHUB_STATE files, STATE_* for the post step,
// RUNNER_TEMP — as docs/ci.md §5 describes. The registry, skopeo and docker CLI are real.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {type Lab, leaks, machine, registryLab} from '../exec/lab.js';
import {runNode} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const MAIN = fileURLToPath(new URL('../../dist/action/main.js', import.meta.url));
const POST = fileURLToPath(new URL('../../dist/action/post.js', import.meta.url));
const ACTION_YML = fileURLToPath(new URL('../../action.yml', import.meta.url));

const lab: Lab = await registryLab(tempDir());

/** A runner's job: its files and the variables every step gets. */
function job(inputs: Record<string, string>) {
	const dir = tempDir();
	const m = machine(dir);
	const runnerTemp = join(dir, 'runner-temp');
	mkdirSync(runnerTemp);
	const files = {GITHUB_ENV: join(dir, 'github-env'), GITHUB_STATE: join(dir, 'github-state')};
	writeFileSync(files.GITHUB_ENV, '');
	writeFileSync(files.GITHUB_STATE, '');
	const stepEnv = {...m.env, ...files, RUNNER_TEMP: runnerTemp, GITHUB_ACTIONS: 'true'};
	const withInputs = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
	return {m, runnerTemp, files, stepEnv, mainEnv: {...stepEnv, ...withInputs}};
}

/** The runner's reading of a GITHUB_ENV / GITHUB_STATE file: name<<DELIMITER, lines, DELIMITER. */
function readFileCommands(path: string): Record<string, string> {
	const values: Record<string, string> = {};
	const lines = readFileSync(path, 'utf8').split('\n');
	for (let index = 0; index < lines.length; index++) {
		const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
		if (!match) continue;
		const end = lines.indexOf(match[2]!, index + 1);
		values[match[1]!] = lines.slice(index + 1, end).join('\n');
		index = end;
	}
	return values;
}

test('action.yml: a node20 JavaScript action running the built main and post, with the documented inputs', () => {
	const action = parse(readFileSync(ACTION_YML, 'utf8'));
	assert.deepEqual(action.runs, {using: 'node20', main: 'dist/action/main.js', post: 'dist/action/post.js'});
	assert.ok(existsSync(MAIN) && existsSync(POST), 'the build makes both entry points');
	assert.deepEqual(Object.keys(action.inputs), ['registry', 'username', 'password', 'verify', 'inherit']);
	for (const name of ['registry', 'username', 'password']) assert.equal(action.inputs[name].required, true);
	assert.equal(action.inputs.verify.default, 'true');
});

test('main logs in for the job (masked, exported through GITHUB_ENV), later steps pull, post removes everything', async () => {
	const {m, runnerTemp, files, stepEnv, mainEnv} = job({registry: lab.registry.host, username: lab.registry.username, password: lab.registry.password});
	const main = await runNode([MAIN], {env: mainEnv});
	assert.equal(main.code, 0, main.stdout + main.stderr);
	const [password, base64] = [lab.registry.password, Buffer.from(`${lab.registry.username}:${lab.registry.password}`).toString('base64')];
	assert.ok(main.stdout.startsWith(`::add-mask::${password}\n::add-mask::${base64}\n`), 'masked before anything else is printed');
	const printed = main.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'));
	assert.ok(!printed.join('\n').includes(password) && !main.stderr.includes(password));

	const exported = readFileCommands(files.GITHUB_ENV);
	const state = readFileCommands(files.GITHUB_STATE);
	assert.deepEqual(Object.keys(exported).sort(), ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE']);
	assert.match(state.dir!, new RegExp(`^${runnerTemp}/regauth-action-`));
	assert.equal(exported.DOCKER_CONFIG, state.dir);
	assert.equal(exported.REGISTRY_AUTH_FILE, join(state.dir!, 'auth.json'));

	// Later steps of the job: the runner puts GITHUB_ENV's variables into their environment.
	const later = {...stepEnv, ...exported};
	const skopeo = spawnSync('skopeo', ['inspect', '--tls-verify=false', `docker://${lab.reference}`], {env: later, encoding: 'utf8'});
	assert.equal(skopeo.status, 0, skopeo.stderr);
	assert.match(skopeo.stdout, new RegExp(`"Digest": "${lab.digest}"`));
	const docker = spawnSync('docker', ['manifest', 'inspect', '--insecure', lab.reference], {env: later, encoding: 'utf8'});
	assert.equal(docker.status, 0, docker.stderr);

	const post = await runNode([POST], {env: {...stepEnv, STATE_dir: state.dir!}});
	assert.equal(post.code, 0, post.stdout + post.stderr);
	assert.match(post.stdout, /regauth: removed .*regauth-action-/);
	assert.equal(existsSync(state.dir!), false);
	assert.deepEqual(readdirSync(runnerTemp), []);
	assert.deepEqual(leaks(m, lab.registry), []);
	assert.deepEqual(
		filesContaining(join(m.home, '..'), secretForms(lab.registry.username, lab.registry.password)),
		[],
		'GITHUB_ENV and GITHUB_STATE hold paths only',
	);
});

test('wrong password: main fails with ::error::, exports nothing, leaves nothing; post then has nothing to do', async () => {
	const {m, runnerTemp, files, stepEnv, mainEnv} = job({registry: lab.registry.host, username: lab.registry.username, password: 'wrong-password'});
	const main = await runNode([MAIN], {env: mainEnv});
	assert.equal(main.code, 1);
	assert.match(main.stdout, /^::error::regauth: .*(rejected|denied|wrong|unauthori[sz]ed)/im);
	assert.equal(readFileSync(files.GITHUB_ENV, 'utf8'), '');
	assert.equal(readFileSync(files.GITHUB_STATE, 'utf8'), '');
	assert.deepEqual(readdirSync(runnerTemp), []);
	const post = await runNode([POST], {env: stepEnv});
	assert.equal(post.code, 0);
	assert.match(post.stdout, /nothing to remove/);
	assert.deepEqual(leaks(m, {username: lab.registry.username, password: 'wrong-password'}), []);
});

test('bad inputs fail naming the input; post leaves a directory that is not the one main made', async () => {
	for (const [inputs, message] of [
		[{registry: '', username: 'u', password: 'p'}, /::error::regauth: registry is empty/],
		[{registry: lab.registry.host, username: 'u', password: ''}, /::error::regauth: password is empty/],
		[{registry: lab.registry.host, username: 'u', password: 'p', verify: 'maybe'}, /::error::regauth: verify: "maybe" is not one of true, false, strict/],
	] as const) {
		const {mainEnv} = job(inputs);
		const main = await runNode([MAIN], {env: mainEnv});
		assert.equal(main.code, 1);
		assert.match(main.stdout, message);
	}
	const {stepEnv} = job({});
	const someone = tempDir();
	const post = await runNode([POST], {env: {...stepEnv, STATE_dir: someone}});
	assert.equal(post.code, 0);
	assert.match(post.stdout, /::warning::.*does not look like the directory main created/);
	assert.ok(existsSync(someone));
});
