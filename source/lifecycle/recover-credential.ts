import {gunzipSync} from 'node:zlib';
import {parse} from 'yaml';
import {isTargetId} from '../answers.js';
import {entrySecret} from '../authfile/meaning.js';
import {decodeDataUrl} from '../formats/data-url.js';
import {isPlainObject} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import type {Login, Place} from '../inventory/schema.js';
import {targetSpec} from '../targets/specs.js';

/** Places whose file is written whole from every registry of the apply (docker/podman files are merged). */
const wholeFile = (kind: string) => isTargetId(kind) && targetSpec(kind).lifecycle?.wholeFile === true;

export interface Companion {
	login: Login;
	/** The files it shares with the login being rotated (as the inventory names them). */
	paths: string[];
}

/**
 * Where the rotation rewrites a shared file: a Mesos archive is recorded where the agents fetch
 * it (file:// URI), but regauth writes it into the output directory (docs/formats.md §5).
 */
export function writtenPath(login: Login, path: string, outputDir: string): string {
	const kind = login.places.find(candidate => candidate.path === path)?.kind;
	const written = kind !== undefined && isTargetId(kind) ? targetSpec(kind).lifecycle?.writtenPath : undefined;
	return written ? written(path, outputDir) : path;
}

/** Other registries' logins recorded in a file the rotation rewrites whole. */
export function companionsOf(login: Login, logins: readonly Login[]): Companion[] {
	const shared = (place: Place) => place.path !== undefined && wholeFile(place.kind);
	const mine = new Set(login.places.filter(shared).map(place => place.path!));
	const companions: Companion[] = [];
	for (const other of logins) {
		if (other === login || other.registry === login.registry) continue;
		const paths = [...new Set(other.places.filter(place => shared(place) && mine.has(place.path!)).map(place => place.path!))];
		if (paths.length > 0) companions.push({login: other, paths});
	}
	return companions;
}

export type Recovered = {ok: true; username: string; password: string; email: string} | {ok: false; reason: string};

/** The members of an uncompressed tar (ustar/GNU headers, regular files only). */
function tarFiles(bytes: Uint8Array): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (let offset = 0; offset + 512 <= bytes.length; ) {
		const header = bytes.subarray(offset, offset + 512);
		if (header.every(byte => byte === 0)) break;
		const field = (start: number, length: number) =>
			Buffer.from(header.subarray(start, start + length))
				.toString('utf8')
				.replace(/\0.*$/s, '');
		const size = Number.parseInt(field(124, 12).trim() || '0', 8);
		// POSIX ustar keeps a name prefix at 345; GNU tar keeps other fields there.
		const prefix = field(257, 6) === 'ustar' ? field(345, 155) : '';
		const name = `${prefix ? `${prefix}/` : ''}${field(0, 100)}`;
		if (!Number.isFinite(size) || size < 0) break;
		const type = field(156, 1);
		if (type === '0' || type === '') files.set(name.replace(/^\.\//, ''), bytes.subarray(offset + 512, offset + 512 + size));
		offset += 512 + Math.ceil(size / 512) * 512;
	}
	return files;
}

/** docker config documents found anywhere in the file: JSON text, base64 of it, a data URL of it. */
function configsIn(value: unknown, found: unknown[], depth = 0): void {
	if (depth > 12) return;
	if (typeof value === 'string') {
		const candidates = [value];
		if (/^data:/i.test(value)) {
			try {
				candidates.push(Buffer.from(decodeDataUrl(value)).toString('utf8'));
			} catch {}
		} else if (/^[A-Za-z0-9+/=\s]{16,}$/.test(value)) candidates.push(Buffer.from(value, 'base64').toString('utf8'));
		for (const text of candidates) {
			if (!text.includes('{')) continue;
			try {
				const doc = JSON.parse(text) as unknown;
				if (isPlainObject(doc)) found.push(doc);
			} catch {}
		}
		return;
	}
	if (Array.isArray(value)) for (const item of value) configsIn(item, found, depth + 1);
	else if (isPlainObject(value)) for (const item of Object.values(value)) configsIn(item, found, depth + 1);
}

/** The documents a file holds, by what regauth writes there. */
function documentsOf(path: string, bytes: Uint8Array): unknown[] {
	const found: unknown[] = [];
	if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) {
		for (const [name, member] of tarFiles(gunzipSync(bytes))) if (name.endsWith('config.json')) configsIn(Buffer.from(member).toString('utf8'), found);
		return found;
	}
	const text = Buffer.from(bytes).toString('utf8');
	let doc: unknown;
	try {
		doc = /\.(ya?ml|bu)$/.test(path) ? parse(text, {maxAliasCount: 0}) : JSON.parse(text);
	} catch {
		doc = text;
	}
	if (isPlainObject(doc) && (isPlainObject(doc.auths) || path.endsWith('.json'))) found.push(doc);
	configsIn(doc, found);
	return found;
}

/** The entry for `registry` (docker's key) in `auths`, or at the top level (.dockercfg). */
function entryFor(doc: Record<string, unknown>, key: string): unknown {
	const same = (raw: string) => {
		const parsed = registryKey(raw);
		return parsed.ok && parsed.value.key === key;
	};
	for (const map of [doc.auths, doc]) {
		if (!isPlainObject(map)) continue;
		const name = Object.keys(map).find(same);
		if (name !== undefined && isPlainObject(map[name])) return map[name];
	}
	return undefined;
}

/** The credential `login` has in the file at `path` (its bytes), or why it cannot be read back. */
export function recoverCredential(login: Pick<Login, 'registry' | 'username'>, path: string, bytes: Uint8Array): Recovered {
	let documents: unknown[];
	try {
		documents = documentsOf(path, bytes);
	} catch (error) {
		return {ok: false, reason: `it cannot be read (${(error as Error).message})`};
	}
	for (const doc of documents) {
		const entry = entryFor(doc as Record<string, unknown>, login.registry);
		if (entry === undefined) continue;
		const secret = entrySecret(entry);
		if (secret.kind === 'undecodable') return {ok: false, reason: `its entry for ${login.registry} cannot be decoded (${secret.message})`};
		if (secret.kind === 'none') return {ok: false, reason: `its entry for ${login.registry} holds no credential`};
		if (secret.username !== login.username)
			return {ok: false, reason: `its entry for ${login.registry} is for user ${secret.username}, not ${login.username} as regauth recorded`};
		const email = isPlainObject(entry) && typeof entry.email === 'string' ? entry.email : '';
		return {ok: true, username: secret.username, password: secret.password, email};
	}
	return {ok: false, reason: `it holds no entry for ${login.registry}`};
}
