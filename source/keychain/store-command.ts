// The command that puts a credential into a credential helper (`docker-credential-<name> store`,
// the credential as JSON on stdin: docs/formats.md §2.1). Pure, so plan() can show and order it;
// the docker and podman targets and doctor --fix all store this way.
import type {KeychainChoice, ResolvedCredential, TargetId} from '../answers.js';
import type {Environment} from '../environment.js';
import {goJson} from '../formats/go-json.js';
import {shellJoin} from '../formats/shell-quote.js';
import type {Command} from '../plan-types.js';
import {helperArgv} from './helper-argv.js';
import {HELPER_NAME} from './names.js';

/** The helper suffix (docker-credential-<suffix>) a keychain choice stores through. */
export function helperName(choice: KeychainChoice): string | undefined {
	if (choice.kind === 'regauth') return 'regauth';
	if (choice.kind === 'helper') return choice.name;
	return undefined;
}

/**
 * `docker-credential-<name> store`. With `env`, regauth's own helper runs from the bundle beside
 * the CLI: apply stores before it writes files, so a launcher planned for PATH does not exist yet.
 * Docker's own helpers keep one item per server *and user* (secretservice, pass) and `get` returns
 * any of them, so a second user would not replace the first: those are erased for the server
 * first, and the display says so (docs/formats.md §2.3). regauth's helper keys by server alone.
 */
export function helperStoreCommand(target: TargetId, helper: string, credential: ResolvedCredential, env?: Pick<Environment, 'regauthHelper'>): Command {
	const program = `docker-credential-${helper}`;
	const argv = [...(env ? helperArgv(env, helper) : [program]), 'store'];
	const stored = `${shellJoin([program, 'store'])}  # {"ServerURL":"${credential.key}","Username":"${credential.username}","Secret":…} on stdin`;
	const eraseFirst = helper !== HELPER_NAME;
	return {
		id: `${target}:store:${credential.key}`,
		target,
		title: `Store the ${credential.host} credential in the keychain (docker-credential-${helper})`,
		argv,
		input: `${goJson({ServerURL: credential.key, Username: credential.username, Secret: credential.password})}\n`,
		display: eraseFirst ? `printf '%s' ${shellJoin([credential.key])} | ${shellJoin([program, 'erase'])}; ${stored}` : stored,
		role: 'store',
		timeoutMs: 30_000,
		...(eraseFirst ? {strategy: {kind: 'erase-then-store' as const, erase: [...argv.slice(0, -1), 'erase']}} : {}),
		// The exact program, not its PATH name: undo removes the launcher that put it on PATH.
		revert: `printf '%s' ${shellJoin([credential.key])} | ${shellJoin([...argv.slice(0, -1), 'erase'])}`,
	};
}
