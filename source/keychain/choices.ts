// The keychain question, as data for the wizard (pure): which places can keep the secret on
// this machine, the recommended one first, each with why it is or is not available. The UI
// renders these; the choice goes into answers.keychain; prepareKeychain() checks it.
import {type KeychainChoice, TARGET_IDS, type TargetId} from '../answers.js';
import type {Environment} from '../environment.js';
import {routesToHelper, SPECS, targetSpec} from '../targets/specs.js';
import {installHint} from './helper-checks.js';
import {HELPER_NAME} from './names.js';

export interface KeychainOption {
	choice: KeychainChoice;
	label: string;
	/** One line: what it means for the user. */
	hint: string;
	/** False when it cannot work here; `hint` then says what is missing. */
	available: boolean;
	/** Writing the secret to disk: the UI must show this before the user picks it. */
	warning?: string;
}

const DOCKER_HELPERS: Record<string, string> = {
	secretservice: "Docker's Secret Service helper (GNOME Keyring, KWallet, KeePassXC)",
	pass: "Docker's pass helper (GPG-encrypted files; needs pass init)",
	osxkeychain: "Docker's macOS Keychain helper",
	wincred: "Docker's Windows Credential Manager helper",
	desktop: "Docker Desktop's helper",
	'desktop.exe': "Docker Desktop's helper (WSL)",
};

/** The stores that keep a password: regauth's own and docker's (a team profile may name only these). */
export const PASSWORD_STORES = ['regauth', ...Object.keys(DOCKER_HELPERS)];

/** Helpers that mint short-lived tokens for one cloud's registry: `store` does not keep a password. */
const TOKEN_HELPERS: Record<string, string> = {
	gcloud: 'gets tokens from gcloud for Google registries',
	gcr: 'gets tokens for Google Container Registry',
	'ecr-login': 'gets tokens from AWS for ECR',
	'acr-env': 'gets tokens from Azure for ACR',
};

export function keychainOptions(env: Pick<Environment, 'helpers' | 'regauthHelper'>): KeychainOption[] {
	const ownAvailable = Boolean(env.regauthHelper) || env.helpers.includes(HELPER_NAME);
	const options: KeychainOption[] = [
		{
			choice: {kind: 'regauth'},
			label: 'OS keychain (regauth)',
			hint: ownAvailable
				? 'the secret goes into the OS keychain; config.json only names docker-credential-regauth'
				: 'docker-credential-regauth was not found beside regauth: reinstall regauth (npm install && npm link in its checkout)',
			available: ownAvailable,
		},
	];
	const helpers = new Set([...env.helpers.filter(name => name !== HELPER_NAME), 'secretservice', 'pass']);
	for (const name of helpers) {
		if (TOKEN_HELPERS[name]) continue;
		const onPath = env.helpers.includes(name);
		options.push({
			choice: {kind: 'helper', name},
			label: DOCKER_HELPERS[name] ?? `docker-credential-${name}`,
			hint: onPath ? `docker-credential-${name} on PATH stores it` : `docker-credential-${name} is not installed: ${installHint(name)}`,
			available: onPath,
		});
	}
	options.push({
		choice: {kind: 'file'},
		label: 'Plain config.json',
		hint: 'base64 in ~/.docker/config.json, as docker login does without a helper',
		available: true,
		warning: 'base64 is not encryption: anyone who can read the file can use the password.',
	});
	return options;
}

/** One sentence on which chosen-or-not outputs can read the secret from a keychain, from the target declarations. */
export function keychainReach(): string {
	const names = (ids: readonly TargetId[]) => {
		const list = ids.map(id => targetSpec(id).outputName);
		return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list.join('');
	};
	const routing = TARGET_IDS.filter(routesToHelper);
	const holding = SPECS.map(spec => spec.id).filter(id => !routesToHelper(id));
	return `${names(routing)} can read it from a keychain; the ${names(holding)} outputs always hold it.`;
}
