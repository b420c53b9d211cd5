// The wizard once with a real keyring: gnome-keyring in a private D-Bus session, a real registry
// (the credential check runs for real), the built CLI in a real pseudo-terminal, walked with keys.
// "OS keychain (regauth)" is chosen on screen; afterwards the keychain holds the secret, config.json
// only routes to the helper, and skopeo pulls through it.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab, skopeoInspect} from '../support/keychain-lab.js';
import {requireProgram} from '../support/programs.js';
import {runInPty} from '../support/pty.js';
import {openOtherRegistry} from '../support/pty-home.js';
import {CLI} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const CTRL_R = '\u0012';

test('the wizard with a real keyring: the password goes into the keychain, skopeo pulls through the helper', async () => {
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference, digest} = await keychainLab(dir);
	const env = {
		...keyring.env,
		PATH: `${join(home, '.local', 'bin')}:${process.env.PATH ?? ''}`,
		LANG: 'C.UTF-8',
		TERM: 'xterm-256color',
		CI: 'false',
	} as Record<string, string>;
	const run = runInPty(process.execPath, [CLI], {cwd: dir, env});

	await run.waitFor(/Which registry\?/, 20_000);
	await openOtherRegistry(run);
	await run.typeSlowly(registry.host);
	await run.press(ENTER);
	await run.typeSlowly(registry.username);
	await run.press(ENTER);
	await run.typeSlowly(registry.password);
	await run.waitFor(new RegExp(`● ${registry.password.length} characters typed`));
	await run.press(ENTER, ENTER); // → email → leave: the registry checks the login
	let screen = await run.waitFor(/Continue with 1 registry/, 20_000);

	await run.press(ENTER); // Continue → targets (docker is preselected)
	await run.waitFor(/What should regauth configure\?/);
	await run.press(ENTER);
	screen = await run.waitFor(/Where should the password be kept\?/);
	for (let step = 0; step < 6 && !/❯ OS keychain \(regauth\)/.test(run.screen()); step++) await run.press(DOWN);
	screen = await run.waitFor(/❯ OS keychain \(regauth\)/);
	assert.doesNotMatch(screen, /OS keychain \(regauth\) \((not available|does not work here)\)/, 'the private keyring works');
	await run.press(ENTER);
	await run.press(CTRL_R); // the options keep their defaults
	screen = await run.waitFor(/Next time, headless/, 15_000);
	assert.match(screen, /--keychain regauth/);

	await run.press(ENTER); // Write the files
	screen = await run.waitFor(/Press Enter to finish/, 30_000);
	assert.match(screen, /✓ Store the .* credential in the keychain \(docker-credential-regauth\)/);
	assert.match(screen, /✓ Docker config\.json/);
	await run.press(ENTER);
	const {exitCode} = await run.exit;
	assert.equal(exitCode, 0);

	const item = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.deepEqual(JSON.parse(item), {Username: registry.username, Secret: registry.password});
	const config = join(home, '.docker', 'config.json');
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {auths: {[registry.host]: {}}, credHelpers: {[registry.host]: 'regauth'}});
	assert.deepEqual(filesContaining(home, secretForms(registry.username, registry.password)), []);
	assert.ok(!run.history().includes(registry.password), 'the password was never drawn');
	const inspect = skopeoInspect(config, reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);
	assert.equal(JSON.parse(inspect.stdout).Digest, digest);
});
