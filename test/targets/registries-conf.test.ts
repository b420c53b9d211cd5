// The registries-conf target, end to end: the real skopeo 1.9.3 (containers/image, as podman and
// CRI-O use it) pulls an image named after a registry that does not exist through the mirror
// regauth's drop-in configures: a real registry (docker-registry, htpasswd auth), with the
// mirror's login from the auth.json regauth writes. Configuration is HOME-scoped:
// ~/.config/containers/registries.conf and registries.conf.d.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'smol-toml';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

test('skopeo pulls upstream.invalid/demo/hello through the mirror the drop-in names, with the mirror’s login from auth.json', async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const dir = tempDir();
	const mirror = await startRegistry(join(dir, 'registry'));
	const image = buildOciImage(join(dir, 'oci'));
	pushImage(image, mirror, 'demo/hello');

	const home = join(dir, 'home');
	const runtime = join(dir, 'run');
	mkdirSync(join(home, '.config', 'containers'), {recursive: true});
	mkdirSync(runtime, {mode: 0o700});
	// The user's own main file, so only the user's registries.conf.d is read (not this machine's /etc).
	writeFileSync(join(home, '.config', 'containers', 'registries.conf'), 'unqualified-search-registries = []\n');
	const env = cleanEnv(home, {XDG_RUNTIME_DIR: runtime});
	const run = await runCli(
		[
			'-r',
			mirror.host,
			'-u',
			mirror.username,
			'--password-stdin',
			'-t',
			'registries-conf',
			'--mirror-of',
			'upstream.invalid',
			'--mirror-insecure',
			'--no-verify',
			'--yes',
		],
		{input: mirror.password, env, cwd: dir},
	);
	assert.equal(run.code, 0, run.stdout + run.stderr);
	const dropIn = join(home, '.config', 'containers', 'registries.conf.d', '50-regauth-upstream.invalid.conf');
	assert.deepEqual(JSON.parse(JSON.stringify(parse(readFileSync(dropIn, 'utf8')))), {
		registry: [{prefix: 'upstream.invalid', location: 'upstream.invalid', mirror: [{location: mirror.host, insecure: true}]}],
	});
	const authFile = join(home, '.config', 'containers', 'auth.json');
	assert.deepEqual(Object.keys(JSON.parse(readFileSync(authFile, 'utf8')).auths), [mirror.host], 'the login under the mirror’s host');

	// --no-tags: listing tags asks the registry itself (mirrors serve pulls only).
	const inspect = () =>
		spawnSync('skopeo', ['--insecure-policy', 'inspect', '--no-tags', 'docker://upstream.invalid/demo/hello:v1'], {encoding: 'utf8', env, timeout: 60_000});
	const pulled = inspect();
	assert.equal(pulled.status, 0, pulled.stderr);
	assert.equal(JSON.parse(pulled.stdout).Digest, image.manifestDigest, 'the image came from the mirror (upstream.invalid does not resolve)');

	// The control: without the mirror's login the same pull is refused, so the login was used.
	rmSync(authFile);
	const refused = inspect();
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /unauthorized|authentication required/i);
});

test('system scope for CRI-O: /etc/containers/registries.conf.d, staged when not writable; Docker Hub’s location is registry-1.docker.io', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['registries-conf' as const],
		credentials: [{registry: 'mirror.corp:5000', username: 'u', password: 'p', email: ''}],
	};
	answers.registriesConf = {mirrorOf: 'docker.io', scope: 'system', insecure: false};
	const result = plan(answers, emptyEnvironment({cwd: '/work', writable: {'/etc/containers/registries.conf.d': false}}));
	const dropIn = result.artifacts.find(artifact => artifact.id === 'registries-conf:drop-in')!;
	assert.equal(dropIn.installPath, '/etc/containers/registries.conf.d/50-regauth-docker.io.conf');
	assert.equal(dropIn.path, '/work/regauth/containers/etc/containers/registries.conf.d/50-regauth-docker.io.conf');
	assert.deepEqual(JSON.parse(JSON.stringify(parse(dropIn.text!))), {
		registry: [{prefix: 'docker.io', location: 'registry-1.docker.io', mirror: [{location: 'mirror.corp:5000'}]}],
	});
	assert.ok(
		result.artifacts.some(artifact => artifact.id === 'podman:auth' && artifact.path.endsWith('/.config/containers/auth.json')),
		'the mirror’s login too',
	);
	assert.ok(result.notes.some(note => note.message.includes('CRI-O')));
});

test('without --mirror-of the field names the flag and the fix', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['registries-conf' as const],
		credentials: [{registry: 'mirror.corp', username: 'u', password: 'p', email: ''}],
	};
	const result = plan(answers, emptyEnvironment());
	assert.deepEqual(
		result.issues.map(issue => [issue.flag, issue.message]),
		[['--mirror-of', 'Mirror of is required: the registry whose pulls the mirror serves, for example docker.io or quay.io/team.']],
	);
});
