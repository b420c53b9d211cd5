// What the user told regauth (by keys, flags or an import), with defaults and per-field checks.
// Pure: the wizard validates on every keystroke and the CLI before planning, with the same code.
import {type RegistryKey, registryKey} from './formats/registry-key.js';

export const TARGET_IDS = [
	'docker',
	'kubernetes',
	'rkt',
	'mesos',
	'butane',
	'podman',
	'containerd',
	'k3s',
	'registries-conf',
	'external-secret',
	'kubelet-credential-provider',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export function isTargetId(value: string): value is TargetId {
	return (TARGET_IDS as readonly string[]).includes(value);
}

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

export interface KubernetesOptions {
	/** [] means: no namespace in the manifest, kubectl's current namespace applies. */
	namespaces: string[];
	secretName: string;
	/** Every namespace of each cluster (listed by kubectl when the plan is made). */
	allNamespaces: boolean;
	/** LABEL=VALUE: the namespaces kubectl lists with this label selector; '' for none. */
	namespaceSelector: string;
	/** kubectl contexts, one cluster each; [] means the current context. */
	contexts: string[];
	secretType: 'dockerconfigjson' | 'dockercfg';
	/** '' means: do not patch a ServiceAccount. */
	serviceAccount: string;
	/** Image for the example Pod; '' derives one from the first registry. */
	image: string;
}

export interface ContainerdOptions {
	/** Which config form to write when config.toml does not say: 1.x (1.6/1.7, version 2) or 2.x (version 3). */
	version: '1.x' | '2.x';
	/** Mirrors for certs.d/<host>/hosts.toml, full URLs, tried in order. */
	mirrors: string[];
	/** A CA (PEM path on the node) for the registry or its mirrors; '' for none. */
	caFile: string;
}

export interface K3sOptions {
	/** k3s reads /etc/rancher/k3s/registries.yaml, RKE2 /etc/rancher/rke2/registries.yaml. */
	distribution: 'k3s' | 'rke2';
}

export interface RegistriesConfOptions {
	/** The registry (or registry/namespace) whose pulls the mirrors serve: the drop-in's prefix. */
	mirrorOf: string;
	/** user: ~/.config/containers/registries.conf.d (podman, skopeo as this user); system: /etc/containers (CRI-O, root). */
	scope: 'user' | 'system';
	/** The mirror speaks plain HTTP or has an untrusted certificate (test labs only). */
	insecure: boolean;
}

export interface ExternalSecretAnswers {
	/** The SecretStore or ClusterSecretStore the operator reads from. */
	store: string;
	storeKind: 'SecretStore' | 'ClusterSecretStore';
	/** The key (path) of the credential in the secret manager. */
	remoteKey: string;
	usernameProperty: string;
	passwordProperty: string;
	/** How often the operator re-reads the store (a Go duration; 0s: once). */
	refreshInterval: string;
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
	containerd: ContainerdOptions;
	k3s: K3sOptions;
	registriesConf: RegistriesConfOptions;
	externalSecret: ExternalSecretAnswers;
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
		kubernetes: {
			namespaces: [],
			allNamespaces: false,
			namespaceSelector: '',
			secretName: DEFAULT_SECRET_NAME,
			contexts: [],
			secretType: 'dockerconfigjson',
			serviceAccount: '',
			image: '',
		},
		rkt: {kind: 'dockerAuth'},
		mesos: {uri: DEFAULT_MARATHON_URI, image: '', appId: '/private-app'},
		butane: {version: '1.0.0', secret: 'inline', remoteUrl: '', includeRkt: false},
		containerd: {version: '1.x', mirrors: [], caFile: ''},
		k3s: {distribution: 'k3s'},
		registriesConf: {mirrorOf: '', scope: 'user', insecure: false},
		externalSecret: {
			store: '',
			storeKind: 'SecretStore',
			remoteKey: '',
			usernameProperty: 'username',
			passwordProperty: 'password',
			refreshInterval: '1h',
		},
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

/** Marathon `fetch[].uri`: an absolute URI of a gzip'd tar, which the Mesos fetcher unpacks. */
export function checkMarathonUri(uri: string): Check {
	if (uri.trim() === '') return 'Marathon URI is required: where agents fetch docker.tar.gz, for example file:///etc/docker.tar.gz.';
	if (uri.length > 1024) return 'Marathon URI is longer than Marathon allows (1024 characters).';
	// The Mesos fetcher also copies an absolute local path on the agent (docs/formats.md §5.1).
	const local = uri.startsWith('/');
	if (/\s/.test(uri) || (!local && !/^[a-z][a-z0-9+.-]*:\/\/./i.test(uri))) {
		return `Marathon URI "${uri}" is not an absolute URI or path: write it as /etc/docker.tar.gz, file:///etc/docker.tar.gz or https://host/path/docker.tar.gz.`;
	}
	let path: string;
	try {
		path = local ? uri : new URL(uri).pathname;
	} catch {
		return `Marathon URI "${uri}" is not a valid URI: write it as file:///etc/docker.tar.gz or https://host/path/docker.tar.gz.`;
	}
	if (!/\.(tar\.gz|tgz)$/i.test(path)) {
		return `Marathon URI "${uri}" must end in .tar.gz or .tgz: the Mesos fetcher only unpacks archives it recognises by name, and docker needs the unpacked .docker/config.json.`;
	}
	return undefined;
}

/** Marathon app ids: path segments of lower-case letters, digits and inner '-' or '.'. */
export function checkMarathonAppId(id: string): Check {
	const segment = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
	const parts = id.replace(/^\//, '').split('/');
	if (id === '' || !parts.every(part => segment.test(part))) {
		return `Marathon app id "${id}" is not valid: use lower-case letters, digits and '-', in /-separated segments, as in /team/private-app.`;
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

/** Where the user will host the config.json a remote Butane config points at (Ignition source schemes). */
export function checkRemoteUrl(url: string, version: ButaneOptions['version']): Check {
	if (url.trim() === '') return 'Remote URL is required to host the secret: the https:// address where you will put config.json.';
	const schemes = version === '1.1.0' ? ['http', 'https', 'tftp', 's3', 'gs', 'arn'] : ['http', 'https', 'tftp', 's3', 'gs'];
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!scheme || !parsed || /[\s\u0000-\u001F\u007F-\u009F]/.test(url) || !schemes.includes(scheme)) {
		return `Remote URL "${url}" must be an absolute ${schemes.join(', ')} URL that Ignition can fetch, for example https://config.example.com/flatcar/config.json.`;
	}
	// Ignition's validateURL (docs/formats.md §6.6): an s3 (or S3 ARN) source may name an object
	// version, but then not an empty one; an arn source must be an S3 object ARN.
	if ((scheme === 's3' || scheme === 'arn') && parsed.searchParams.has('versionId') && parsed.searchParams.get('versionId') === '') {
		return `Remote URL "${url}" has an empty versionId; Ignition refuses it ("invalid S3 object VersionId"): give the object's version or drop ?versionId=.`;
	}
	if (scheme === 'arn' && !/^arn:[^:]+:s3:::[^/]+\/./.test(url)) {
		return `Remote URL "${url}" is not an S3 object ARN; Ignition accepts arn:PARTITION:s3:::BUCKET/KEY (e.g. arn:aws:s3:::my-bucket/flatcar/config.json).`;
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
