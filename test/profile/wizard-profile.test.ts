// The wizard with a team profile, in a real pseudo-terminal, started in a subdirectory of the
// repository: two real registries (the wizard checks each login), gnome-keyring in a private
// D-Bus session for the keychain the profile requires. It must ask only for user names and
// tokens, and write what the equivalent
// headless command writes.
import assert from 'node:assert/strict';
import {mkdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInPty} from '../support/pty.js';
import {CLI, runCli} from '../support/run-cli.js';
import {filesUnder, teamRepo} from './team-repo.js';

const ENTER = '\r';

test('the wizard in a subdirectory finds the profile, asks only for user and token, and writes what the flags write', async () => {
	const {dir, team, mirror, cwd, envFor, outputDir, profileAsFlags} = await teamRepo({mirrorUser: 'alice.gh'});
	const homeWizard = join(dir, 'home-wizard');
	const homeFlags = join(dir, 'home-flags');
	mkdirSync(homeWizard);
	mkdirSync(homeFlags);

	const run = runInPty(process.execPath, [CLI], {cwd, env: {...envFor(homeWizard), TERM: 'xterm-256color', CI: 'false'}});
	let screen = await run.waitFor(/Enter uses it/);
	assert.match(screen, /found the team profile .*repo\/\.regauth\.yaml/);
	assert.match(screen, /Welcome to the payments team\./);
	assert.match(screen, /kubernetes namespaces: web, jobs/);
	assert.match(screen, /Keychain: required \(regauth\)/);
	await run.press(ENTER);

	screen = await run.waitFor(/Credentials for 127\.0\.0\.1:\d+ \(Team registry\)/);
	assert.match(screen, /registry 1 of 2/);
	assert.match(screen, /User name: your LDAP name/);
	assert.match(screen, /Create it at https:\/\/registry\.team\.example\/tokens/);
	assert.match(screen, /\(scopes: read\)/);
	await run.waitFor(/› Username/);
	await run.typeSlowly('alice');
	await run.press(ENTER);
	await run.waitFor(/› Password\/token/);
	await run.typeSlowly(team.password);
	await run.press(ENTER, ENTER); // → email → leave: the registry checks the login
	await run.waitFor(/Credentials for 127\.0\.0\.1:\d+ \(Mirror\)/, 15_000);
	await run.waitFor(/› Username/);
	await run.typeSlowly('alice.gh');
	await run.press(ENTER);
	await run.waitFor(/› Password\/token/);
	await run.typeSlowly(mirror.password);
	await run.press(ENTER, ENTER);

	// Straight to the review: the options the profile leaves open keep their defaults (Esc reaches them).
	screen = await run.waitFor(/Write the files/, 15_000);
	assert.match(screen, /From the team profile/);
	assert.match(screen, /kubernetes namespaces: web, jobs/);
	await run.press(ENTER);
	await run.waitFor(/Press Enter to finish/, 30_000);
	await run.press(ENTER);
	const {exitCode} = await run.exit;
	assert.equal(exitCode, 0, run.screen());
	// Nothing but the user names and tokens was asked.
	assert.doesNotMatch(run.history(), /What should regauth configure\?|Where should the password be kept\?|Which registry\?/);

	const byWizard = {home: filesUnder(join(homeWizard, '.docker')), project: filesUnder(outputDir)};
	rmSync(outputDir, {recursive: true});
	const flags = await runCli([...profileAsFlags('alice', 'alice.gh'), '--password-stdin', '--yes'], {
		input: `${team.password}\n${mirror.password}\n`,
		env: envFor(homeFlags),
		cwd,
	});
	assert.equal(flags.code, 0, flags.stderr);
	assert.deepEqual(byWizard, {home: filesUnder(join(homeFlags, '.docker')), project: filesUnder(outputDir)});
	assert.deepEqual(Object.keys(byWizard.project).sort(), [
		'kubernetes/jobs/regcred.secret.yaml',
		'kubernetes/pod-example.yaml',
		'kubernetes/web/regcred.secret.yaml',
	]);
	assert.deepEqual(JSON.parse(byWizard.home['config.json']!).credHelpers, {[team.host]: 'regauth', [mirror.host]: 'regauth'});
});
