// "Save these answers as a team profile" at the end of a real wizard run in a repository without
// one (pseudo-terminal, real registry): the file holds no secret or user name, passes the schema,
// and the next developer's headless run with it plans what the first run's flags plan.
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {runInPty} from '../support/pty.js';
import {openOtherRegistry} from '../support/pty-home.js';
import {startRegistry} from '../support/registry.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';

test('a wizard run saves a profile without secrets that re-runs to the same plan', async () => {
	const registry = await startRegistry(join(tempDir(), 'registry'), {username: 'alice', password: 'wizard-S3cret'});
	const dir = tempDir();
	const repo = join(dir, 'repo');
	const cwd = join(repo, 'app');
	mkdirSync(join(repo, '.git'), {recursive: true});
	mkdirSync(cwd, {recursive: true});
	const home = join(dir, 'home');
	mkdirSync(home);
	const env = {...cleanEnv(home), TERM: 'xterm-256color', CI: 'false'};

	const run = runInPty(process.execPath, [CLI], {cwd, env});
	await run.waitFor(/Which registry\?/);
	await openOtherRegistry(run);
	await run.typeSlowly(registry.host);
	await run.press(ENTER);
	await run.typeSlowly(registry.username);
	await run.press(ENTER);
	await run.typeSlowly(registry.password);
	await run.press(ENTER, ENTER);
	await run.waitFor(/Continue with 1 registry/, 15_000);
	await run.press(ENTER);
	await run.waitFor(/What should regauth configure\?/);
	await run.press(ENTER); // docker, the default
	await run.waitFor(/Where should the password be kept\?/);
	// No keychain works here (no session bus): the highlight starts on the plain file.
	await run.waitFor(/❯ Plain config\.json/);
	await run.press(ENTER);
	await run.waitFor(/base64 is not encryption/);
	await run.press(ENTER);
	await run.waitFor(/Write the files/);
	await run.press(ENTER);
	await run.waitFor(/Press Enter to finish/, 15_000);
	await run.press(ENTER);
	await run.waitFor(/Save these answers as a team profile in \.\.\/\.regauth\.yaml\?/);
	await run.press('y');
	await run.waitFor(/wrote \.\.\/\.regauth\.yaml/);
	assert.equal((await run.exit).exitCode, 0);

	const saved = readFileSync(join(repo, '.regauth.yaml'), 'utf8');
	assert.ok(!saved.includes(registry.password) && !saved.includes('alice'), saved);
	assert.match(saved, new RegExp(`host: ${registry.host.replaceAll('.', '\\.')}`));
	const check = await runCli(['profile', 'check', '.regauth.yaml'], {env: cleanEnv(home), cwd: repo});
	assert.equal(check.code, 0, check.stderr);

	const flags = await runCli(['-r', registry.host, '-u', 'alice', '-t', 'docker', '--keychain', 'file', '--password-stdin', '--dry-run', '--json'], {
		input: registry.password,
		env: cleanEnv(home),
		cwd,
	});
	const withProfile = await runCli(['--profile', '../.regauth.yaml', '-u', 'alice', '--password-stdin', '--dry-run', '--json'], {
		input: registry.password,
		env: cleanEnv(home),
		cwd,
	});
	assert.equal(withProfile.code, 0, withProfile.stderr);
	assert.deepEqual(JSON.parse(withProfile.stdout).plan, JSON.parse(flags.stdout).plan);
});
