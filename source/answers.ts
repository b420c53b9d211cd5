// What the user told regauth (by keys, flags or an import), with defaults and per-field checks.
// Pure: the wizard validates on every keystroke and the CLI before planning, with the same code.
import {type RegistryKey, registryKey} from './formats/registry-key.js';
import {defaultTargetAnswers, type TargetAnswers} from './targets/answers-of-targets.js';
import type {TargetId} from './targets/ids.js';

export {isTargetId, TARGET_IDS, type TargetId} from './targets/ids.js';

export interface Credential {
	/** The registry as typed; normalised by registryKey(). */
	registry: string;
	username: string;
	password: string;
	/** '' when not given (it is deprecated; only written when given). */
	email: string;
	/** The username and password were read from regauth's keychain (not typed). */
	fromKeychain?: boolean;
	/** When a minted token stops working (ISO 8601), if known: a cloud CLI's token, a JWT's exp. */
	expiresAt?: string;
	/** How the password was obtained when regauth minted it (the CLI command, for messages). */
	mintedBy?: string;
	/**
	 * The cloud's credential helper (`ecr-login`) every chosen output routes this host to: no
	 * output holds a secret for it, so none is asked for, minted or checked (docs/cloud-registries.md).
	 */
	viaHelper?: string;
}

/** Where the secret is kept for docker/podman: in the file, regauth's keychain helper, or another docker helper. */
export type KeychainChoice = {kind: 'file'} | {kind: 'regauth'} | {kind: 'helper'; name: string};

/** What the user chose; each target's own answers (answers.kubernetes, …) are declared by the target. */
export interface Answers extends TargetAnswers {
	credentials: Credential[];
	targets: TargetId[];
	keychain: KeychainChoice;
	/** Project files (manifests, archives, Butane) go here; relative to the working directory. */
	outputDir: string;
	/** When set, machine files (~/.docker/config.json, /etc/rkt/…) are staged under it instead. */
	destdir: string;
}

export const DEFAULT_OUTPUT_DIR = 'regauth';

export function emptyCredential(): Credential {
	return {registry: '', username: '', password: '', email: ''};
}

export function defaultAnswers(): Answers {
	return {
		credentials: [],
		targets: ['docker'],
		keychain: {kind: 'file'},
		...defaultTargetAnswers(),
		outputDir: DEFAULT_OUTPUT_DIR,
		destdir: '',
	};
}

// ---- field checks -------------------------------------------------------------------------

/** A problem with one field: `label` names it for the wizard, `flag` for the command line. */
export interface FieldIssue {
	field: string;
	label: string;
	flag: string;
	message: string;
}

export type Check = string | undefined;

export function checkRegistry(raw: string): {value?: RegistryKey; error?: string} {
	const result = registryKey(raw);
	return result.ok ? {value: result.value} : {error: result.message};
}

export interface RobotAccount {
	namespace: string;
	name: string;
}

/**
 * Quay robots are `namespace+shortname` (quay util/names.py); their token is the password.
 * Quay's own patterns: namespace `^(?=.{2,255}$)([a-z0-9]+(?:[._-][a-z0-9]+)*)$`, robot
 * `^[a-z][a-z0-9_]{1,254}$`.
 */
export function robotAccount(username: string): RobotAccount | undefined {
	const match = /^((?=[^+]{2,255}\+)[a-z0-9]+(?:[._-][a-z0-9]+)*)\+([a-z][a-z0-9_]{1,254})$/.exec(username);
	return match ? {namespace: match[1]!, name: match[2]!} : undefined;
}

export function checkUsername(username: string): Check {
	if (username.length === 0) return 'Username is required: enter the account or robot name (for Quay robots, namespace+name).';
	if (username.includes(':')) {
		return 'Username must not contain ":": docker stores "user:password" and splits at the first colon, so every client would read a different user. Remove the colon.';
	}
	if (/[\x00-\x1f\x7f]/.test(username)) return 'Username contains a control character (a pasted newline or tab?); retype it.';
	if (username.trim() !== username) return 'Username starts or ends with a space; remove it.';
	return undefined;
}

export function checkPassword(password: string): Check {
	if (password.length === 0) return 'Password or token is required: paste the token or password for this registry.';
	return undefined;
}

export function checkEmail(email: string): Check {
	if (email === '') return undefined;
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) return 'Email must look like name@example.com, or be left empty (it is optional and deprecated).';
	return undefined;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function checkSecretName(name: string): Check {
	if (name.length === 0) return 'Secret name is required, for example regcred.';
	if (name.length > 253 || !name.split('.').every(part => DNS1123_LABEL.test(part))) {
		return `Secret name "${name}" is not a lowercase RFC 1123 subdomain: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (for example regcred).`;
	}
	return undefined;
}

