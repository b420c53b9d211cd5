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

/** An item's secret as regauth writes it; anything else is not one of regauth's. */
export function decodeStoredCredential(text: string | null): StoredCredential | undefined {
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
			return decodeStoredCredential(await (await loadKeytar()).getPassword(service, serverURL));
		},
		async set(serverURL, credential) {
			const keytar = await loadKeytar();
			await keytar.setPassword(service, serverURL, JSON.stringify({Username: credential.username, Secret: credential.secret}));
		},
		async erase(serverURL) {
			return (await loadKeytar()).deletePassword(service, serverURL);
		},
		async list() {
			const items = await findCredentialsApart(service);
			const result: Record<string, string> = {};
			for (const item of items) {
				const credential = decodeStoredCredential(item.password);
				if (credential && !item.account.startsWith(PROBE_ACCOUNT)) result[item.account] = credential.username;
			}
			return result;
		},
	};
}

/**
 * keytar's findCredentials segfaults on an item of the service without an "account" attribute
 * (it builds a std::string from NULL). keytar never writes one, but any program on the session
 * bus can: so the search runs in a child process, and a crash there becomes a message.
 */
async function findCredentialsApart(service: string): Promise<Array<{account: string; password: string}>> {
	const keytarPath = requireHere.resolve('keytar');
	const script = `require(${JSON.stringify(keytarPath)}).findCredentials(${JSON.stringify(service)}).then(items => process.stdout.write(JSON.stringify(items)), error => { process.stdout.write(JSON.stringify({error: String(error && error.message || error)})); process.exitCode = 1; })`;
	const {spawn} = await import('node:child_process');
	const run = await new Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string}>((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', script], {stdio: ['ignore', 'pipe', 'ignore']});
		let stdout = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({code, signal, stdout}));
	});
	if (run.signal || (run.code !== 0 && run.code !== 1)) {
		throw new Error(
			`the keychain holds an item under service "${service}" that regauth did not write (no account attribute), and listing crashes on it; find it with: secret-tool search --all service ${service}, and delete it in Passwords and Keys (seahorse)`,
		);
	}
	let value: unknown;
	try {
		value = JSON.parse(run.stdout);
	} catch {
		throw new Error('the keychain search gave no answer');
	}
	if (!Array.isArray(value)) throw new Error(String((value as {error?: unknown})?.error ?? 'the keychain search failed'));
	return value as Array<{account: string; password: string}>;
}

/** Can the keychain store? Writes and removes a throwaway item: a locked keyring fails only on writes. */
export async function probeWrite(service = KEYCHAIN_SERVICE): Promise<void> {
	const keytar = await loadKeytar();
	// Unique, not secret: Math.random, as node:crypto costs the helper ~5 ms to load on every `get`.
	const account = `${PROBE_ACCOUNT}-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
	await keytar.setPassword(service, account, 'probe');
	await keytar.deletePassword(service, account);
}
