// The docker config.json / containers auth.json model regauth merges into (docs/formats.md §1.2,
// §1.5, §8.1). Reading checks the shape docker itself needs; writing edits only regauth's
// entries (json-text.ts), so unknown keys survive even though docker would drop them.
import type {FileState} from '../environment.js';
import {goJson} from './go-json.js';
import {duplicateKey, isPlainObject, type JsonTree, jsonTree, parseJson, setJsonValue} from './json-text.js';

export interface AuthEntry {
	auth?: string;
	email?: string;
}

export type AuthFile = {kind: 'absent'} | {kind: 'present'; text: string; doc: Record<string, unknown>} | {kind: 'malformed'; message: string};

function shapeProblem(doc: unknown): string | undefined {
	if (!isPlainObject(doc)) return 'the top level must be a JSON object';
	if (doc.auths !== undefined && doc.auths !== null) {
		if (!isPlainObject(doc.auths)) return '"auths" must be an object of registries';
		for (const [key, entry] of Object.entries(doc.auths)) {
			if (!isPlainObject(entry)) return `"auths"."${key}" must be an object`;
			for (const field of ['auth', 'email', 'username', 'password', 'identitytoken']) {
				if (entry[field] !== undefined && typeof entry[field] !== 'string') return `"auths"."${key}"."${field}" must be a string`;
			}
		}
	}
	if (doc.credHelpers !== undefined && doc.credHelpers !== null) {
		if (!isPlainObject(doc.credHelpers)) return '"credHelpers" must be an object of registry → helper name';
		for (const [key, helper] of Object.entries(doc.credHelpers)) {
			if (typeof helper !== 'string') return `"credHelpers"."${key}" must be a string`;
		}
	}
	if (doc.credsStore !== undefined && typeof doc.credsStore !== 'string') return '"credsStore" must be a string';
	return undefined;
}

/**
 * The machine snapshot's file states stay the same while the wizard re-plans on every keystroke:
 * each is parsed and checked once (parse, duplicate keys, shape: ~0.4 ms for a config with a few
 * logins under the wizard's V8 flags). Keyed by the state object and checked against its text, so
 * a new snapshot or a changed text is read afresh; held weakly, so nothing outlives the snapshot.
 * The result is frozen: every reader shares it.
 */
const readFiles = new WeakMap<FileState, {text: string | undefined; error: string | undefined; file: AuthFile}>();

export function readAuthFile(state: FileState | undefined): AuthFile {
	if (!state?.exists) return {kind: 'absent'};
	const known = readFiles.get(state);
	if (known && known.text === state.text && known.error === state.error) return known.file;
	const file = deepFreeze(parseAuthFile(state));
	readFiles.set(state, {text: state.text, error: state.error, file});
	return file;
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

/** The parse of a present file's own text, for its first edit (later edits parse their new text). */
const baseTrees = new WeakMap<AuthFile, JsonTree>();

function baseTree(file: Extract<AuthFile, {kind: 'present'}>): JsonTree {
	let tree = baseTrees.get(file);
	if (!tree) {
		tree = jsonTree(file.text);
		baseTrees.set(file, tree);
	}
	return tree;
}

function parseAuthFile(state: FileState): AuthFile {
	if (state.error !== undefined || state.text === undefined) return {kind: 'malformed', message: state.error ?? 'the file could not be read'};
	const parsed = parseJson(state.text);
	if (!parsed.ok) return {kind: 'malformed', message: `not valid JSON: ${parsed.message}`};
	const duplicate = duplicateKey(state.text);
	if (duplicate) return {kind: 'malformed', message: `ambiguous: ${duplicate}; docker reads the last one. Remove the duplicate`};
	const problem = shapeProblem(parsed.value);
	if (problem) return {kind: 'malformed', message: `not a docker config: ${problem}`};
	return {kind: 'present', text: state.text, doc: parsed.value as Record<string, unknown>};
}

export interface AuthChanges {
	/** New or replaced `auths` entries, by key. */
	auths: Record<string, AuthEntry>;
	/** New or replaced `credHelpers` entries, by key. */
	credHelpers?: Record<string, string>;
	/** `auths` keys to delete (doctor --fix: a legacy key whose entry moved to the normalised one). */
	removeAuths?: string[];
}

/** What carries a credential in an entry; everything else in it (email, custom keys) is kept. */
const CREDENTIAL_FIELDS = new Set(['auth', 'username', 'password', 'identitytoken', 'registrytoken']);

function keepOtherFields(existing: unknown, entry: AuthEntry): Record<string, unknown> {
	if (!isPlainObject(existing)) return {...entry};
	const kept = Object.fromEntries(Object.entries(existing).filter(([field]) => !CREDENTIAL_FIELDS.has(field)));
	return {...kept, ...entry};
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
	// Go marshals map keys in byte order; so does docker for auths and credHelpers.
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The file's text after the changes. A new file looks exactly like `docker login` writes one
 * (tab indent, no trailing newline); an existing one changes only where an entry differs.
 */
export function applyAuthChanges(file: AuthFile, changes: AuthChanges): string {
	const credHelpers = changes.credHelpers ?? {};
	if (file.kind !== 'present') {
		const doc: Record<string, unknown> = {auths: sortedKeys(changes.auths)};
		if (Object.keys(credHelpers).length > 0) doc.credHelpers = sortedKeys(credHelpers);
		return goJson(doc, '\t');
	}
	let text = file.text;
	const tree = baseTree(file);
	const auths = isPlainObject(file.doc.auths) ? file.doc.auths : undefined;
	if (!auths && Object.keys(changes.auths).length > 0) {
		text = setJsonValue(text, ['auths'], sortedKeys(changes.auths), tree);
	} else {
		for (const [key, entry] of Object.entries(changes.auths)) {
			const merged = keepOtherFields(auths?.[key], entry);
			if (!sameJson(auths?.[key], merged)) text = setJsonValue(text, ['auths', key], merged, tree);
		}
	}
	for (const key of changes.removeAuths ?? []) {
		if (auths && key in auths && !(key in changes.auths)) text = setJsonValue(text, ['auths', key], undefined, tree);
	}
	const helpers = isPlainObject(file.doc.credHelpers) ? file.doc.credHelpers : undefined;
	if (!helpers && Object.keys(credHelpers).length > 0) {
		text = setJsonValue(text, ['credHelpers'], sortedKeys(credHelpers), tree);
	} else {
		for (const [key, helper] of Object.entries(credHelpers)) {
			if (helpers?.[key] !== helper) text = setJsonValue(text, ['credHelpers', key], helper, tree);
		}
	}
	return text;
}
