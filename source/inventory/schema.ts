// What regauth configured, as a record on disk (docs/lifecycle.md §1): per registry and user,
// every place the login went and the answers that put it there, minus the secret. Nothing in it
// is a secret or derived from one (no hash of it either): the file is safe to show and to read
// without a keychain. Pure: parsing and checking only; reading and writing is store.ts.
import {createHash} from 'node:crypto';
import type {Answers, TargetId} from '../answers.js';
import {TARGET_IDS} from '../answers.js';
import {isPlainObject} from '../formats/json-text.js';

export const INVENTORY_NAME = 'inventory.json';

export type PlaceKind = TargetId | 'keychain';

/** One place a login went. */
export interface Place {
	kind: PlaceKind;
	/** The file (absolute); absent for a keychain item. */
	path?: string;
	/** What the plan called it ('Secret regcred in web'). */
	title: string;
	/** The credential helper holding the secret (keychain places; docker/podman routed through one). */
	helper?: string;
	/** A Kubernetes Secret applied with kubectl: where. */
	applied?: {context: string; namespace: string};
}

/** The answers that made a login, without its password: rotate plans from them again. */
export type RecordedAnswers = Omit<Answers, 'credentials'> & {cwd: string; registry: string; email: string};

export interface Login {
	/** The registry's key as docker writes it (registryKey().key). */
	registry: string;
	username: string;
	/** When regauth last wrote it. */
	configured: string;
	/** ISO time the secret stops working, when known; and how it is known. */
	expiresAt?: string;
	expirySource?: 'jwt' | 'flag' | 'minted';
	places: Place[];
	answers: RecordedAnswers;
}

export interface Inventory {
	version: 1;
	logins: Login[];
}

/** What is on disk: nothing yet, a record regauth wrote, or one it will not trust (and why). */
export type InventoryRead = {state: 'absent'; inventory: Inventory} | {state: 'ok'; inventory: Inventory} | {state: 'untrusted'; reason: string};

export function emptyInventory(): Inventory {
	return {version: 1, logins: []};
}

/**
 * A seal over the content: not a secret and not derived from one, it tells a hand edit (or a
 * half-written file from something other than regauth) from what regauth wrote.
 */
function seal(logins: readonly Login[]): string {
	return createHash('sha256').update(JSON.stringify(logins)).digest('hex');
}

/** A place is a target's output, or the keychain item a helper route points at. */
const PLACE_KINDS: readonly string[] = [...TARGET_IDS, 'keychain'];
const isText = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown) => isText(value) && !Number.isNaN(Date.parse(value));

function placeProblem(place: unknown, at: string): string | undefined {
	if (!isPlainObject(place)) return `${at} is not an object`;
	if (!isText(place.kind) || !PLACE_KINDS.includes(place.kind)) return `${at}.kind is not a place regauth writes`;
	if (place.path !== undefined && (!isText(place.path) || !place.path.startsWith('/'))) return `${at}.path is not an absolute path`;
	if (!isText(place.title)) return `${at}.title is missing`;
	if (place.helper !== undefined && !isText(place.helper)) return `${at}.helper is not a name`;
	if (place.applied !== undefined && !(isPlainObject(place.applied) && isText(place.applied.context) && isText(place.applied.namespace)))
		return `${at}.applied needs a context and a namespace`;
	return undefined;
}

function loginProblem(login: unknown, at: string): string | undefined {
	if (!isPlainObject(login)) return `${at} is not an object`;
	if (!isText(login.registry) || login.registry === '') return `${at}.registry is missing`;
	if (!isText(login.username)) return `${at}.username is missing`;
	if (!isTime(login.configured)) return `${at}.configured is not a time`;
	if (login.expiresAt !== undefined && !isTime(login.expiresAt)) return `${at}.expiresAt is not a time`;
	if (!Array.isArray(login.places)) return `${at}.places is not a list`;
	for (const [index, place] of login.places.entries()) {
		const problem = placeProblem(place, `${at}.places[${index}]`);
		if (problem) return problem;
	}
	const answers = login.answers;
	if (!isPlainObject(answers) || !Array.isArray(answers.targets) || !isText(answers.cwd) || !isPlainObject(answers.keychain))
		return `${at}.answers is not what regauth records`;
	return undefined;
}

/** The inventory in `text`, or why it is not to be trusted. */
export function parseInventory(text: string): InventoryRead {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (error) {
		return {state: 'untrusted', reason: `not valid JSON (${(error as Error).message})`};
	}
	if (!isPlainObject(doc) || doc.version !== 1) return {state: 'untrusted', reason: 'not an inventory regauth wrote (version 1)'};
	if (!Array.isArray(doc.logins)) return {state: 'untrusted', reason: '"logins" is not a list'};
	for (const [index, login] of doc.logins.entries()) {
		const problem = loginProblem(login, `logins[${index}]`);
		if (problem) return {state: 'untrusted', reason: problem};
	}
	const logins = doc.logins as Login[];
	if (doc.seal !== seal(logins)) return {state: 'untrusted', reason: 'it was changed by something other than regauth (its seal does not match)'};
	return {state: 'ok', inventory: {version: 1, logins}};
}

/** The file's text. `secrets` are refused outright: a bug that put one here must not reach the disk. */
export function serializeInventory(inventory: Inventory, secrets: readonly string[] = []): string {
	const text = `${JSON.stringify(
		{
			version: 1,
			about: 'What regauth configured, for regauth status, rotate and logout. No secrets. Written by regauth: edit it and regauth stops trusting it.',
			logins: inventory.logins,
			seal: seal(inventory.logins),
		},
		null,
		'\t',
	)}\n`;
	for (const secret of secrets) if (secret.length >= 4 && text.includes(secret)) throw new Error('refusing to write the inventory: it would contain a secret');
	return text;
}
