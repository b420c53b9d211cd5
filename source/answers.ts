// What the user told regauth (by keys, flags or an import), with defaults and per-field checks.
// Pure: the wizard validates on every keystroke and the CLI before planning, with the same code.
import {registryKey, type RegistryKey} from './formats/registry-key.js';

export const TARGET_IDS = ['docker', 'kubernetes', 'rkt', 'mesos', 'butane', 'podman'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export interface Credential {
	/** The registry as typed; normalised by registryKey(). */
	registry: string;
	username: string;
	password: string;
	/** '' when not given (it is deprecated; only written when given). */
	email: string;
	/** The username and password were read from regauth's keychain (not typed). */
	fromKeychain?: boolean;
}

/** Where the secret is kept for docker/podman: in the file, regauth's keychain helper, or another docker helper. */
export type KeychainChoice = {kind: 'file'} | {kind: 'regauth'} | {kind: 'helper'; name: string};

export interface KubernetesOptions {
	/** [] means: no namespace in the manifest, kubectl's current namespace applies. */
	namespaces: string[];
	secretName: string;
	/** '' means the current kubectl context. */
	context: string;
	secretType: 'dockerconfigjson' | 'dockercfg';
	/** '' means: do not patch a ServiceAccount. */
	serviceAccount: string;
	/** Image for the example Pod; '' derives one from the first registry. */
	image: string;
}

export interface RktOptions {
	/** dockerAuth for docker:// images; auth (domains, basic) for HTTPS/ACI fetches. */
	kind: 'dockerAuth' | 'auth';
}

export interface MesosOptions {
	/** Where agents fetch docker.tar.gz from (Marathon `fetch[].uri`). */
	uri: string;
	/** Image of the example Marathon app; '' derives one from the first registry. */
	image: string;
	appId: string;
}

export interface ButaneOptions {
	version: '1.0.0' | '1.1.0';
	/** inline: the secret is inside the config; remote: the config points at a file the user hosts. */
	secret: 'inline' | 'remote';
	/** For remote: the URL where the user will host the generated config.json. */
	remoteUrl: string;
	includeRkt: boolean;
}

export interface Answers {
	credentials: Credential[];
	targets: TargetId[];
	keychain: KeychainChoice;
	kubernetes: KubernetesOptions;
	rkt: RktOptions;
	mesos: MesosOptions;
	butane: ButaneOptions;
	/** Project files (manifests, archives, Butane) go here; relative to the working directory. */
	outputDir: string;
	/** When set, machine files (~/.docker/config.json, /etc/rkt/…) are staged under it instead. */
	destdir: string;
}

export const DEFAULT_SECRET_NAME = 'regcred';
export const DEFAULT_OUTPUT_DIR = 'regauth';
export const DEFAULT_MARATHON_URI = 'file:///etc/docker.tar.gz';

export function emptyCredential(): Credential {
	return {registry: '', username: '', password: '', email: ''};
}

export function defaultAnswers(): Answers {
	return {
		credentials: [],
		targets: ['docker'],
		keychain: {kind: 'file'},
		kubernetes: {namespaces: [], secretName: DEFAULT_SECRET_NAME, context: '', secretType: 'dockerconfigjson', serviceAccount: '', image: ''},
		rkt: {kind: 'dockerAuth'},
		mesos: {uri: DEFAULT_MARATHON_URI, image: '', appId: '/private-app'},
		butane: {version: '1.0.0', secret: 'inline', remoteUrl: '', includeRkt: false},
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

/** Quay robots are `namespace+shortname` (quay util/names.py); their token is the password. */
export function robotAccount(username: string): RobotAccount | undefined {
	const match = /^([a-z0-9][a-z0-9._-]*)\+([a-z][a-z0-9_]*)$/.exec(username);
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
}

export interface Resolution {
	credentials: ResolvedCredential[];
	issues: FieldIssue[];
	notes: string[];
}

const many = (count: number, index: number) => (count > 1 ? ` (registry ${index + 1})` : '');

/** Validate every field; the credentials that pass are resolved so a partial preview still renders. */
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
		const password = checkPassword(credential.password);
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
		if (problems.length > 0 || !registry.value) return;
		const robot = robotAccount(credential.username);
		for (const note of registry.value.notes) notes.push(`Registry${suffix}: ${note}.`);
		credentials.push({...registry.value, username: credential.username, password: credential.password, email: credential.email, ...(robot ? {robot} : {}), ...(credential.fromKeychain ? {fromKeychain: true} : {})});
	});

	if (answers.targets.length === 0) {
		issues.push({field: 'targets', label: 'Targets', flag: '--target', message: 'Choose at least one target, for example --target docker.'});
	}
	if (answers.targets.includes('kubernetes')) {
		const k = answers.kubernetes;
		const name = checkSecretName(k.secretName);
		if (name) issues.push({field: 'kubernetes.secretName', label: 'Secret name', flag: '--secret-name', message: name});
		const dupes = new Set<string>();
		for (const namespace of k.namespaces) {
			const problem = checkNamespace(namespace);
			if (problem) issues.push({field: 'kubernetes.namespaces', label: 'Namespaces', flag: '--namespace', message: problem});
			if (dupes.has(namespace)) {
				issues.push({field: 'kubernetes.namespaces', label: 'Namespaces', flag: '--namespace', message: `Namespace "${namespace}" is listed twice; list each namespace once.`});
			}
			dupes.add(namespace);
		}
		if (k.serviceAccount !== '' && checkSecretName(k.serviceAccount)) {
			issues.push({
				field: 'kubernetes.serviceAccount',
				label: 'Service account',
				flag: '--service-account',
				message: `Service account "${k.serviceAccount}" is not a valid name: use lower-case letters, digits, '-' and '.' (for example default).`,
			});
		}
	}
	return {credentials, issues, notes};
}
