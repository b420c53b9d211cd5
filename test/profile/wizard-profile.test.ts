// The wizard with a team profile, in a real pseudo-terminal, started in a subdirectory of the
// repository: two real registries (the wizard checks each login), gnome-keyring in a private
// D-Bus session for the keychain the profile requires. It must ask only for user names and
// tokens, and write what the equivalent headless command writes.
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {runInPty} from '../support/pty.js';
import {startRegistry} from '../support/registry.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';

function filesUnder(dir: string): Record<string, string> {
	if (!existsSync(dir)) return {};
	const found: Record<string, string> = {};
	for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true}))
		if (entry.isFile()) found[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
	return found;
}

test('the wizard in a subdirectory finds the profile, asks only for user and token, and writes what the flags write', async () => {
	const dir = tempDir();
	const keyring = startKeyring(join(dir, 'keyring'));
	const [team, mirror] = await Promise.all([
		startRegistry(join(dir, 'team'), {username: 'alice', password: 'team-T0ken'}),
		startRegistry(join(dir, 'mirror'), {username: 'alice.gh', password: 'mirror-T0ken'}),
	]);
	const repo = join(dir, 'repo');
	const cwd = join(repo, 'services', 'api');
	mkdirSync(join(repo, '.git'), {recursive: true});
	mkdirSync(cwd, {recursive: true});
	writeFileSync(
		join(repo, '.regauth.yaml'),
		`welcome: Welcome to the payments team.
registries:
  - host: ${team.host}
    name: Team registry
    username-hint: your LDAP name
    token-url: https://registry.team.example/tokens
    scopes: [read]
  - host: ${mirror.host}
    name: Mirror
targets: [docker, kubernetes]
kubernetes:
  namespaces: [web, jobs]
keychain:
  policy: required
  stores: [regauth]
output-dir: deploy/regauth
`,
	);
	const homeWizard = join(dir, 'home-wizard');
	const homeFlags = join(dir, 'home-flags');
	mkdirSync(homeWizard);
	mkdirSync(homeFlags);
	const envFor = (home: string) => cleanEnv(home, {...keyring.env, HOME: home, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});
	const outputDir = join(repo, 'deploy', 'regauth');

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
	const flags = await runCli(
		[
			'-r',
			team.host,
			'-r',
			mirror.host,
			'-u',
			'alice',
			'-u',
			'alice.gh',
			'-t',
			'docker,kubernetes',
			'-n',
			'web',
			'-n',
			'jobs',
			'--keychain',
			'regauth',
			'-o',
			outputDir,
			'--password-stdin',
			'--yes',
		],
		{input: `${team.password}\n${mirror.password}\n`, env: envFor(homeFlags), cwd},
	);
	assert.equal(flags.code, 0, flags.stderr);
	assert.deepEqual(byWizard, {home: filesUnder(join(homeFlags, '.docker')), project: filesUnder(outputDir)});
	assert.deepEqual(Object.keys(byWizard.project).sort(), [
		'kubernetes/jobs/regcred.secret.yaml',
		'kubernetes/pod-example.yaml',
		'kubernetes/web/regcred.secret.yaml',
	]);
	assert.deepEqual(JSON.parse(byWizard.home['config.json']!).credHelpers, {[team.host]: 'regauth', [mirror.host]: 'regauth'});
});
