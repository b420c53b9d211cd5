// `regauth --profile FILE` headless, end to end with real parts: two real registries (the
// credential check runs against both), gnome-keyring in a private D-Bus session for the keychain
// the profile requires, and the built CLI started from a subdirectory of the repository.
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {TARGET_IDS} from '../../source/answers.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {filesUnder, teamRepo} from './team-repo.js';

test('a profile with two registries, Kubernetes namespaces and a required keychain plans and writes what the same flags do', async () => {
	const {dir, team, mirror, repo, cwd, envFor, outputDir, profileAsFlags} = await teamRepo({
		mirrorUser: 'alice',
		tokenHelp: "Create a read-only token on the registry's tokens page.",
	});
	const homeFlags = join(dir, 'home-flags');
	const homeProfile = join(dir, 'home-profile');
	mkdirSync(homeFlags);
	mkdirSync(homeProfile);
	const passwords = `${team.password}\n${mirror.password}\n`;
	const flags = profileAsFlags('alice');
	const withProfile = ['--profile', join(repo, '.regauth.yaml'), '-u', 'alice'];

	// The plans, from the same HOME and directory: identical.
	const flagPlan = await runCli([...flags, '--password-stdin', '--dry-run', '--json'], {input: passwords, env: envFor(homeFlags), cwd});
	const profilePlan = await runCli([...withProfile, '--password-stdin', '--dry-run', '--json'], {input: passwords, env: envFor(homeFlags), cwd});
	assert.equal(flagPlan.code, 0, flagPlan.stderr);
	assert.equal(profilePlan.code, 0, profilePlan.stderr);
	assert.deepEqual(JSON.parse(profilePlan.stdout).plan, JSON.parse(flagPlan.stdout).plan);
	assert.match(profilePlan.stderr, /using the team profile .*\.regauth\.yaml/);
	assert.match(profilePlan.stderr, /Kubernetes Secrets files, which hold it in plain text/);
	assert.doesNotMatch(profilePlan.stderr, /kept in plain text \(base64\) in the Docker/, 'the keychain holds the docker login');

	// The files written: byte for byte the same.
	const flagRun = await runCli([...flags, '--password-stdin', '--yes'], {input: passwords, env: envFor(homeFlags), cwd});
	assert.equal(flagRun.code, 0, flagRun.stderr);
	const byFlags = {home: filesUnder(join(homeFlags, '.docker')), project: filesUnder(outputDir)};
	rmSync(outputDir, {recursive: true});
	const profileRun = await runCli([...withProfile, '--password-stdin', '--yes'], {input: passwords, env: envFor(homeProfile), cwd});
	assert.equal(profileRun.code, 0, profileRun.stderr);
	const byProfile = {home: filesUnder(join(homeProfile, '.docker')), project: filesUnder(outputDir)};
	assert.deepEqual(byProfile, byFlags);
	assert.deepEqual(Object.keys(byProfile.project).sort(), [
		'kubernetes/jobs/regcred.secret.yaml',
		'kubernetes/pod-example.yaml',
		'kubernetes/web/regcred.secret.yaml',
	]);
	assert.deepEqual(JSON.parse(byProfile.home['config.json']!).credHelpers, {[team.host]: 'regauth', [mirror.host]: 'regauth'});
});

