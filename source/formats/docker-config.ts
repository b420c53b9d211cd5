// The docker config.json / containers auth.json model regauth merges into (docs/formats.md §1.2,
// §1.5, §8.1). Reading checks the shape docker itself needs; writing edits only regauth's
// entries (json-text.ts), so unknown keys survive even though docker would drop them.
import type {FileState} from '../environment.js';
import {goJson} from './go-json.js';
import {duplicateKey, isPlainObject, parseJson, setJsonValue} from './json-text.js';

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

export function readAuthFile(state: FileState | undefined): AuthFile {
	if (!state?.exists) return {kind: 'absent'};
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
	const auths = isPlainObject(file.doc.auths) ? file.doc.auths : undefined;
	if (!auths && Object.keys(changes.auths).length > 0) {
		text = setJsonValue(text, ['auths'], sortedKeys(changes.auths));
	} else {
		for (const [key, entry] of Object.entries(changes.auths)) {
			const merged = keepOtherFields(auths?.[key], entry);
			if (!sameJson(auths?.[key], merged)) text = setJsonValue(text, ['auths', key], merged);
		}
	}
	for (const key of changes.removeAuths ?? []) {
		if (auths && key in auths && !(key in changes.auths)) text = setJsonValue(text, ['auths', key], undefined);
	}
	const helpers = isPlainObject(file.doc.credHelpers) ? file.doc.credHelpers : undefined;
	if (!helpers && Object.keys(credHelpers).length > 0) {
		text = setJsonValue(text, ['credHelpers'], sortedKeys(credHelpers));
	} else {
		for (const [key, helper] of Object.entries(credHelpers)) {
			if (helpers?.[key] !== helper) text = setJsonValue(text, ['credHelpers', key], helper);
		}
	}
	return text;
}
