// The first screen's logins, driven in a real pseudo-terminal against real parts: Debian's
// docker-registry (htpasswd), the built CLI, skopeo reading the docker config and the podman file
// regauth wrote. A login made headless is checked (ok, then rejected once the registry's password
// changed), rotated from the wizard and logged out from it.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab, labEnv, skopeoInspect} from '../support/keychain-lab.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {runInPty} from '../support/pty.js';
import {startRegistry} from '../support/registry.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const END = '\u001B[F';
const CTRL_C = '\u0003';
const NEW_PASSWORD = 'rotated-N3w-secret';

/** Files that hold it now, backups aside (they are how undo works). */
const live = (hits: string[]) => hits.filter(hit => !/\.regauth-\d{8}T\d{6}Z\.bak /.test(hit));

test('wizard at 80×24: a logged-in registry is checked, rotated and logged out from the first screen', {timeout: 180_000}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const registryDir = tempDir();
	const registry = await startRegistry(join(registryDir, 'registry'));
	const reference = pushImage(buildOciImage(join(registryDir, 'oci')), registry);
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	// No session bus: the login is kept in the files (plain text), as the headless run chose.
	const env = {...cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state'), XDG_RUNTIME_DIR: join(dir, 'run')}), TERM: 'xterm-256color', CI: 'false'};
	const dockerConfig = join(home, '.docker', 'config.json');
	const podmanFile = join(home, '.config', 'containers', 'auth.json');
	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker,podman', '--yes'], {
		input: registry.password,
		env,
		cwd: dir,
	});
	assert.equal(login.code, 0, login.stderr);

	const run = runInPty(process.execPath, [CLI], {cwd: dir, env, columns: 80, rows: 24});
	await run.waitFor(/Which registry\?/);
	// Appended below the registries (the rows above never move); End reaches it.
	await run.waitFor(/● 127\.0\.0\.1:\d+ — ciuser|1 login on this machine further down the list/);
	await run.press(END);
	let screen = await run.waitFor(/❯ ● 127\.0\.0\.1:\d+ — ciuser · plain text/);
	await run.press(ENTER);
	screen = await run.waitFor(/❯ Check it with the registry/);
	assert.match(screen, /Docker: .*config\.json — plain text/);
	assert.match(screen, /Podman: .*auth\.json — plain\s+text/);

	// Check: the registry accepts it; after the registry's password changed, it rejects it.
	await run.press(ENTER);
	await run.waitFor(/Check: ✓ ok/, 20_000);
	writeFileSync(join(registryDir, 'registry', 'htpasswd'), execFileSync('htpasswd', ['-Bbn', registry.username, NEW_PASSWORD], {encoding: 'utf8'}));
	await run.press(ENTER);
	await run.waitFor(/Check: ✗ rejected/, 20_000);

	// Rotate: the new secret, typed masked, checked with the registry, the plan shown, confirmed.
	await run.press(DOWN, ENTER);
	await run.waitFor(/New secret/);
	await run.typeSlowly(NEW_PASSWORD);
	screen = await run.waitFor(new RegExp(`${NEW_PASSWORD.length} characters typed`));
	await run.press(ENTER);
	screen = await run.waitFor(/It replaces the old one in:/, 20_000);
	assert.match(screen, /✓ The new secret works/);
	assert.match(screen, /Docker config\.json —/);
	assert.match(screen, /containers auth\.json —/);
	assert.notEqual(skopeoInspect(dockerConfig, reference, env).status, 0, 'nothing is written before the confirmation');
	await run.press(ENTER);
	screen = await run.waitFor(/✓ Rotated\./, 20_000);
	assert.match(screen, /dist\/cli\.js undo reverts this/);
	for (const file of [dockerConfig, podmanFile]) assert.equal(skopeoInspect(file, reference, env).status, 0, `skopeo through ${file}`);
	assert.deepEqual(live(filesContaining(dir, secretForms(registry.username, registry.password))), [], 'the old secret is in no live file');
	assert.ok(!run.history().includes(NEW_PASSWORD), 'the new secret was never drawn');

	// Log out: what is removed, confirmed, removed.
	await run.press(ENTER); // back to the login's menu
	await run.waitFor(/❯ Check it with the registry/);
	await run.press(DOWN, DOWN, ENTER);
	screen = await run.waitFor(/Logging out removes:/, 20_000);
	assert.ok(registry.host in JSON.parse(readFileSync(dockerConfig, 'utf8')).auths, 'nothing removed before the confirmation');
	await run.press(ENTER);
	await run.waitFor(/✓ Logged out\./, 20_000);
	for (const file of [dockerConfig, podmanFile]) {
		const config = JSON.parse(readFileSync(file, 'utf8'));
		assert.equal(config.auths?.[registry.host], undefined, `${file} has no key for the registry`);
		const inspect = skopeoInspect(file, reference, env);
		assert.notEqual(inspect.status, 0, file);
		assert.match(inspect.stderr, /unauthorized|authentication required/i);
	}
	await run.press(ENTER);
	await run.waitFor(/Which registry\?(?![\s\S]*● 127\.0\.0\.1)/);
	await run.press(CTRL_C);
	const {exitCode} = await run.exit;
	assert.equal(exitCode, 130);
	const inventory = readFileSync(join(dir, 'state', 'regauth', 'inventory.json'), 'utf8');
	for (const form of [...secretForms(registry.username, registry.password), ...secretForms(registry.username, NEW_PASSWORD)])
		assert.ok(!inventory.includes(form));
});

