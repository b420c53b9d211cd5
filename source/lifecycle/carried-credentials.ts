// The registries a rotation must keep: a file one apply wrote whole for several registries (a
// Secret manifest, a Mesos archive, Butane/Ignition) is rewritten by the rotation of any of them,
// so the others' credentials are read back from it, unchanged (docs/lifecycle.md §5). Used by
// `regauth rotate` and the wizard's rotation alike.
import {readFile} from 'node:fs/promises';
import type {Credential} from '../answers.js';
import type {Login} from '../inventory/schema.js';
import {companionsOf, recoverCredential, writtenPath} from './recover-credential.js';
import {rotationAnswers} from './rotate-answers.js';

/** A companion's credential cannot be kept: nothing was changed; the message says the way out. */
export class CarryError extends Error {}

/**
 * The other registries of files the rotation rewrites whole (a Secret manifest, a Mesos archive,
 * Butane/Ignition written by one apply for several registries), read back from those files; a
 * rotation that would drop one of them is refused (CarryError), naming the file and the way
 * out. The wizard's rotation adds the credentials to its answers the same way (docs/lifecycle.md §5).
 */
export async function carriedCredentials(
	login: Login,
	logins: readonly Login[],
	raw: string = login.registry,
): Promise<Array<{credential: Credential; paths: string[]}>> {
	const carried: Array<{credential: Credential; paths: string[]}> = [];
	const {outputDir} = rotationAnswers(login);
	for (const companion of companionsOf(login, logins)) {
		const {registry, username} = companion.login;
		let password: string | undefined;
		let email = '';
		for (const path of companion.paths.map(recorded => writtenPath(login, recorded, outputDir))) {
			const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => error);
			const found =
				bytes instanceof Error
					? {ok: false as const, reason: `it cannot be read (${bytes.code ?? bytes.message})`}
					: recoverCredential(companion.login, path, bytes);
			const refuse = (why: string) =>
				new CarryError(
					`rotate ${raw}: ${path} also holds ${registry} (user ${username}), written by the same login, and rotating rewrites the whole file; ${why}, so regauth cannot keep ${registry} in it and changed nothing. Log in to both again in one run instead (regauth -r ${login.answers.registry} -u ${login.username} -r ${companion.login.answers.registry} -u ${username} --password-stdin …, one password per line), or log out of ${registry} first.`,
				);
			if (!found.ok) throw refuse(found.reason);
			if (password !== undefined && found.password !== password) throw refuse(`its credential for ${registry} differs from the one in ${companion.paths[0]}`);
			password = found.password;
			email = found.email;
		}
		carried.push({
			credential: {registry: companion.login.answers.registry, username, password: password!, email: email || companion.login.answers.email},
			paths: companion.paths,
		});
	}
	return carried;
}
