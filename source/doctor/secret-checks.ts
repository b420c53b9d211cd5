// Checks of Kubernetes image pull Secrets in a YAML/JSON file (docs/formats.md §3.4, §3.5): kubelet
// uses a Secret only when its type and data key agree, reads `auth` (else username/password)
// from each entry, and cannot run credential helpers — so a Secret built from a config.json
// whose passwords live in a keychain has no credentials at all. Pure.
import {parseAllDocuments} from 'yaml';
import {entrySecret} from '../authfile/meaning.js';
import {isBase64} from '../formats/docker-auth.js';
import {isPlainObject, parseJson} from '../formats/json-text.js';
import {shellJoin} from '../formats/shell-quote.js';
import type {FileReport} from './auth-file-checks.js';
import {loginHost, normalisedKey} from './auth-file-checks.js';
import type {Finding} from './findings.js';

const TYPE_KEY: Record<string, string> = {
	'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
	'kubernetes.io/dockercfg': '.dockercfg',
};
const KEY_TYPE: Record<string, string> = {
	'.dockerconfigjson': 'kubernetes.io/dockerconfigjson',
	'.dockercfg': 'kubernetes.io/dockercfg',
};

/** Does the text hold Kubernetes objects (rather than a docker config)? */
export function looksLikeKubernetes(text: string): boolean {
	return /^\s*(?:"kind"\s*:|kind\s*:)/m.test(text) && /^\s*"?apiVersion"?\s*:/m.test(text);
}

function objects(value: unknown): Record<string, unknown>[] {
	if (!isPlainObject(value)) return [];
	if (Array.isArray(value.items)) return value.items.flatMap(objects);
	return [value];
}

export function secretFileReport(path: string, text: string): FileReport {
	const findings: Finding[] = [];
	const logins: string[] = [];
	const documents = parseAllDocuments(text);
	let secrets = 0;
	for (const document of Array.isArray(documents) ? documents : [documents]) {
		if (document.errors.length > 0) {
			findings.push({
				id: 'secret-malformed',
				level: 'error',
				path,
				message: `not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`,
				fix: 'Repair the YAML (kubectl would refuse it too).',
			});
			continue;
		}
		for (const object of objects(document.toJS())) {
			if (object.kind !== 'Secret') continue;
			secrets++;
			logins.push(...secretFindings(path, object, findings));
		}
	}
	if (secrets === 0 && findings.length === 0) {
		findings.push({
			id: 'unrecognised',
			level: 'error',
			path,
			message: 'no Kubernetes Secret in this file',
			fix: 'Give a Secret manifest (kubectl get secret NAME -o yaml > FILE) or a docker config.json.',
		});
	}
	return {findings, plainSecrets: logins.length > 0, logins: [...new Set(logins)]};
}

function decodeData(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const compact = value.replace(/\s+/g, '');
	if (!isBase64(compact)) return undefined;
	return Buffer.from(compact, 'base64').toString('utf8');
}

