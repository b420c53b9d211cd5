// The keychain adapter: regauth's credentials in the OS keychain through keytar (libsecret on
// Linux, Keychain on macOS, Credential Manager on Windows). keytar is an optional native
// dependency, so it is imported only here and only when a keychain is actually used.
//
// One item per registry: service "regauth", account = the server URL exactly as docker sends it,
// secret = {"Username","Secret"} as JSON (keytar has no field for the user name).
import {createRequire} from 'node:module';
import {KEYCHAIN_SERVICE, PROBE_ACCOUNT} from './names.js';
import type {CredentialStore, StoredCredential} from './protocol.js';

type Keytar = typeof import('keytar');

export class KeytarLoadError extends Error {}

let loaded: Promise<Keytar> | undefined;
// require, not import(): keytar is CommonJS, and the ESM loader's detour cost the helper ~5 ms on
// every docker pull (bench/helper.mjs).
const requireHere = createRequire(import.meta.url);

export function loadKeytar(): Promise<Keytar> {
	loaded ??= new Promise<Keytar>(resolve => resolve(requireHere('keytar') as Keytar)).catch((error: unknown) => {
		throw new KeytarLoadError(`keytar could not be loaded: ${(error as Error).message.split('\n')[0]}`);
	});
	return loaded;
}

function decode(text: string | null): StoredCredential | undefined {
	if (text === null) return undefined;
	try {
		const value = JSON.parse(text) as {Username?: unknown; Secret?: unknown};
		if (typeof value.Username === 'string' && typeof value.Secret === 'string') return {username: value.Username, secret: value.Secret};
	} catch {
		// not one of ours
	}
	return undefined;
}

export function keytarStore(service = KEYCHAIN_SERVICE): CredentialStore {
	return {
		async get(serverURL) {
			return decode(await (await loadKeytar()).getPassword(service, serverURL));
		},
		async set(serverURL, credential) {
			const keytar = await loadKeytar();
			await keytar.setPassword(service, serverURL, JSON.stringify({Username: credential.username, Secret: credential.secret}));
		},
		async erase(serverURL) {
			return (await loadKeytar()).deletePassword(service, serverURL);
		},
		async list() {
			// findCredentials segfaults on items of this service without an account attribute;
			// keytar never writes such items, and only regauth's own service is searched.
			const items = await (await loadKeytar()).findCredentials(service);
			const result: Record<string, string> = {};
			for (const item of items) {
				const credential = decode(item.password);
				if (credential && item.account !== PROBE_ACCOUNT) result[item.account] = credential.username;
			}
			return result;
		},
	};
}

/** Can the keychain store? Writes and removes a throwaway item: a locked keyring fails only on writes. */
export async function probeWrite(service = KEYCHAIN_SERVICE): Promise<void> {
	const keytar = await loadKeytar();
	await keytar.setPassword(service, PROBE_ACCOUNT, 'probe');
	await keytar.deletePassword(service, PROBE_ACCOUNT);
}