export function checkNamespace(namespace: string): Check {
	if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) {
		return `Namespace "${namespace}" is not a lowercase RFC 1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`;
	}
	return undefined;
}

/** An image reference (registry/namespace/repo[:tag]), not a URL. */
export function checkImageReference(image: string): Check {
	if (image === '') return undefined;
	if (image.includes('://')) return `Image "${image}" is a URL; an image reference has no scheme: write it as quay.io/team/app:1.0.`;
	// docker/distribution reference grammar, simplified: [host[:port]/]path[:tag][@sha256:digest]
	const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
	const reference = new RegExp(
		`^(?:(?:[a-zA-Z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::\\d+)?/)?${component}(?:/${component})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`,
	);
	if (!reference.test(image)) {
		return `Image "${image}" is not an image reference: use lower-case host/namespace/repository[:tag], as in quay.io/team/app:1.0.`;
	}
	return undefined;
}

/** Docker reads one trailing newline off --password-stdin; so do we (and nothing else). */
export function trimOneNewline(text: string): string {
	return text.replace(/(?:\r\n|\n|\r)$/, '');
}

// ---- whole answers ------------------------------------------------------------------------

export interface ResolvedCredential extends RegistryKey {
	username: string;
	password: string;
	email: string;
	robot?: RobotAccount;
	fromKeychain?: boolean;
	/** ISO 8601; see Credential.expiresAt. The lifecycle inventory records it. */
	expiresAt?: string;
	mintedBy?: string;
	viaHelper?: string;
}

export interface Resolution {
	credentials: ResolvedCredential[];
	issues: FieldIssue[];
	notes: string[];
}

const many = (count: number, index: number) => (count > 1 ? ` (registry ${index + 1})` : '');

/**
 * Validate the credentials and the target list; the credentials that pass are resolved so a
 * partial preview still renders. Each target checks its own options (targets/options.ts).
 */
export function resolveAnswers(answers: Answers): Resolution {
	const issues: FieldIssue[] = [];
	const notes: string[] = [];
	const credentials: ResolvedCredential[] = [];
	const seen = new Map<string, number>();
	const count = answers.credentials.length;
	if (count === 0) issues.push({field: 'registry', label: 'Registry', flag: '--registry', message: 'Add at least one registry, for example quay.io.'});

	answers.credentials.forEach((credential, index) => {
		const at = (field: string) => `credentials.${index}.${field}`;
		const suffix = many(count, index);
		const problems: FieldIssue[] = [];
		const registry = checkRegistry(credential.registry);
		if (registry.error) problems.push({field: at('registry'), label: `Registry${suffix}`, flag: '--registry', message: registry.error});
		const username = checkUsername(credential.username);
		if (username) problems.push({field: at('username'), label: `Username${suffix}`, flag: '--username', message: username});
		const password = credential.viaHelper ? undefined : checkPassword(credential.password);
		if (password) problems.push({field: at('password'), label: `Password${suffix}`, flag: '--password-stdin', message: password});
		const email = checkEmail(credential.email);
		if (email) problems.push({field: at('email'), label: `Email${suffix}`, flag: '--email', message: email});

		if (registry.value) {
			const first = seen.get(registry.value.key);
			if (first !== undefined) {
				problems.push({
					field: at('registry'),
					label: `Registry${suffix}`,
					flag: '--registry',
					message: `Registry ${registry.value.host} is already registry ${first + 1}; each registry can have one credential. Remove one of them.`,
				});
			} else {
				seen.set(registry.value.key, index);
			}
		}
		issues.push(...problems);
		// Planned as soon as its registry is valid (and not a duplicate), so the preview follows
		// the typing from the first field; apply refuses while any issue remains.
		const duplicate = problems.some(problem => problem.field === at('registry'));
		if (!registry.value || duplicate) return;
		const robot = robotAccount(credential.username);
		for (const note of registry.value.notes) notes.push(`Registry${suffix}: ${note}.`);
		credentials.push({
			...registry.value,
			username: credential.username,
			password: credential.password,
			email: credential.email,
			...(robot ? {robot} : {}),
			...(credential.fromKeychain ? {fromKeychain: true} : {}),
			...(credential.expiresAt ? {expiresAt: credential.expiresAt} : {}),
			...(credential.mintedBy ? {mintedBy: credential.mintedBy} : {}),
			...(credential.viaHelper ? {viaHelper: credential.viaHelper} : {}),
		});
	});

	if (answers.targets.length === 0) {
		issues.push({field: 'targets', label: 'Targets', flag: '--target', message: 'Choose at least one target, for example --target docker.'});
	}
	return {credentials, issues, notes};
}
