// Where a cloud registry's password comes from on the command line: --gar-key-file (a Google
// service-account key), or — with no password source at all — the cloud's own CLI. Afterwards
// every credential gets the user name its service expects when none was given.
import {readFile} from 'node:fs/promises';
import type {Answers} from '../answers.js';
import {canMint, fillFixedUsernames, isGar, mintCredentials} from '../registries/cloud-credentials.js';
import {KEY_FILE_USER, keyAccount, serviceAccountKeyProblem} from '../registries/service-account-key.js';
import {FailureError, UsageError} from './errors.js';

/** Every registry is one regauth can get a token for by itself. */
export function allMintable(answers: Answers): boolean {
	return answers.credentials.length > 0 && answers.credentials.every(credential => canMint(credential.registry));
}

/** Registries the user must give a password for, for the "--password-stdin is required" message. */
export function needPassword(answers: Answers): string[] {
	return answers.credentials.filter(credential => !canMint(credential.registry)).map(credential => credential.registry);
}

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
export async function mintFromClis(answers: Answers, env: NodeJS.ProcessEnv): Promise<string[]> {
	const outcome = await mintCredentials(answers, env);
	if (!outcome.ok) throw outcome.usage ? new UsageError(outcome.message) : new FailureError(outcome.message);
	return outcome.lines;
}

export {fillFixedUsernames};
