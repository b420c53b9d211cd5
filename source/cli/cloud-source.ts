// Where a cloud registry's password comes from on the command line: --gar-key-file (a Google
// service-account key), or — with no password source at all — the cloud's own CLI. Afterwards
// every credential gets the user name its service expects when none was given.
import {readFile} from 'node:fs/promises';
import type {Answers} from '../answers.js';
import {registryKey} from '../formats/registry-key.js';
import {programsOnPath} from '../probe.js';
import {canMint, fillFixedUsernames, guideOf, isGar, mintCredentials} from '../registries/cloud-credentials.js';
import {cloudRoute} from '../registries/cloud-route.js';
import {KEY_FILE_USER, keyAccount, serviceAccountKeyProblem} from '../registries/service-account-key.js';
import {routesToHelper} from '../targets/specs.js';
import {FailureError, UsageError} from './errors.js';

/** Every registry that still needs a secret is one regauth can get a token for by itself. */
export function allMintable(answers: Pick<Answers, 'credentials'>): boolean {
	return answers.credentials.length > 0 && answers.credentials.every(credential => canMint(credential.registry));
}

/** Registries the user must give a password for, for the "--password-stdin is required" message. */
export function needPassword(answers: Pick<Answers, 'credentials'>): string[] {
	return answers.credentials.filter(credential => !canMint(credential.registry)).map(credential => credential.registry);
}

/**
 * Marks the credentials no output needs a secret for, when the cloud's CLI that would mint one is
 * not installed: every chosen target routes the host to its cloud's credential helper
 * (credHelpers, this host only) and that helper is on PATH, so docker and podman get fresh tokens
 * from it and nothing here needs a token. With the CLI installed regauth still mints one, to check
 * the cloud login with the registry before writing. Returns one line per marked credential.
 */
export async function markHelperRouted(answers: Answers, processEnv: NodeJS.ProcessEnv): Promise<string[]> {
	if (answers.targets.length === 0 || !answers.targets.every(routesToHelper)) return [];
	const candidates = answers.credentials.filter(credential => guideOf(credential.registry)?.tokenCommand && guideOf(credential.registry)?.helper);
	if (candidates.length === 0) return [];
	const programs = await programsOnPath(
		processEnv.PATH,
		candidates.map(credential => guideOf(credential.registry)!.tokenCommand!.file),
	);
	const helpers = [...programs.keys()].filter(name => name.startsWith(HELPER_PREFIX)).map(name => name.slice(HELPER_PREFIX.length));
	const lines: string[] = [];
	for (const credential of candidates) {
		const key = registryKey(credential.registry);
		const cli = guideOf(credential.registry)!.tokenCommand!.file;
		if (!key.ok || programs.has(cli)) continue;
		const route = cloudRoute({host: key.value.host, username: credential.username}, {helpers});
		if (!route?.present) continue;
		credential.viaHelper = route.helper;
		lines.push(
			`${key.value.host}: ${cli} is not installed, and ${answers.targets.join(' and ')} will ask docker-credential-${route.helper} for a fresh token on every pull: no token is needed now, so none is fetched and the login is not checked here.`,
		);
	}
	return lines;
}

const HELPER_PREFIX = 'docker-credential-';

export async function readGarKeyFile(answers: Answers, file: string): Promise<string> {
	if (file.trim() === '') throw new UsageError('--gar-key-file is empty: give the service-account key file (JSON) Google gave you.');
	const gar = answers.credentials.filter(credential => isGar(credential.registry));
	if (gar.length !== answers.credentials.length) {
		const others = answers.credentials.filter(credential => !isGar(credential.registry)).map(credential => credential.registry);
		throw new UsageError(
			`--gar-key-file is for Google Artifact Registry (*-docker.pkg.dev, gcr.io); ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not. Run regauth once per kind of credential.`,
		);
	}
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new UsageError(`--gar-key-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
	}
	const problem = serviceAccountKeyProblem(text);
	if (problem) throw new UsageError(`--gar-key-file ${file} ${problem}.`);
	for (const credential of gar) {
		if (credential.username !== '' && credential.username !== KEY_FILE_USER) {
			throw new UsageError(`--username ${credential.username}: a service-account key goes with user ${KEY_FILE_USER}. Drop --username.`);
		}
		credential.username = KEY_FILE_USER;
		credential.password = text.replace(/\s+$/, '');
	}
	return `the key of ${keyAccount(text)} (user ${KEY_FILE_USER})`;
}

/** Tokens from the cloud CLIs; the lines say where each came from (never the token). */
export async function mintFromClis(answers: Pick<Answers, 'credentials'>, env: NodeJS.ProcessEnv): Promise<string[]> {
	const outcome = await mintCredentials(answers, env);
	if (!outcome.ok) throw outcome.usage ? new UsageError(outcome.message) : new FailureError(outcome.message);
	return outcome.lines;
}

export {fillFixedUsernames};
