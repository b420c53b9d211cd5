// What an `auths` entry of a docker config / containers auth file holds, as docker reads it
// (docs/formats.md §1.2, §2.2): an identity token, a base64 `auth`, a bare username/password pair,
// nothing (the helper has it), or an `auth` docker cannot decode.
import {decodeAuth} from '../formats/docker-auth.js';
import {isPlainObject} from '../formats/json-text.js';

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