test('flags replace what the profile says and the run says so; a required keychain refuses the file store, naming the profile', async () => {
	const dir = tempDir();
	const repo = join(dir, 'repo');
	mkdirSync(join(repo, '.git'), {recursive: true});
	const home = join(dir, 'home');
	mkdirSync(home);
	writeFileSync(
		join(repo, '.regauth.yaml'),
		'registries: [{host: registry.team.example}]\ntargets: [docker, kubernetes]\nkubernetes: {namespaces: [web]}\nkeychain: {policy: required}\n',
	);
	const profile = ['--profile', '.regauth.yaml', '-u', 'alice', '--password-stdin', '--no-verify'];

	const replaced = await runCli([...profile, '-t', 'kubernetes', '-n', 'jobs', '--dry-run', '--json'], {input: 'tok', env: cleanEnv(home), cwd: repo});
	assert.equal(replaced.code, 0, replaced.stderr);
	assert.match(replaced.stderr, /the command line replaces the profile's targets \(by --target\)/);
	assert.match(replaced.stderr, /the command line replaces the profile's kubernetes\.namespaces \(by --namespace\)/);
	const paths = (JSON.parse(replaced.stdout).plan.artifacts as {path: string}[]).map(artifact => relative(repo, artifact.path));
	assert.deepEqual(paths, ['regauth/kubernetes/jobs/regcred.secret.yaml', 'regauth/kubernetes/pod-example.yaml']);

	// The profile's namespaces with the command line's -t docker: the profile's setting is not used,
	// and no flag the user never typed is blamed.
	const narrowedHome = join(dir, 'home-narrowed');
	mkdirSync(narrowedHome);
	const narrowed = await runCli([...profile, '-t', 'docker', '--keychain', 'regauth', '--dry-run'], {input: 'tok', env: cleanEnv(narrowedHome), cwd: repo});
	assert.match(narrowed.stderr, /the profile's kubernetes\.namespaces is not used: the targets chosen here do not include kubernetes/);
	assert.doesNotMatch(narrowed.stderr, /--namespace is ignored/);

	const refused = await runCli([...profile, '--keychain', 'file', '--yes'], {input: 'tok', env: cleanEnv(home), cwd: repo});
	assert.equal(refused.code, 1);
	assert.match(
		refused.stderr,
		/The team profile \.regauth\.yaml requires a keychain \(keychain\.policy: required\): keeping the password in the config file is refused/,
	);
	assert.deepEqual(readdirSync(home), [], 'nothing was written');
	assert.equal(existsSync(join(repo, 'regauth')), false);
});

test('a malformed profile: line-and-field messages from profile check and --profile, nothing run', async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const bad = join(dir, 'bad.yaml');
	writeFileSync(bad, 'registries:\n  - host: r.example\n    tokn-help: typo\n    scopes: read\ntargets: [docker, nomad]\nwelcome: "hi \\e]0;owned\\a"\n');
	const syntax = join(dir, 'syntax.yaml');
	writeFileSync(syntax, 'registries:\n  - host: [r.example\n');
	const check = await runCli(['profile', 'check', bad, syntax], {env: cleanEnv(home), cwd: dir});
	assert.equal(check.code, 1);
	assert.deepEqual(
		check.stderr
			.trim()
			.split('\n')
			.filter(line => line.startsWith('bad.yaml'))
			.sort(),
		[
			'bad.yaml: line 3: unknown field "tokn-help" in registries[0]: remove it or check its spelling (see the schema for the fields registries[0] takes)',
			'bad.yaml: line 4: registries[0].scopes must be a list, not "read"',
			`bad.yaml: line 5: targets[1] is "nomad": use one of ${TARGET_IDS.join(', ')}`,
			'bad.yaml: line 6: welcome contains a control character, an escape sequence or a bidi override ("hi \\u001b]0;owned\\u0007"); a profile holds plain text only',
		],
	);
	assert.match(check.stderr, /^syntax\.yaml: line 3, column \d+: .*\(YAML syntax\)$/m);
	assert.doesNotMatch(check.stderr, /[\u001b\u0007]/, 'the hostile text never reaches the terminal');

	const run = await runCli(['--profile', bad, '-u', 'alice', '--password-stdin', '--yes'], {input: 'tok', env: cleanEnv(home), cwd: dir});
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--profile bad\.yaml is not a valid team profile:\n {2}bad\.yaml: line 3: unknown field "tokn-help"/);
	assert.deepEqual(readdirSync(home), []);

	const good = join(dir, 'good.yaml');
	writeFileSync(good, 'registries: [{host: r.example}, {host: ghcr.io}]\ntargets: [podman]\n');
	const ok = await runCli(['profile', 'check', good], {env: cleanEnv(home), cwd: dir});
	assert.equal(ok.code, 0, ok.stderr);
	assert.equal(ok.stdout, 'good.yaml: ok — 2 registries, targets podman\n');
});
