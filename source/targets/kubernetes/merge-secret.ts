// Update in place: this run's registries go into a pull Secret that already exists, and every
// other registry in it stays (openshift/oc#462: people keep several registries in one Secret).
// The result keeps the live object's metadata, resourceVersion included, so `kubectl replace`
// fails rather than overwrite a change made in the meantime. docs/formats.md §3 for the data.
import type {ResolvedCredential} from '../../answers.js';
import {goJson} from '../../formats/go-json.js';
import {isPlainObject, MASK} from '../../formats/json-text.js';
import {registryKey} from '../../formats/registry-key.js';

export type SecretType = 'dockerconfigjson' | 'dockercfg';

export type SecretMerge =
	| {status: 'refused'; reason: string}
	| {status: 'unchanged'; kept: string[]}
	| {
			status: 'merge';
			secret: Record<string, unknown>;
			/** The Secret with every data value masked, and the merged document with its secrets masked. */
			redacted: Record<string, unknown>;
			decoded: string;
			kept: string[];
			added: string[];
			replaced: string[];
	  };

const SECRET_FIELDS = new Set(['password', 'auth', 'identitytoken', 'registrytoken']);

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function maskEntry(entry: unknown): unknown {
	if (!isPlainObject(entry)) return entry;
	return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, SECRET_FIELDS.has(key) ? MASK : value]));
}

/**
 * Merges `entries` (key → kubectl's DockerConfigEntry) into the existing Secret. Keys naming
 * the same registry another way (https://quay.io, quay.io/v2/) are replaced too: kubelet would
 * try both, the stale one first when it sorts first.
 */
export function mergeSecret(
	existing: Record<string, unknown>,
	credentials: readonly ResolvedCredential[],
	entries: Record<string, unknown>,
	type: SecretType,
): SecretMerge {
	const name = (existing.metadata as {name?: string} | undefined)?.name ?? 'the Secret';
	const expected = `kubernetes.io/${type}`;
	if (existing.type !== expected) {
		return {
			status: 'refused',
			reason: `Secret ${name} already exists with type ${String(existing.type)}, not ${expected}; regauth will not change it. Choose another --secret-name${existing.type === 'kubernetes.io/dockercfg' || existing.type === 'kubernetes.io/dockerconfigjson' ? ', or --secret-type to match it' : ''}.`,
		};
	}
	const dataKey = type === 'dockercfg' ? '.dockercfg' : '.dockerconfigjson';
	const data = isPlainObject(existing.data) ? existing.data : {};
	let doc: Record<string, unknown> = type === 'dockercfg' ? {} : {auths: {}};
	if (typeof data[dataKey] === 'string') {
		try {
			const parsed = JSON.parse(Buffer.from(data[dataKey] as string, 'base64').toString('utf8')) as unknown;
			if (!isPlainObject(parsed)) throw new Error('not an object');
			doc = parsed;
		} catch {
			return {
				status: 'refused',
				reason: `Secret ${name}'s ${dataKey} is not valid JSON; regauth will not change it. Fix or delete it, then run regauth again.`,
			};
		}
	}
	const auths = type === 'dockercfg' ? doc : doc.auths === undefined ? {} : doc.auths;
	if (!isPlainObject(auths)) return {status: 'refused', reason: `Secret ${name}'s ${dataKey} has no "auths" object; regauth will not change it.`};

	const ours = new Set(credentials.map(credential => credential.key));
	const aliases = Object.keys(auths).filter(key => {
		if (ours.has(key)) return false;
		const normal = registryKey(key);
		return normal.ok && ours.has(normal.value.key);
	});
	const kept = Object.keys(auths).filter(key => !ours.has(key) && !aliases.includes(key));
	const added = [...ours].filter(key => auths[key] === undefined);
	const replaced = [...ours].filter(key => auths[key] !== undefined && JSON.stringify(auths[key]) !== JSON.stringify(entries[key]));
	if (added.length === 0 && replaced.length === 0 && aliases.length === 0) return {status: 'unchanged', kept};

	const merged: Record<string, unknown> = {};
	for (const key of [...kept, ...ours].sort(byBytes)) merged[key] = ours.has(key) ? entries[key] : auths[key];
	const rest = Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'auths'));
	const encode = (value: Record<string, unknown>) => (type === 'dockercfg' ? value : {...rest, auths: value});

	const secret = structuredClone(existing) as Record<string, unknown> & {metadata?: Record<string, unknown>; data?: Record<string, unknown>};
	// Server-maintained bookkeeping; resourceVersion stays so a concurrent change is refused.
	if (secret.metadata) delete secret.metadata.managedFields;
	secret.data = {...data, [dataKey]: Buffer.from(goJson(encode(merged)), 'utf8').toString('base64')};
	const masked = Object.fromEntries(Object.entries(merged).map(([key, value]) => [key, maskEntry(value)]));
	const redacted = structuredClone(secret) as typeof secret;
	redacted.data = {...Object.fromEntries(Object.keys(data).map(key => [key, MASK])), [dataKey]: MASK};
	return {status: 'merge', secret, redacted, decoded: goJson(encode(masked)), kept: [...kept].sort(byBytes), added, replaced: [...replaced, ...aliases]};
}

/** The existing Secret as it was, for undoing by hand (`kubectl replace -f`): no server fields that would refuse it. */
export function restorableSecret(existing: Record<string, unknown>): Record<string, unknown> {
	const copy = structuredClone(existing) as Record<string, unknown> & {metadata?: Record<string, unknown>};
	if (copy.metadata) {
		for (const field of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation']) delete copy.metadata[field];
	}
	return copy;
}