/** Findings for one Secret; returns the registries it gives a login for. */
function secretFindings(path: string, secret: Record<string, unknown>, findings: Finding[]): string[] {
	const metadata = isPlainObject(secret.metadata) ? secret.metadata : {};
	const name = typeof metadata.name === 'string' ? metadata.name : '';
	const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
	const label = `Secret ${namespace ? `${namespace}/` : ''}${name || '(no name)'}`;
	const type = typeof secret.type === 'string' ? secret.type : 'Opaque';
	const data = isPlainObject(secret.data) ? secret.data : {};
	const stringData = isPlainObject(secret.stringData) ? secret.stringData : {};
	const present = Object.keys(KEY_TYPE).filter(key => key in data || key in stringData);
	const expected = TYPE_KEY[type];
	const recreate = (advice: string) =>
		`${advice}${name ? ` (a Secret's type cannot change in place: kubectl delete secret ${name}${namespace ? ` -n ${namespace}` : ''}, then apply the fixed YAML)` : ''}.`;
	const fail = (id: Finding['id'], message: string, fix: string) => findings.push({id, level: 'error', path, message: `${label}: ${message}`, fix});

	if (!expected || !present.includes(expected)) {
		const key = present[0];
		if (key) {
			fail(
				'secret-type-mismatch',
				`type ${type} with the data key ${key}: kubelet reads ${key} only from type ${KEY_TYPE[key]} and silently skips this Secret`,
				recreate(`Set type: ${KEY_TYPE[key]}`),
			);
		} else if (expected) {
			fail(
				'secret-malformed',
				`type ${type} but no ${expected} key in data: the API server refuses it`,
				`Add the ${expected} key, or recreate it with regauth -t kubernetes.`,
			);
		}
		return [];
	}

	const raw = typeof stringData[expected] === 'string' ? (stringData[expected] as string) : decodeData(data[expected]);
	if (raw === undefined) {
		fail(
			'secret-malformed',
			`the ${expected} value in data is not valid base64`,
			'Recreate it with regauth -t kubernetes (or kubectl create secret docker-registry).',
		);
		return [];
	}
	const parsed = parseJson(raw);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		fail(
			'secret-malformed',
			`${expected} is not a JSON object (${parsed.ok ? 'another JSON value' : parsed.message}): the API server refuses it`,
			'Recreate it with regauth -t kubernetes.',
		);
		return [];
	}
	const doc = parsed.value;
	let entries: Record<string, unknown>;
	if (expected === '.dockerconfigjson') {
		if (!isPlainObject(doc.auths)) {
			const flat = Object.values(doc).some(value => isPlainObject(value) && ('auth' in value || 'password' in value));
			fail(
				'secret-no-credentials',
				`${expected} has no "auths" object, so kubelet finds no registry in it${flat ? ' (it holds the legacy flat .dockercfg format)' : ''}`,
				flat ? recreate('Wrap it as {"auths": …}, or set type: kubernetes.io/dockercfg with key .dockercfg') : 'Recreate it with regauth -t kubernetes.',
			);
			return [];
		}
		entries = doc.auths;
	} else {
		if ('auths' in doc) {
			fail(
				'secret-malformed',
				`${expected} holds an {"auths": …} document, but kubelet reads .dockercfg as a flat map and sees a registry named "auths"`,
				recreate('Use type: kubernetes.io/dockerconfigjson with the key .dockerconfigjson for this content'),
			);
			return [];
		}
		entries = doc;
	}

	const logins: string[] = [];
	const empty: string[] = [];
	for (const [key, entry] of Object.entries(entries)) {
		const secret = entrySecret(entry);
		if (secret.kind === 'undecodable') {
			fail('auth-undecodable', `the "auth" for ${key} is not base64 of "user:password" (${secret.message})`, recreateCommand(key, name, namespace));
		} else if (secret.kind === 'none') {
			empty.push(key);
		} else {
			logins.push(normalisedKey(key));
		}
	}
	// docker leaves `{}` entries when a helper holds the password; kubelet cannot ask helpers.
	const why = ': it looks built from a docker config whose passwords live in a credential helper, and Kubernetes cannot run helpers';
	if (logins.length === 0 && empty.length > 0) {
		fail(
			'secret-no-credentials',
			`no registry in it has a password (${empty.join(', ')} ${empty.length === 1 ? 'is an empty entry' : 'are empty entries'})${why}`,
			recreateCommand(empty[0]!, name, namespace),
		);
	} else if (logins.length === 0 && Object.keys(entries).length === 0) {
		fail('secret-no-credentials', `${expected} lists no registry at all`, 'Recreate it with regauth -t kubernetes.');
	} else {
		for (const key of empty) {
			findings.push({
				id: 'secret-no-credentials',
				level: 'warning',
				path,
				registry: key,
				message: `${label}: the entry for ${key} is empty${why}`,
				fix: recreateCommand(key, name, namespace),
			});
		}
	}
	return logins;
}

function recreateCommand(key: string, name: string, namespace: string): string {
	const argv = [
		'regauth',
		'-r',
		loginHost(key),
		'-u',
		'USER',
		'--password-stdin',
		'-t',
		'kubernetes',
		...(name ? ['--secret-name', name] : []),
		...(namespace ? ['-n', namespace] : []),
		'--yes',
	];
	return `Recreate it with the password inside: printf '%s' "$TOKEN" | ${shellJoin(argv)}`;
}
