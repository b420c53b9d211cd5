// The login inside a private directory: the same plan() as every other regauth run, for the
// docker and podman targets, with DOCKER_CONFIG and REGISTRY_AUTH_FILE pointing into the
// directory. Files only: no keychain, no journal (undo has nothing to restore: the directory
// goes away with the run), no `docker login`.
import {readdir, symlink} from 'node:fs/promises';
import {dirname, join, relative} from 'node:path';
import type {Answers, ResolvedCredential} from '../answers.js';
import {writeFileAtomic} from '../apply/atomic-write.js';
import {podmanKey} from '../authfile/meaning.js';
import {dockerConfigPath, type Environment, podmanAuthPath, podmanRuntimeAuthPath} from '../environment.js';
import {plan, plannedReads} from '../plan.js';
import {probeEnvironment, readFileState, readMachine} from '../probe.js';
import {type Inherited, inheritDockerConfig, inheritPodmanAuth} from './inherit.js';
import type {PrivateDir} from './private-dir.js';

/** Why the login could not be written; `usage` means the input is what to fix (exit 2). */
export class PrivateLoginError extends Error {
	constructor(
		message: string,
		readonly usage: boolean,
	) {
		super(message);
	}
}

export interface PrivateLoginOptions {
	/** Start from the user's docker config and podman auth files (--inherit). */
	inherit: boolean;
	processEnv: NodeJS.ProcessEnv;
}

/** The environment a child of `regauth exec` (or a later Actions step) gets. */
export function privateVariables(dir: PrivateDir): {DOCKER_CONFIG: string; REGISTRY_AUTH_FILE: string} {
	return {DOCKER_CONFIG: dir.dockerConfig, REGISTRY_AUTH_FILE: dir.authFile};
}

function answersFor(answers: Answers): Answers {
	return {...answers, targets: ['docker', 'podman'], keychain: {kind: 'file'}, destdir: ''};
}

/** The files podman reads, in its order (docs/formats.md §8.1): only REGISTRY_AUTH_FILE when set. */
function podmanSources(env: Environment): string[] {
	if (env.vars.REGISTRY_AUTH_FILE) return [env.vars.REGISTRY_AUTH_FILE];
	const runtime = podmanRuntimeAuthPath(env);
	return [...(runtime ? [runtime] : []), podmanAuthPath(env), dockerConfigPath(env)];
}

async function writeInherited(result: Inherited, to: string): Promise<void> {
	if (result.kind === 'none') return;
	if (result.kind === 'refused') {
		throw new PrivateLoginError(`--inherit: ${result.path} is ${result.reason}; fix it (regauth doctor ${result.path}) or drop --inherit.`, true);
	}
	await writeFileAtomic(to, new TextEncoder().encode(result.text), {mode: 0o600, dirMode: 0o700});
}

/**
 * Docker finds CLI plugins and contexts beside its config (~/.docker/cli-plugins, contexts):
 * link the user's directories in, so `docker buildx` and `docker context` keep working.
 */
async function linkDockerDirs(userDir: string, privateDir: string): Promise<void> {
	const entries = await readdir(userDir, {withFileTypes: true}).catch(() => []);
	for (const entry of entries) {
		if (!entry.isDirectory()) continue;
		await symlink(join(userDir, entry.name), join(privateDir, entry.name)).catch(error => {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		});
	}
}

async function inherit(dir: PrivateDir, credentials: readonly ResolvedCredential[], processEnv: NodeJS.ProcessEnv): Promise<void> {
	const user = await probeEnvironment(processEnv);
	const dockerPath = dockerConfigPath(user);
	const dockerKeys = credentials.map(credential => credential.key);
	await writeInherited(inheritDockerConfig(dockerPath, await readFileState(dockerPath), dockerKeys), join(dir.dockerConfig, 'config.json'));
	await linkDockerDirs(dirname(dockerPath), dir.dockerConfig);
	const sources = await Promise.all(podmanSources(user).map(async path => ({path, state: await readFileState(path)})));
	const podmanKeys = [...new Set([...dockerKeys, ...credentials.map(credential => podmanKey(credential, false))])];
	await writeInherited(inheritPodmanAuth(sources, podmanKeys), dir.authFile);
}

/** Write the login for `answers` (already validated and verified) into `dir`. */
export async function writePrivateLogin(
	dir: PrivateDir,
	answers: Answers,
	credentials: readonly ResolvedCredential[],
	options: PrivateLoginOptions,
): Promise<void> {
	if (options.inherit) await inherit(dir, credentials, options.processEnv);
	const processEnv = {...options.processEnv, ...privateVariables(dir)};
	const wanted = answersFor(answers);
	const env = await readMachine(processEnv, snapshot => plannedReads(wanted, snapshot));
	const result = plan(wanted, env);
	if (result.issues.length > 0) throw new PrivateLoginError(result.issues.map(issue => `${issue.flag}: ${issue.message}`).join('\n'), true);
	const blocked = result.artifacts.filter(artifact => artifact.blocked).map(artifact => artifact.blocked!);
	if (blocked.length > 0) throw new PrivateLoginError(blocked.join('\n'), false);
	// With the keychain off and inherited routes neutralised, nothing is stored outside the directory.
	const outside = result.commands.filter(command => command.role === 'store');
	if (outside.length > 0)
		throw new PrivateLoginError(`refusing to store outside the private directory: ${outside.map(command => command.display).join('; ')}`, false);
	for (const artifact of result.artifacts) {
		const inside = relative(dir.path, artifact.path);
		if (inside.startsWith('..') || inside === '') throw new PrivateLoginError(`the plan would write ${artifact.path}, outside ${dir.path}`, false);
		await writeFileAtomic(artifact.path, artifact.bytes, {mode: artifact.mode, dirMode: 0o700});
	}
}
