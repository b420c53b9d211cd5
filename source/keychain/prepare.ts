// Everything regauth reads from a keychain happens here, before plan() (which stays pure): the
// probe of the chosen keychain, and the credentials remembered for --from-keychain / the
// wizard's "use the stored credential" choice, filled into the answers.
import type {Answers, Credential} from '../answers.js';
import type {Environment} from '../environment.js';
import {registryKey} from '../formats/registry-key.js';
import {routesToHelper} from '../targets/specs.js';
import {formatProblem, type KeychainStatus} from './diagnose.js';
import {probeKeychain, readRemembered} from './helper-client.js';
import {HELPER_NAME, KEYCHAIN_SERVICE} from './names.js';

/** The keychain is unusable (exit 1) or lacks what was asked for (exit 2); the message says what to do. */
export class KeychainError extends Error {
	constructor(
		message: string,
		readonly exitCode: 1 | 2,
	) {
		super(message);
	}
}

export interface RememberedUse {
	host: string;
	key: string;
	username: string;
}

export interface Preparation {
	/** Set when a keychain was checked; merge into the Environment given to plan(). */
	keychain?: KeychainStatus;
	remembered: RememberedUse[];
}

export interface PrepareOptions {
	/** Read every credential's username and password from regauth's keychain. */
	fromKeychain: boolean;
	processEnv?: NodeJS.ProcessEnv;
	timeoutMs?: number;
}

/**
 * Fill one credential's username and password from regauth's keychain (the wizard calls this
 * per registry after probeKeychain() said the keychain works). Undefined when the registry is
 * invalid (plan() reports that); throws KeychainError when nothing usable is stored.
 */
export async function rememberCredential(
	credential: Credential,
	env: Pick<Environment, 'regauthHelper'>,
	options: {timeoutMs?: number; processEnv?: NodeJS.ProcessEnv} = {},
): Promise<RememberedUse | undefined> {
	const parsed = registryKey(credential.registry);
	if (!parsed.ok) return undefined;
	const {key, host} = parsed.value;
	const found = await readRemembered(env, key, options);
	if (!found.found) {
		if ('problem' in found) throw new KeychainError(`--from-keychain: ${formatProblem(found.problem)}`, 1);
		throw new KeychainError(
			`--from-keychain: the keychain holds no regauth credential for ${host} (item ${KEYCHAIN_SERVICE}/${key}). Store one first: printf '%s' "$TOKEN" | regauth -r ${host} -u USER --password-stdin -t docker --keychain regauth --yes; or give the password with --password-stdin instead.`,
			2,
		);
	}
	if (found.username === '<token>') {
		throw new KeychainError(
			`--from-keychain: the keychain holds an identity token for ${host} (docker login stored it), which only docker can use; Kubernetes and the other outputs need a username and password: use --password-stdin.`,
			2,
		);
	}
	if (credential.username !== '' && credential.username !== found.username) {
		throw new KeychainError(
			`--from-keychain: the credential remembered for ${host} is for user ${found.username}, not ${credential.username}; drop --username or give the password with --password-stdin.`,
			2,
		);
	}
	credential.username = found.username;
	credential.password = found.secret;
	credential.fromKeychain = true;
	return {host, key, username: found.username};
}

/** The helper a keychain choice stores through, if it can be run (on PATH, or regauth's bundle). */
function chosenHelper(answers: Answers, env: Environment): string | undefined {
	if (!answers.targets.some(routesToHelper)) return undefined;
	if (answers.keychain.kind === 'regauth') return env.regauthHelper || env.helpers.includes(HELPER_NAME) ? HELPER_NAME : undefined;
	if (answers.keychain.kind === 'helper') return env.helpers.includes(answers.keychain.name) ? answers.keychain.name : undefined;
	return undefined;
}

export async function prepareKeychain(answers: Answers, env: Environment, options: PrepareOptions): Promise<Preparation> {
	const probeOptions = {...(options.processEnv ? {processEnv: options.processEnv} : {}), ...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {})};
	const result: Preparation = {remembered: []};
	if (options.fromKeychain) {
		if (!env.regauthHelper && !env.helpers.includes(HELPER_NAME)) {
			throw new KeychainError(
				'--from-keychain: docker-credential-regauth was not found beside regauth nor on PATH; reinstall regauth (npm install && npm link in its checkout).',
				1,
			);
		}
		// A locked keyring answers reads with "nothing stored": only a write tells it is locked.
		const status = await probeKeychain(env, HELPER_NAME, probeOptions);
		result.keychain = status;
		if (!status.ok) throw new KeychainError(`--from-keychain: ${formatProblem(status.problem)}`, 1);
		for (const credential of answers.credentials) {
			const use = await rememberCredential(credential, env, probeOptions);
			if (use) result.remembered.push(use);
		}
	}
	const helper = chosenHelper(answers, env);
	if (helper && !(result.keychain && result.keychain.helper === helper)) result.keychain = await probeKeychain(env, helper, probeOptions);
	return result;
}
