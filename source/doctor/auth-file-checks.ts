// Checks of one docker config / containers auth file, over its parsed content and the helpers
// on PATH. Pure. The facts behind each message: docs/formats.md §1.2 (decoding), §1.5 (helpers and
// the file `auth` they shadow), §8.1 (podman reads credHelpers but not credsStore).

import {authEntries, entrySecret, helperFor} from '../authfile/meaning.js';
import {isPlainObject} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import {shellJoin} from '../formats/shell-quote.js';
import {CLOUD_HELPERS} from '../registries/providers.js';
import type {DoctorFile, Finding} from './findings.js';

export interface FileReport {
	findings: Finding[];
	/** The file holds at least one password/token in clear (base64 counts as clear). */
	plainSecrets: boolean;
	/** Normalised keys of the registries this file gives a login for (in the file or via a helper). */
	logins: string[];
}

/** The key docker would look the registry up by (legacy `https://quay.io` → quay.io). */
export function normalisedKey(key: string): string {
	const result = registryKey(key);
	return result.ok ? result.value.key : key;
}

/** The host to pass to `regauth -r` / `docker login` for a stored key. */
export function loginHost(key: string): string {
	const result = registryKey(key);
	return result.ok ? result.value.host : key;
}

export function loginCommand(key: string, username: string, extra: string[] = []): string {
	return `printf '%s' "$TOKEN" | ${shellJoin(['regauth', '-r', loginHost(key), '-u', username || 'USER', '--password-stdin', ...extra, '--yes'])}`;
}

export interface AuthFileContext {
	helpers: readonly string[];
	/** The helper `doctor --fix` would use, when there is one. */
	fixHelper?: string;
	/** Helpers are installed but no store works here: why, and the way out (regauth keychain setup). */
	noStore?: string;
}

export function authFileReport(file: DoctorFile, doc: Record<string, unknown>, context: AuthFileContext): FileReport {
	const findings: Finding[] = [];
	const {path} = file;
	const isPodman = file.role === 'podman' || file.role === 'podman-runtime';
	const reader = isPodman ? 'podman' : 'docker';
	// podman ignores credsStore; docker looks credHelpers up by the normalised host.
	const route = (key: string) => {
		for (const candidate of new Set([key, normalisedKey(key)])) {
			const found = helperFor(doc, candidate);
			if (found?.via === 'credHelpers') return found;
		}
		const store = helperFor(doc, key);
		return store && !isPodman ? store : undefined;
	};

	// Helpers named in the file but not installed: every login through them fails.
	const credHelpers = isPlainObject(doc.credHelpers) ? doc.credHelpers : {};
	const wanted = new Map<string, string[]>();
	if (typeof doc.credsStore === 'string' && doc.credsStore !== '' && !isPodman) wanted.set(doc.credsStore, ['credsStore']);
	for (const [key, helper] of Object.entries(credHelpers)) {
		if (typeof helper === 'string' && helper !== '') wanted.set(helper, [...(wanted.get(helper) ?? []), key]);
	}
	for (const [helper, uses] of wanted) {
		if (context.helpers.includes(helper)) continue;
		const what = uses.map(use => (use === 'credsStore' ? '"credsStore" (every registry)' : use)).join(', ');
		findings.push({
			id: 'helper-missing',
			level: 'error',
			path,
			message: `the credential helper "${helper}" is named for ${what}, but docker-credential-${helper} is not on PATH: ${reader} fails every login and pull through it`,
			fix:
				helper === 'pass' || helper === 'secretservice'
					? `Install it (Debian/Ubuntu: apt install golang-docker-credential-helpers), or remove "${helper}" from ${path}.`
					: CLOUD_HELPERS[helper]
						? `${CLOUD_HELPERS[helper].install}, or remove "${helper}" from ${path}.`
						: `Install docker-credential-${helper} on PATH, or remove "${helper}" from ${path}.`,
		});
	}

	let plainSecrets = false;
	const logins: string[] = [];
	for (const [key, entry] of authEntries(doc)) {
		const secret = entrySecret(entry);
		const routed = route(key);
		const at = `"auths"."${key}"`;
		if (secret.kind === 'undecodable') {
			plainSecrets = true;
			findings.push({
				id: 'auth-undecodable',
				level: 'error',
				path,
				registry: key,
				message: `${at}."auth" is not base64 of "user:password" (${secret.message}); ${isPodman ? 'podman cannot use it' : 'docker warns "Error parsing config file" and ignores the rest of the file'}`,
				fix: `Log in again, which replaces it: ${loginCommand(key, '')}`,
			});
			continue;
		}
		if (secret.kind !== 'none') {
			plainSecrets = true;
			if (routed) {
				findings.push({
					id: 'ignored-auth',
					level: 'warning',
					path,
					registry: key,
					message: `${at} holds a password in clear, but ${routed.via} sends ${loginHost(key)} to docker-credential-${routed.name}, so ${reader} ignores the file's copy (a login written into the file has no effect)`,
					fix: `Store it in that helper (${loginCommand(key, secret.username, ['--keychain', routed.name])}), then delete ${at} from the file.`,
				});
			} else {
				const fixable = file.role === 'docker';
				findings.push({
					id: 'plain-text',
					level: 'warning',
					path,
					registry: key,
					message: `the password for ${loginHost(key)}${secret.username && secret.kind !== 'token' ? ` (user ${secret.username})` : ''} is stored in the file, base64-encoded, not encrypted: anyone who can read it can use it`,
					fix: fixable
						? context.fixHelper
							? `regauth doctor --fix moves it into the OS keychain (docker-credential-${context.fixHelper}).`
							: context.noStore
								? `${context.noStore[0]!.toUpperCase()}${context.noStore.slice(1)}.`
								: 'Run regauth keychain setup, or install a credential helper (apt install golang-docker-credential-helpers), then run regauth doctor --fix.'
						: `Keep it in a keychain instead: name a helper for it under "credHelpers" (containers-auth.json(5)) and log in again.`,
					...(fixable ? {fixable: true} : {}),
				});
			}
			logins.push(normalisedKey(key));
			continue;
		}
		if (routed) {
			logins.push(normalisedKey(key));
			continue;
		}
		findings.push({
			id: 'no-credentials',
			level: 'error',
			path,
			registry: key,
			message: `${at} is empty and no credential helper is set for it: ${reader} sends no password to ${loginHost(key)}`,
			fix: `Log in again: ${loginCommand(key, '')}, or route it to the helper that holds it with "credHelpers": {"${normalisedKey(key)}": "NAME"}.`,
		});
	}
	for (const key of Object.keys(credHelpers)) logins.push(normalisedKey(key));
	return {findings, plainSecrets, logins: [...new Set(logins)]};
}
