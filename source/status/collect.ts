// Every registry login on this machine (docs/lifecycle.md §2): docker's config (auths,
// credHelpers, credsStore and what each helper's `list` says), the podman files and
// REGISTRY_AUTH_FILE, and regauth's inventory, grouped by registry. Secrets are not read here:
// a helper's `list` gives user names only, and a file's entry is decoded for its user name.
import {authEntries, entrySecret, route} from '../authfile/meaning.js';
import {doctorPaths} from '../doctor/paths.js';
import type {Environment} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {isPlainObject} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import type {Login} from '../inventory/schema.js';
import {inventoryPath, readInventory, untrustedMessage} from '../inventory/store.js';
import {helperArgv, runHelper, runProblem} from '../keychain/helper-client.js';

export const LIST_TIMEOUT_MS = 10_000;

/** Where one file keeps one registry's login. */
export interface Stored {
	/** The auth file (docker config.json or a containers auth.json). */
	file: string;
	reader: 'docker' | 'podman';
	/** The key as written in the file. */
	key: string;
	/** 'file': the secret is in the file (plain text, base64 aside); otherwise the helper's name. */
	storage: 'file' | {helper: string; via: 'credHelpers' | 'credsStore'};
	/** Undefined when the helper has nothing for it (or could not be asked). */
	username?: string;
}

export interface RegistryStatus {
	/** registryKey().key: docker's key (https://index.docker.io/v1/ for Docker Hub). */
	registry: string;
	host: string;
	stored: Stored[];
	/** What regauth recorded for it (one per user). */
	recorded: Login[];
}

export interface MachineLogins {
	registries: RegistryStatus[];
	/** Files or helpers that could not be read, and an untrusted inventory. */
	problems: string[];
}

type HelperList = {ok: true; servers: Record<string, string>} | {ok: false; message: string};

async function listHelper(env: Environment, helper: string, processEnv: NodeJS.ProcessEnv): Promise<HelperList> {
	const run = await runHelper(helperArgv(env, helper), 'list', '', LIST_TIMEOUT_MS, processEnv);
	const problem = runProblem(run, helper, LIST_TIMEOUT_MS);
	if (problem) return {ok: false, message: `docker-credential-${helper} list failed: ${problem.message}`};
	try {
		const servers = JSON.parse(run.stdout) as unknown;
		if (!isPlainObject(servers)) throw new Error('not an object');
		return {ok: true, servers: Object.fromEntries(Object.entries(servers).filter(([, user]) => typeof user === 'string')) as Record<string, string>};
	} catch {
		return {ok: false, message: `docker-credential-${helper} list printed something other than a JSON object`};
	}
}

/** The helper's user for a registry, whichever way the helper spelled the server. */
function listedUser(list: HelperList | undefined, key: string): string | undefined {
	if (!list?.ok) return undefined;
	for (const [server, user] of Object.entries(list.servers)) {
		const normal = registryKey(server);
		if (normal.ok && normal.value.key === key) return user;
	}
	return undefined;
}

export async function collectLogins(env: Environment, processEnv: NodeJS.ProcessEnv = process.env): Promise<MachineLogins> {
	const problems: string[] = [];
	const byKey = new Map<string, RegistryStatus>();
	const entry = (raw: string): RegistryStatus | undefined => {
		const parsed = registryKey(raw);
		if (!parsed.ok) return undefined;
		const {key, host} = parsed.value;
		const status = byKey.get(key) ?? {registry: key, host, stored: [], recorded: []};
		byKey.set(key, status);
		return status;
	};
	const files = doctorPaths(env).map(({path, role}) => ({
		path,
		reader: role === 'docker' ? ('docker' as const) : ('podman' as const),
		file: readAuthFile(env.files[path]),
	}));
	const helperNames = new Set<string>();
	for (const {path, file} of files) {
		if (file.kind === 'malformed') problems.push(`${path}: ${file.message}`);
		if (file.kind !== 'present') continue;
		if (isPlainObject(file.doc.credHelpers))
			for (const name of Object.values(file.doc.credHelpers)) if (typeof name === 'string' && name !== '') helperNames.add(name);
		if (typeof file.doc.credsStore === 'string' && file.doc.credsStore !== '') helperNames.add(file.doc.credsStore);
	}
	const names = [...helperNames].sort();
	const lists = new Map(await Promise.all(names.map(async name => [name, await listHelper(env, name, processEnv)] as const)));
	for (const list of lists.values()) if (!list.ok) problems.push(list.message);

	for (const {path, reader, file} of files) {
		if (file.kind !== 'present') continue;
		const keys = new Set(authEntries(file.doc).map(([key]) => key));
		if (isPlainObject(file.doc.credHelpers)) for (const key of Object.keys(file.doc.credHelpers)) keys.add(key);
		const store = reader === 'docker' && typeof file.doc.credsStore === 'string' && file.doc.credsStore !== '' ? file.doc.credsStore : undefined;
		const storeList = store ? lists.get(store) : undefined;
		if (storeList?.ok) for (const server of Object.keys(storeList.servers)) keys.add(server);
		for (const key of keys) {
			const status = entry(key);
			if (!status) continue;
			const helper = route(file.doc, key, reader);
			const auths = isPlainObject(file.doc.auths) ? file.doc.auths : {};
			if (helper) {
				const username = listedUser(lists.get(helper.name), status.registry);
				// A credsStore with nothing for this key and no auths entry: not a login.
				if (helper.via === 'credsStore' && username === undefined && !Object.hasOwn(auths, key)) continue;
				status.stored.push({file: path, reader, key, storage: {helper: helper.name, via: helper.via}, ...(username === undefined ? {} : {username})});
				continue;
			}
			const secret = entrySecret(auths[key]);
			if (secret.kind === 'none' || secret.kind === 'undecodable') {
				if (secret.kind === 'undecodable') problems.push(`${path}: the entry for ${key} cannot be decoded (${secret.message})`);
				continue;
			}
			status.stored.push({file: path, reader, key, storage: 'file', username: secret.username});
		}
	}

	const path = inventoryPath(env);
	const inventory = readInventory(env.files[path]);
	if (inventory.state === 'untrusted') problems.push(untrustedMessage(path, inventory.reason));
	else for (const login of inventory.inventory.logins) entry(login.registry)?.recorded.push(login);

	const registries = [...byKey.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
	return {registries, problems};
}

/** The files status reads, for readMachine. */
export function statusReads(env: Environment): string[] {
	return [...doctorPaths(env).map(item => item.path), inventoryPath(env)];
}