test('wizard at 120×40: a login kept in the keychain is rotated (the item holds the new secret) and logged out (no item left)', {
	timeout: 240_000,
}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference} = await keychainLab(dir);
	const env = {
		...labEnv({keyring, home}, dir),
		TERM: 'xterm-256color',
		CI: 'false',
	};
	const dockerConfig = join(home, '.docker', 'config.json');
	const podmanFile = join(home, '.config', 'containers', 'auth.json');
	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker,podman', '--keychain', 'regauth', '--yes'], {
		input: registry.password,
		env,
		cwd: dir,
	});
	assert.equal(login.code, 0, login.stderr);
	// The item regauth's helper keeps is the credential as JSON, the shape `get` prints (docs/formats.md §2.1).
	const item = () =>
		JSON.parse(execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'})).Secret as string;
	assert.equal(item(), registry.password);
	writeFileSync(join(dir, 'registry', 'htpasswd'), execFileSync('htpasswd', ['-Bbn', registry.username, NEW_PASSWORD], {encoding: 'utf8'}));

	const run = runInPty(process.execPath, [CLI], {cwd: dir, env, columns: 120, rows: 40});
	await run.waitFor(/● 127\.0\.0\.1:\d+ — ciuser · keychain via regauth/, 20_000);
	await run.press(END, ENTER);
	await run.waitFor(/Docker: .*config\.json — keychain via docker-credential-regauth/);
	await run.press(DOWN, ENTER);
	await run.waitFor(/New secret/);
	await run.typeSlowly(NEW_PASSWORD);
	await run.press(ENTER);
	const screen = await run.waitFor(/It replaces the old one in:/, 30_000);
	assert.match(screen, /regauth/);
	await run.press(ENTER);
	await run.waitFor(/✓ Rotated\./, 30_000);
	assert.equal(item(), NEW_PASSWORD, 'the keychain item holds the new secret');
	for (const file of [dockerConfig, podmanFile]) assert.equal(skopeoInspect(file, reference, env).status, 0, `skopeo through ${file}`);

	await run.press(ENTER);
	await run.waitFor(/❯ Check it with the registry/);
	await run.press(DOWN, DOWN, ENTER);
	await run.waitFor(/Logging out removes:/, 20_000);
	await run.press(ENTER);
	await run.waitFor(/✓ Logged out\./, 30_000);
	const search = spawnSync('secret-tool', ['search', '--all', 'service', 'regauth'], {env, encoding: 'utf8'});
	assert.ok(!`${search.stdout}${search.stderr}`.includes(registry.host), 'no keychain item is left');
	for (const file of [dockerConfig, podmanFile]) {
		const config = JSON.parse(readFileSync(file, 'utf8'));
		assert.equal(config.auths?.[registry.host], undefined, file);
		assert.equal(config.credHelpers?.[registry.host], undefined, file);
		assert.notEqual(skopeoInspect(file, reference, env).status, 0, file);
	}
	await run.press(ENTER, CTRL_C);
	assert.equal((await run.exit).exitCode, 130);
});
