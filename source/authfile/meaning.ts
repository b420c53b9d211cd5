// What a docker config.json or a containers auth.json MEANS, in one place: which program serves
// a registry (the file, or a credential helper, and by which rule for docker and for podman),
// what in an entry is a plain-text secret, how Docker Hub is keyed, how regauth writes an entry
// and with which mode. The targets, doctor, the start screen and import all use this module;
// formats/docker-config.ts only reads and edits the text.
import type {ResolvedCredential} from '../answers.js';
import {decodeAuth, encodeAuth} from '../formats/docker-auth.js';
import type {AuthEntry} from '../formats/docker-config.js';
import {isPlainObject} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';

// ---- entries --------------------------------------------------------------------------------
// What an `auths` entry holds, as docker reads it (docs/formats.md §1.2, §2.2): an identity
// token, a base64 `auth`, a bare username/password pair, nothing (the helper has it), or an
// `auth` docker cannot decode.

export type EntrySecret = {kind: 'auth' | 'password' | 'token'; username: string; password: string} | {kind: 'none'} | {kind: 'undecodable'; message: string};

/** docker's username for an identity token kept in a credential helper. */
export const TOKEN_USERNAME = '<token>';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function entrySecret(entry: unknown): EntrySecret {
	if (!isPlainObject(entry)) return {kind: 'none'};
	const token = text(entry.identitytoken);
	if (token !== '') return {kind: 'token', username: TOKEN_USERNAME, password: token};
	const auth = text(entry.auth);
	if (auth !== '') {
		const decoded = decodeAuth(auth);
		return decoded.ok ? {kind: 'auth', username: decoded.username, password: decoded.password} : {kind: 'undecodable', message: decoded.message};
	}
	const password = text(entry.password);
	if (password !== '') return {kind: 'password', username: text(entry.username), password};
	return {kind: 'none'};
}

/** The `auths` map of a parsed config as [key, entry] pairs (none when it has no such object). */
export function authEntries(doc: Record<string, unknown>): Array<[string, unknown]> {
	return isPlainObject(doc.auths) ? Object.entries(doc.auths) : [];
}

/**
 * The auths keys whose entry holds a secret in plain text (base64 is not encryption): an `auth`,
 * a `password` or an `identitytoken`, decodable or not. The one definition regauth uses.
 */
export function plainTextKeys(doc: Record<string, unknown>): string[] {
	return authEntries(doc)
		.filter(([, entry]) => entrySecret(entry).kind !== 'none')
		.map(([key]) => key);
}

/** The entry regauth writes for a credential, as docker login does: `auth`, and `email` only when given. */
export function authEntry(credential: Pick<ResolvedCredential, 'username' | 'password' | 'email'>): AuthEntry {
	const entry: AuthEntry = {auth: encodeAuth(credential.username, credential.password)};
	if (credential.email !== '') entry.email = credential.email;
	return entry;
}

/** Permission bits for a file holding secrets: keep a stricter existing mode, tighten a wider one. */
export function secretMode(existing: number | undefined): {mode: number; tightened: boolean} {
	if (existing === undefined) return {mode: 0o600, tightened: false};
	const bits = existing & 0o777;
	if ((bits & 0o077) !== 0) return {mode: 0o600, tightened: true};
	return {mode: bits, tightened: false};
}

// ---- routing --------------------------------------------------------------------------------

export type Reader = 'docker' | 'podman';

export interface Route {
	name: string;
	via: 'credHelpers' | 'credsStore';
}

/**
 * The credential helper that serves `key` for this reader, if any: docker asks credHelpers[key],
 * then credsStore (docs/formats.md §1.5); podman, buildah and skopeo honour credHelpers only
 * (docs/formats.md §8.1). Undefined: the file's own entry is used.
 */
export function route(doc: Record<string, unknown>, key: string, reader: Reader): Route | undefined {
	const helpers = isPlainObject(doc.credHelpers) ? doc.credHelpers : {};
	const helper = Object.hasOwn(helpers, key) ? helpers[key] : undefined;
	// An entry present but empty sends that registry to the file despite a credsStore (docker's
	// getConfiguredCredentialStore; docs/ci.md §3).
	if (helper === '') return undefined;
	if (typeof helper === 'string') return {name: helper, via: 'credHelpers'};
	if (reader === 'docker' && typeof doc.credsStore === 'string' && doc.credsStore !== '') return {name: doc.credsStore, via: 'credsStore'};
	return undefined;
}

/** docker's helper for `key` (credHelpers first, then credsStore). */
export function helperFor(doc: Record<string, unknown>, key: string): Route | undefined {
	return route(doc, key, 'docker');
}

// ---- Docker Hub -----------------------------------------------------------------------------

/** Podman's own name for Docker Hub. */
export const PODMAN_DOCKER_HUB = 'docker.io';

/**
 * The auths key podman writes. Docker Hub is `docker.io`, as `podman login` stores it: podman's
 * look-ups also accept `https://index.docker.io/v1/`, but `podman logout docker.io` does not
 * remove that key (checked with skopeo 1.9.3), and credHelpers are looked up by `docker.io`.
 * A REGISTRY_AUTH_FILE that is a docker config.json keeps docker's key, as --compat-auth-file does.
 */
export function podmanKey(credential: Pick<ResolvedCredential, 'isDockerHub' | 'key'>, dockerCompatible: boolean): string {
	return credential.isDockerHub && !dockerCompatible ? PODMAN_DOCKER_HUB : credential.key;
}

/** Every auths key in `doc` that names the registry `key` (scheme, path or a Docker Hub alias aside). */
export function keysFor(doc: Record<string, unknown>, key: string): string[] {
	const auths = isPlainObject(doc.auths) ? doc.auths : {};
	return Object.keys(auths).filter(existing => {
		const normal = registryKey(existing);
		return normal.ok && normal.value.key === key;
	});
}
