// A login's whole life against real parts: Debian's docker-registry with htpasswd, gnome-keyring
// in a private D-Bus session, regauth's built CLI and helper, skopeo reading the docker config and
// the podman file regauth wrote. No Kubernetes API server runs here: the Secret is checked as the
// file kubectl would apply.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab, labEnv, skopeoInspect} from '../support/keychain-lab.js';
import {requireProgram} from '../support/programs.js';
import {runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const NEW_PASSWORD = 'rotated-N3w-pass!';

/** The inventory never holds the secret, in any form. */
function assertInventoryClean(state: string, username: string, passwords: string[]): void {
	const inventory = join(state, 'regauth', 'inventory.json');
	if (!existsSync(inventory)) return;
	const text = readFileSync(inventory, 'utf8');
	for (const password of passwords) for (const form of secretForms(username, password)) assert.ok(!text.includes(form), 'the inventory holds a secret');
}

/** Files that are not backups (backups keep the old secret by design, 0600: the files', and the keychain item's copy for undo). */
const live = (hits: string[]) =>
	hits.filter(
		hit => !/\.regauth-\d{8}T\d{6}Z\.bak /.test(hit) && !hit.includes('/keyring/') && !/\/regauth\/keychain-\d{8}T\d{6}Z-[0-9a-f]{12}\.json /.test(hit),
	);

function secretPassword(path: string, host: string): string {
	const data = /\.dockerconfigjson: (\S+)/.exec(readFileSync(path, 'utf8'))![1]!;
	return JSON.parse(Buffer.from(data, 'base64').toString('utf8')).auths[host].password;
}

test('status, a changed password found by --check, rotate everywhere, logout, undo', {timeout: 240_000}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference, digest} = await keychainLab(dir);
	const state = join(dir, 'state');
	const out = join(dir, 'out');
	const env = labEnv({keyring, home}, dir);
	const dockerConfig = join(home, '.docker', 'config.json');
	const podmanFile = join(home, '.config', 'containers', 'auth.json');
	const secretFile = join(out, 'kubernetes', 'web', 'regcred.secret.yaml');

	// 1. One login with regauth: docker and podman through the keychain, a Kubernetes Secret file.
	const login = await runCli(
		[
			'-r',
			registry.host,
			'-u',
			registry.username,
			'--password-stdin',
			'-t',
			'docker,podman,kubernetes',
			'-n',
			'web',
			'-o',
			out,
			'--keychain',
			'regauth',
			'--yes',
		],
		{input: registry.password, env},
	);
	assert.equal(login.code, 0, login.stderr);
	assertInventoryClean(state, registry.username, [registry.password]);
	assert.equal(skopeoInspect(dockerConfig, reference, env).status, 0);

	// 2. status --json lists every place.
	const status = await runCli(['status', '--json'], {env});
	assert.equal(status.code, 0, status.stderr);
	const report = JSON.parse(status.stdout);
	const entry = report.logins.find((item: {registry: string}) => item.registry === registry.host);
	assert.equal(entry.user, registry.username);
	assert.deepEqual(
		entry.stored.map((item: {file: string; storage: string; helper: string}) => [item.file, item.storage, item.helper]),
		[
			[dockerConfig, 'helper', 'regauth'],
			[podmanFile, 'helper', 'regauth'],
		],
	);
	assert.deepEqual(entry.regauth.places.map((place: {kind: string}) => place.kind).sort(), ['docker', 'keychain', 'kubernetes', 'podman']);
	assert.ok(entry.regauth.places.some((place: {path?: string}) => place.path === secretFile));
	assert.ok(!status.stdout.includes(registry.password));

	// 3. The registry's password changes: status --check names the login and exits 1.
	writeFileSync(join(dir, 'registry', 'htpasswd'), execFileSync('htpasswd', ['-Bbn', registry.username, NEW_PASSWORD], {encoding: 'utf8'}));
	const check = await runCli(['status', '--check', '--insecure'], {env});
	assert.equal(check.code, 1, check.stdout + check.stderr);
	assert.match(check.stdout, /check: rejected/);
	assert.match(check.stderr, new RegExp(`${registry.host.replaceAll('.', '\\.')} \\(${registry.username}\\)`));

	// 4. rotate: a wrong new secret is refused before anything changes; the right one goes everywhere.
	const wrong = await runCli(['rotate', registry.host, '--password-stdin', '--yes'], {input: 'still-wrong', env});
	assert.equal(wrong.code, 1, wrong.stderr);
	const rotate = await runCli(['rotate', registry.host, '--password-stdin', '--yes'], {input: NEW_PASSWORD, env, cwd: dir});
	assert.equal(rotate.code, 0, rotate.stdout + rotate.stderr);
	const viaDocker = skopeoInspect(dockerConfig, reference, env);
	assert.equal(viaDocker.status, 0, viaDocker.stderr);
	assert.equal(JSON.parse(viaDocker.stdout).Digest, digest);
	assert.equal(skopeoInspect(podmanFile, reference, env).status, 0);
	assert.equal(secretPassword(secretFile, registry.host), NEW_PASSWORD);
	assert.deepEqual(live(filesContaining(dir, secretForms(registry.username, registry.password))), []);
	const item = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.equal(JSON.parse(item).Secret, NEW_PASSWORD);
	assertInventoryClean(state, registry.username, [registry.password, NEW_PASSWORD]);
	const fine = await runCli(['status', '--check', '--insecure'], {env});
	assert.equal(fine.code, 0, fine.stdout + fine.stderr);

	// 5. logout: skopeo is no longer logged in, the keychain holds no item, no file has the key.
	const logout = await runCli(['logout', registry.host, '--yes'], {env});
	assert.equal(logout.code, 0, logout.stdout + logout.stderr);
	assert.match(logout.stdout, new RegExp(`left in place|${secretFile.replaceAll('.', '\\.')}`));
	const refused = skopeoInspect(dockerConfig, reference, env);
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /unauthorized|authentication required/i);
	const search = spawnSync('secret-tool', ['search', '--all', 'service', 'regauth'], {env, encoding: 'utf8'});
	assert.ok(!`${search.stdout}${search.stderr}`.includes(registry.host), search.stdout + search.stderr);
	for (const file of [dockerConfig, podmanFile]) {
		const doc = JSON.parse(readFileSync(file, 'utf8'));
		assert.equal(doc.auths?.[registry.host], undefined, file);
		assert.equal(doc.credHelpers?.[registry.host], undefined, file);
	}
	const after = JSON.parse((await runCli(['status', '--json'], {env})).stdout);
	assert.equal(
		after.logins.find((item: {registry: string}) => item.registry === registry.host),
		undefined,
	);
	assertInventoryClean(state, registry.username, [registry.password, NEW_PASSWORD]);

	// 6. undo: the files, the inventory and the erased keychain item come back.
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, undo.stdout + undo.stderr);
	assert.equal(JSON.parse(readFileSync(dockerConfig, 'utf8')).credHelpers[registry.host], 'regauth');
	assert.equal(
		JSON.parse(execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'})).Secret,
		NEW_PASSWORD,
	);
	assert.equal(skopeoInspect(dockerConfig, reference, env).status, 0);
	const back = JSON.parse((await runCli(['status', '--json'], {env})).stdout);
	assert.ok(back.logins.find((item: {registry: string}) => item.registry === registry.host)?.regauth);
});
