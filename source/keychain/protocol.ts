// Docker's credential-helper protocol (docs/formats.md §2), answering exactly as Docker's own Go
// helpers do: the same JSON (Go's HTML-safe escaping, sorted keys, trailing newline), errors on
// stdout with exit 1, the not-found text docker matches, stdin read line by line and joined.
// Storage is behind CredentialStore, so the protocol is tested without a keychain.
import {goJson} from '../formats/go-json.js';
import {HELPER_PROGRAM, NOT_FOUND} from './names.js';

export interface StoredCredential {
	username: string;
	secret: string;
}

export interface CredentialStore {
	get(serverURL: string): Promise<StoredCredential | undefined>;
	/** Replaces what is stored for the server. */
	set(serverURL: string, credential: StoredCredential): Promise<void>;
	/** Resolves whether something was removed. */
	erase(serverURL: string): Promise<boolean>;
	list(): Promise<Record<string, string>>;
}

export interface HelperOutput {
	stdout: string;
	code: 0 | 1;
}

export const NO_SERVER_URL = 'no credentials server URL';
export const NO_USERNAME = 'no credentials username';
export const USAGE = `Usage: ${HELPER_PROGRAM} <store|get|erase|list|version>`;

class ProtocolError extends Error {}

/** bufio.Scanner's lines written back to back: line ends (\n, \r\n) vanish, nothing else. */
function joinLines(input: string): string {
	return input
		.split('\n')
		.map(line => line.replace(/\r$/, ''))
		.join('');
}

const FIELDS = ['ServerURL', 'Username', 'Secret'] as const;
type Field = (typeof FIELDS)[number];

function goType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'boolean') return 'bool';
	return typeof value;
}

/** The text up to the end of a leading JSON object (the whole text when it is not one). */
function firstObject(text: string): string {
	if (!text.startsWith('{')) return text;
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if ((char === '}' || char === ']') && --depth === 0) return text.slice(0, index + 1);
	}
	return text;
}

/** encoding/json into `Credentials`: exact name first, then case-insensitive; null leaves ''. */
function decodeCredentials(text: string): Record<Field, string> {
	const trimmed = text.trim();
	if (trimmed === '') throw new ProtocolError('EOF');
	let value: unknown;
	try {
		// json.Decoder reads one value and ignores what follows it.
		value = JSON.parse(firstObject(trimmed));
	} catch {
		const first = trimmed[0]!;
		if (!'{["-0123456789tfn'.includes(first)) throw new ProtocolError(`invalid character '${first}' looking for beginning of value`);
		throw new ProtocolError('unexpected end of JSON input');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		if (value === null) return {ServerURL: '', Username: '', Secret: ''};
		throw new ProtocolError(`json: cannot unmarshal ${goType(value)} into Go value of type credentials.Credentials`);
	}
	const result: Record<Field, string> = {ServerURL: '', Username: '', Secret: ''};
	const entries = Object.entries(value as Record<string, unknown>);
	for (const field of FIELDS) {
		const exact = entries.find(([key]) => key === field);
		const match = exact ?? entries.find(([key]) => key.toLowerCase() === field.toLowerCase());
		if (!match || match[1] === null) continue;
		if (typeof match[1] !== 'string')
			throw new ProtocolError(`json: cannot unmarshal ${goType(match[1])} into Go struct field Credentials.${field} of type string`);
		result[field] = match[1];
	}
	return result;
}

function serverURL(input: string): string {
	const url = joinLines(input).trim();
	if (url === '') throw new ProtocolError(NO_SERVER_URL);
	return url;
}

/**
 * More than any registry credential needs. Past a few tens of MB the keyring's D-Bus connection
 * is closed and the helper killed without a word (observed at 64 MB); docker's own helpers stop
 * at 64 KiB per line (bufio.Scanner's default).
 */
export const MAX_INPUT = 1024 * 1024;

export async function handleAction(args: readonly string[], input: string, store: CredentialStore, version: string): Promise<HelperOutput> {
	const ok = (stdout = ''): HelperOutput => ({stdout, code: 0});
	if (args.length !== 1) return {stdout: `${USAGE}\n`, code: 1};
	if (input.length > MAX_INPUT) {
		return {stdout: `credentials too large: ${input.length} bytes on stdin, at most ${MAX_INPUT} (1 MiB) are accepted\n`, code: 1};
	}
	const action = args[0]!;
	try {
		switch (action) {
			case 'store': {
				const credentials = decodeCredentials(joinLines(input));
				if (credentials.ServerURL === '') throw new ProtocolError(NO_SERVER_URL);
				if (credentials.Username === '') throw new ProtocolError(NO_USERNAME);
				await store.set(credentials.ServerURL, {username: credentials.Username, secret: credentials.Secret});
				return ok();
			}
			case 'get': {
				const url = serverURL(input);
				const found = await store.get(url);
				// Docker's secretservice helper reports an item with an empty secret as missing.
				if (!found || found.secret === '') throw new ProtocolError(NOT_FOUND);
				return ok(`${goJson({ServerURL: url, Username: found.username, Secret: found.secret})}\n`);
			}
			case 'erase':
				// Like Docker's helpers, erasing what is not there succeeds.
				await store.erase(serverURL(input));
				return ok();
			case 'list': {
				const all = await store.list();
				const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
				return ok(`${goJson(sorted)}\n`);
			}
			case 'version':
			case '--version':
			case '-v':
				return ok(`${HELPER_PROGRAM} (regauth) ${version}\n`);
			case '--help':
			case '-h':
				return ok(`${USAGE}\n`);
			default:
				return {stdout: `Unknown credential action \`${action}\`\n`, code: 1};
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {stdout: `${message}\n`, code: 1};
	}
}
