// The set-up the profile tests share: a repository with a team profile (.regauth.yaml at its root,
// the run started two folders down), two real registries it names, and gnome-keyring in a private
// D-Bus session for the keychain the profile requires.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {startKeyring} from '../support/keyring.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

export async function teamRepo(options: {mirrorUser: string; tokenHelp?: string}) {
	const dir = tempDir();
	const keyring = startKeyring(join(dir, 'keyring'));
	const [team, mirror] = await Promise.all([
		startRegistry(join(dir, 'team'), {username: 'alice', password: 'team-T0ken'}),
		startRegistry(join(dir, 'mirror'), {username: options.mirrorUser, password: 'mirror-T0ken'}),
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
${options.tokenHelp ? `    token-help: ${options.tokenHelp}\n` : ''}    token-url: https://registry.team.example/tokens
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
	/** A home of its own per run; regauth's launcher goes into ~/.local/bin, which is on PATH. */
	const envFor = (home: string) => cleanEnv(home, {...keyring.env, HOME: home, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});
	const outputDir = join(repo, 'deploy', 'regauth');
	/** The command-line flags that say what the profile says, with these users (one per registry, or one for both). */
	const profileAsFlags = (...users: string[]) => [
		'-r',
		team.host,
		'-r',
		mirror.host,
		...users.flatMap(user => ['-u', user]),
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
	];
	return {dir, keyring, team, mirror, repo, cwd, envFor, outputDir, profileAsFlags};
}

/** Every file under `dir`, by relative path, with its text. */
export function filesUnder(dir: string): Record<string, string> {
	if (!existsSync(dir)) return {};
	const found: Record<string, string> = {};
	for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
		if (entry.isFile()) found[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
	}
	return found;
}
