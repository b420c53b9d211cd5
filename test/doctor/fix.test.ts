// `regauth doctor --fix` with Docker's own docker-credential-secretservice in a real keyring
// session (gnome-keyring on a private D-Bus): the passwords move into the keychain, docker's
// config keeps `{}` + credHelpers, skopeo and the docker CLI read them back through it, and
// `regauth undo` puts the file back.

import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

/** A PATH holding only the given docker-credential-* helpers: regauth needs nothing else on it. */
function pathWith(dir: string, helpers: string[]): string {
	const bin = join(dir, 'bin');
	mkdirSync(bin, {recursive: true});
	for (const helper of helpers)
		symlinkSync(
			requireProgram(`docker-credential-${helper}`, 'apt-get install golang-docker-credential-helpers (see .ci/run)'),
			join(bin, `docker-credential-${helper}`),
		);
	return bin;
}

function helperGet(server: string, env: NodeJS.ProcessEnv): {ServerURL: string; Username: string; Secret: string} {
	return JSON.parse(execFileSync('docker-credential-secretservice', ['get'], {input: server, env: {...process.env, ...env}, encoding: 'utf8'}));
}

function setup(helpers = ['secretservice'], locked = false) {
	const dir = tempDir();
	const keyring = startKeyring(join(dir, 'keyring'), {locked});
	const dockerDir = join(dir, 'docker');
	mkdirSync(dockerDir, {recursive: true});
	const config = join(dockerDir, 'config.json');
	const env = cleanEnv(keyring.env.HOME!, {...keyring.env, DOCKER_CONFIG: dockerDir, PATH: pathWith(dir, helpers)});
	return {dir, config, env, keyring};
}

test('--fix moves plain-text passwords into docker-credential-secretservice; real clients read them back; undo restores the file', async () => {
	const {config, env} = setup();
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const original = `{\n\t"auths": {\n\t\t"${registry.host}": {\n\t\t\t"auth": "${auth(registry.username, registry.password)}"\n\t\t},\n\t\t"https://quay.io": {\n\t\t\t"auth": "${auth('myorg+bot', 'quay-token-1')}",\n\t\t\t"email": "me@example.com"\n\t\t}\n\t},\n\t"psFormat": "table {{.ID}}"\n}`;
	writeFileSync(config, original, {mode: 0o644});

	const before = await runCli(['doctor', '--json'], {env});
	assert.equal(before.code, 1);
	assert.deepEqual(
		JSON.parse(before.stdout).findings.map((finding: {id: string; fixable?: boolean}) => [finding.id, finding.fixable ?? false]),
		[
			['plain-text', true],
			['plain-text', true],
			['readable-by-others', false],
		],
	);

	const fixed = await runCli(['doctor', '--fix', '--keychain', 'secretservice'], {env});
	assert.equal(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
	for (const secret of [registry.password, 'quay-token-1', auth(registry.username, registry.password)])
		assert.ok(!fixed.stdout.includes(secret) && !fixed.stderr.includes(secret), 'no secret in the output');
	assert.match(fixed.stdout, /Moving 2 passwords into the keychain:/);
	assert.match(fixed.stdout, new RegExp(`✓ Store the ${registry.host.replace(/\./g, '\\.')} credential in the keychain \\(docker-credential-secretservice\\)`));
	assert.match(fixed.stdout, /still holds the old passwords in clear \(mode 0600\); regauth undo needs it/);
	assert.match(fixed.stdout, /After the fix:\n✓ No problems found\.\n$/);

	// The file: empty entries (email kept), a credHelpers route each, the legacy key normalised,
	// unknown keys and the layout kept, mode tightened.
	assert.equal(
		readFileSync(config, 'utf8'),
		`{\n\t"auths": {\n\t\t"${registry.host}": {},\n\t\t"quay.io": {\n\t\t\t"email": "me@example.com"\n\t\t}\n\t},\n\t"psFormat": "table {{.ID}}",\n\t"credHelpers": {\n\t\t"${registry.host}": "secretservice",\n\t\t"quay.io": "secretservice"\n\t}\n}`,
	);
	assert.equal(statSync(config).mode & 0o777, 0o600);
	// The keychain, read back through the helper itself.
	assert.deepEqual(helperGet(registry.host, env), {ServerURL: registry.host, Username: registry.username, Secret: registry.password});
	assert.deepEqual(helperGet('quay.io', env), {ServerURL: 'quay.io', Username: 'myorg+bot', Secret: 'quay-token-1'});

	// Real clients find the password through credHelpers: skopeo gets past the registry's login
	// (the image does not exist: "manifest unknown", not "unauthorized"), and the docker CLI
	// reads the user back from the helper (its login then wants a daemon, which CI has not).
	const skopeo = requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const inspect = spawnSync(skopeo, ['inspect', '--tls-verify=false', '--authfile', config, `docker://${registry.host}/demo/none:v1`], {
		env: {...process.env, ...env},
		encoding: 'utf8',
	});
	assert.match(inspect.stderr, /manifest unknown/, inspect.stderr);
	const docker = requireProgram('docker', 'the docker CLI comes with CI’s machine image (see .ci/run)');
	const login = spawnSync(docker, ['login', registry.host], {env: {...process.env, ...env}, encoding: 'utf8', input: ''});
	assert.match(
		`${login.stdout}${login.stderr}`,
		new RegExp(`Authenticating with existing credentials\\.\\.\\. \\[Username: ${registry.username}\\]`),
		`${login.stdout}${login.stderr}`,
	);

	// undo restores the file byte for byte (and its mode); the keychain items stay, with the way to remove them.
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, undo.stderr);
	assert.equal(readFileSync(config, 'utf8'), original);
	assert.equal(statSync(config).mode & 0o777, 0o644);
	assert.match(undo.stdout, /printf '%s' quay\.io \| docker-credential-secretservice erase/);
});

