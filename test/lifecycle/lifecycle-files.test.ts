// Logins kept in the files (no keychain) against a real registry: logout and undo with skopeo as
// the judge, several regauth runs at once keep the inventory whole, a corrupt inventory is
// reported and left alone.
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {skopeoInspect} from '../support/keychain-lab.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, cliHome, runCli} from '../support/run-cli.js';
import {secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

test('logout then undo: skopeo loses the login through docker and podman, and gets it back', {timeout: 120_000}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const dir = tempDir();
	const registry = await startRegistry(join(dir, 'registry'));
	const reference = pushImage(buildOciImage(join(dir, 'oci')), registry);
	const home = join(dir, 'home');
	mkdirSync(home);
	const env = cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state'), XDG_RUNTIME_DIR: join(dir, 'run')});
	const dockerConfig = join(home, '.docker', 'config.json');
	const podmanFile = join(home, '.config', 'containers', 'auth.json');
	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker,podman', '--yes'], {
		input: registry.password,
		env,
	});
	assert.equal(login.code, 0, login.stderr);
	for (const file of [dockerConfig, podmanFile]) assert.equal(skopeoInspect(file, reference, env).status, 0, file);

	const logout = await runCli(['logout', registry.host, '--yes'], {env});
	assert.equal(logout.code, 0, logout.stdout + logout.stderr);
	for (const file of [dockerConfig, podmanFile]) {
		const inspect = skopeoInspect(file, reference, env);
		assert.notEqual(inspect.status, 0, file);
		assert.match(inspect.stderr, /unauthorized|authentication required/i);
		assert.equal(JSON.parse(readFileSync(file, 'utf8')).auths[registry.host], undefined);
	}
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, undo.stdout + undo.stderr);
	for (const file of [dockerConfig, podmanFile]) assert.equal(skopeoInspect(file, reference, env).status, 0, file);
	const status = JSON.parse((await runCli(['status', '--json'], {env})).stdout);
	assert.equal(status.logins.find((entry: {registry: string}) => entry.registry === registry.host).regauth.places.length, 2);
	const inventory = readFileSync(join(dir, 'state', 'regauth', 'inventory.json'), 'utf8');
	for (const form of secretForms(registry.username, registry.password)) assert.ok(!inventory.includes(form));
});

// Several runs at once: apply's lock on merge targets (docs/concurrency.md) covers the inventory,
// which is a merge target like the config, so no run's login is lost from either.
test('four regauth runs at once: every login is in the inventory and in the config', {timeout: 120_000}, async () => {
	const {dir, home, env} = cliHome(dir => ({XDG_STATE_HOME: join(dir, 'state'), XDG_RUNTIME_DIR: join(dir, 'run')}));
	const hosts = ['one.example.com', 'two.example.com', 'three.example.com', 'four.example.com'];
	const runs = await Promise.all(
		hosts.map(host => runCli(['-r', host, '-u', 'ci', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {input: `pw-${host}-secret`, env})),
	);
	for (const run of runs) assert.equal(run.code, 0, run.stderr);
	const inventory = readFileSync(join(dir, 'state', 'regauth', 'inventory.json'), 'utf8');
	for (const host of hosts) assert.ok(!inventory.includes(`pw-${host}-secret`));
	const status = JSON.parse((await runCli(['status', '--json'], {env})).stdout);
	assert.deepEqual(status.problems, []);
	assert.deepEqual(
		status.logins
			.filter((entry: {regauth: unknown}) => entry.regauth)
			.map((entry: {registry: string}) => entry.registry)
			.sort(),
		[...hosts].sort(),
	);
	assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8')).auths).sort(), [...hosts].sort());
});

test('a corrupt or hand-edited inventory is reported by status and doctor, and an apply leaves it as it is', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const state = join(dir, 'state');
	const env = cleanEnv(home, {XDG_STATE_HOME: state, XDG_RUNTIME_DIR: join(dir, 'run')});
	const first = await runCli(['-r', 'quay.io', '-u', 'ci', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {input: 'first-secret', env});
	assert.equal(first.code, 0, first.stderr);
	const path = join(state, 'regauth', 'inventory.json');
	const edited = readFileSync(path, 'utf8').replace('"ci"', '"admin"');
	writeFileSync(path, edited);
	chmodSync(path, 0o600);
	const status = await runCli(['status'], {env});
	assert.match(status.stderr, /inventory .* is not trusted: it was changed by something other than regauth/);
	assert.doesNotMatch(status.stdout, /regauth configured it/);
	const doctor = await runCli(['doctor', '--json'], {env});
	assert.ok(JSON.parse(doctor.stdout).findings.some((finding: {id: string}) => finding.id === 'inventory-untrusted'));
	const again = await runCli(['-r', 'ghcr.io', '-u', 'ci', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {input: 'second-secret', env});
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stderr, /not trusted/);
	assert.equal(readFileSync(path, 'utf8'), edited);
	writeFileSync(path, '{"version":1,"logins":[');
	const corrupt = await runCli(['status', '--json'], {env});
	assert.match(JSON.parse(corrupt.stdout).problems.join('\n'), /not valid JSON/);
	const rotate = await runCli(['rotate', 'quay.io', '--password-stdin', '--yes'], {input: 'x', env});
	assert.equal(rotate.code, 1);
	assert.match(rotate.stderr, /not trusted/);
});