test('--fix --dry-run shows the plan, masked, and changes nothing; skipped entries say why', async () => {
	const {config, env} = setup();
	const original = JSON.stringify(
		{
			auths: {'r.example.com': {auth: auth('ci', 'dry-run-secret')}, 'bad.example.com': {auth: 'AbCdEfGhIj'}, 'gcr.io': {auth: auth('a', 'shadowed-secret')}},
			credHelpers: {'gcr.io': 'secretservice'},
		},
		null,
		'\t',
	);
	writeFileSync(config, original, {mode: 0o600});
	const result = await runCli(['doctor', '--fix', '--dry-run', '--keychain', 'secretservice'], {env});
	assert.equal(result.code, 1);
	assert.equal(readFileSync(config, 'utf8'), original);
	assert.ok(!result.stdout.includes('dry-run-secret') && !result.stdout.includes(auth('ci', 'dry-run-secret')));
	assert.match(result.stdout, /regauth doctor --fix --dry-run: nothing was changed\./);
	assert.match(
		result.stdout,
		/\$ printf '%s' r\.example\.com \| docker-credential-secretservice erase; docker-credential-secretservice store {2}# {"ServerURL":"r\.example\.com","Username":"ci","Secret":…} on stdin/,
	);
	assert.match(result.stdout, /! bad\.example\.com stays as it is: its "auth" does not decode \(illegal base64 data at input byte 8\); log in again instead\./);
	assert.match(result.stdout, /! gcr\.io stays as it is: docker already asks docker-credential-secretservice \(credHelpers\) and ignores this copy/);
	const json = JSON.parse((await runCli(['doctor', '--fix', '--dry-run', '--json', '--keychain', 'secretservice'], {env})).stdout);
	assert.deepEqual(json.fix.moved, [{registry: 'r.example.com', username: 'ci'}]);
	assert.equal(json.fix.helper, 'secretservice');
	assert.equal(json.fix.dryRun, true);
	assert.ok(!JSON.stringify(json).includes('dry-run-secret'));
});

test("--fix uses regauth's own helper by default, even off PATH (it installs the launcher); a helper asked for but missing changes nothing", async () => {
	const {config, env} = setup([]);
	const original = JSON.stringify({auths: {'r.example.com': {auth: auth('ci', 'pw-123456')}}});
	writeFileSync(config, original, {mode: 0o600});
	const asked = await runCli(['doctor', '--fix', '--keychain', 'pass'], {env});
	assert.equal(asked.code, 2);
	assert.equal(asked.stderr, 'regauth: --keychain pass: docker-credential-pass is not on PATH; install it or choose another (on PATH: none).\n');
	assert.equal(readFileSync(config, 'utf8'), original);

	// ~/.local/bin on PATH, as on most desktops: the launcher the fix writes is then found.
	const launchers = join(env.HOME!, '.local', 'bin');
	const result = await runCli(['doctor', '--fix'], {env: {...env, PATH: `${launchers}:${env.PATH}`}});
	assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
	assert.match(result.stdout, /fix: regauth doctor --fix moves it into the OS keychain \(docker-credential-regauth\)/);
	assert.match(result.stdout, /✓ Store the r\.example\.com credential in the keychain \(docker-credential-regauth\)/);
	assert.match(result.stdout, /✓ Launcher for docker-credential-regauth .*\.local\/bin\/docker-credential-regauth — created/);
	const stored = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', 'r.example.com'], {
		env: {...process.env, ...env, PATH: process.env.PATH},
		encoding: 'utf8',
	});
	assert.deepEqual(JSON.parse(stored), {Username: 'ci', Secret: 'pw-123456'});
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')).credHelpers, {'r.example.com': 'regauth'});
	assert.ok(!readFileSync(config, 'utf8').includes(auth('ci', 'pw-123456')));
});

test('a locked keychain: the store fails, the file is not touched, and the reason is shown', async () => {
	const {config, env} = setup(['secretservice'], true);
	const original = JSON.stringify({auths: {'r.example.com': {auth: auth('ci', 'pw-123456')}}});
	writeFileSync(config, original, {mode: 0o600});
	const result = await runCli(['doctor', '--fix', '--keychain', 'secretservice'], {env});
	assert.equal(result.code, 1);
	assert.match(
		result.stdout,
		/✗ Store the r\.example\.com credential in the keychain \(docker-credential-secretservice\) — docker-credential-secretservice could not use the keychain: the keychain is locked \(Cannot create an item in a locked collection\)/,
	);
	assert.match(result.stdout, /· Docker config\.json \(passwords moved to docker-credential-secretservice\) — not attempted after an earlier failure/);
	assert.equal(readFileSync(config, 'utf8'), original);
});
