// The pass store for docker-credential-pass, set up without a desktop: a dedicated GPG key whose
// passphrase reaches gpg only on fd 3 (--pinentry-mode loopback --passphrase-fd 3), `pass init`
// with it, and an unlock that fills gpg-agent's cache the same way (docs/keychains.md §1).
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {SetupError} from './errors.js';
import {lastLines, runProgram} from './spawn.js';

export const KEY_EMAIL = 'regauth@localhost';
export const KEY_UID = `regauth docker credentials <${KEY_EMAIL}>`;
/** docker-credential-pass keeps its entries under this folder of the store (pass/pass.go). */
export const HELPER_FOLDER = 'docker-credential-helpers';

export interface PassPaths {
	gnupgHome: string;
	storeDir: string;
}

/** Where gpg and pass look, as they decide it: GNUPGHOME / PASSWORD_STORE_DIR, else under HOME. */
export function passPaths(home: string, env: NodeJS.ProcessEnv): PassPaths {
	return {
		gnupgHome: env.GNUPGHOME || join(home, '.gnupg'),
		storeDir: env.PASSWORD_STORE_DIR || join(home, '.password-store'),
	};
}

export interface GpgKey {
	fingerprint: string;
	/** The encryption subkey's keygrip: what gpg-agent caches the passphrase under for pass. */
	encryptionGrip?: string;
	/** gpg's validity letter: e expired, r revoked, others usable. */
	validity: string;
}

/** gpg --with-colons output → the first secret key (docs/keychains.md §1.1). */
export function parseSecretKeys(colons: string): GpgKey | undefined {
	let key: GpgKey | undefined;
	let inSubkey = false;
	let subkeyEncrypts = false;
	for (const line of colons.split('\n')) {
		const fields = line.split(':');
		if (fields[0] === 'sec') {
			if (key) break;
			key = {fingerprint: '', validity: fields[1] ?? ''};
			inSubkey = false;
		} else if (fields[0] === 'ssb') {
			inSubkey = true;
			subkeyEncrypts = (fields[11] ?? '').includes('e');
		} else if (fields[0] === 'fpr' && key && !inSubkey && key.fingerprint === '') {
			key.fingerprint = fields[9] ?? '';
		} else if (fields[0] === 'grp' && key && inSubkey && subkeyEncrypts && !key.encryptionGrip) {
			key.encryptionGrip = fields[9] ?? '';
		}
	}
	return key && key.fingerprint !== '' ? key : undefined;
}

export async function findKey(env: NodeJS.ProcessEnv): Promise<GpgKey | undefined> {
	const run = await runProgram('gpg', ['--batch', '--with-colons', '--with-keygrip', '--list-secret-keys', `<${KEY_EMAIL}>`], {env, timeoutMs: 30_000});
	if (run.code !== 0) return undefined;
	const key = parseSecretKeys(run.stdout);
	return key && !['e', 'r'].includes(key.validity) ? key : undefined;
}

/**
 * A new key pair for the store. No expiry: expiry guards published keys, and this one never
 * leaves the machine; an expiring key would break `docker login` a year later without warning.
 */
export async function createKey(passphrase: string, env: NodeJS.ProcessEnv): Promise<GpgKey> {
	const run = await runProgram(
		'gpg',
		['--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '3', '--quick-gen-key', KEY_UID, 'default', 'default', 'never'],
		{env, fd3: passphrase, timeoutMs: 120_000},
	);
	if (run.code !== 0) throw new SetupError(`gpg could not create the key: ${lastLines(run)}`);
	const key = await findKey(env);
	if (!key) throw new SetupError('gpg reported success but the new key is not in the keyring');
	return key;
}

export type StoreState =
	| {kind: 'none'}
	| {kind: 'ours'}
	/** Initialised for other keys; docker's folder is free to get a key of its own. */
	| {kind: 'foreign'; ids: string[]; helperFolderFree: boolean};

function gpgIds(file: string): string[] {
	return readFileSync(file, 'utf8')
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean);
}

function holdsEntries(dir: string): boolean {
	if (!existsSync(dir)) return false;
	return readdirSync(dir, {recursive: true}).some(name => String(name).endsWith('.gpg'));
}

export function storeState(storeDir: string, fingerprint: string): StoreState {
	const folderIds = join(storeDir, HELPER_FOLDER, '.gpg-id');
	if (existsSync(folderIds) && gpgIds(folderIds).includes(fingerprint)) return {kind: 'ours'};
	const rootIds = join(storeDir, '.gpg-id');
	if (!existsSync(rootIds)) return {kind: 'none'};
	const ids = gpgIds(rootIds);
	if (ids.includes(fingerprint)) return {kind: 'ours'};
	return {kind: 'foreign', ids, helperFolderFree: !holdsEntries(join(storeDir, HELPER_FOLDER))};
}

/**
 * `pass init` for the key: the whole store when there is none, else only docker's folder
 * (`pass init -p`), so the user's own passwords stay encrypted to their own key.
 */
export async function initStore(state: StoreState, fingerprint: string, env: NodeJS.ProcessEnv): Promise<string> {
	if (state.kind === 'ours') return 'the pass store already uses this key';
	if (state.kind === 'foreign' && !state.helperFolderFree) {
		throw new SetupError(
			`the pass store is initialised for ${state.ids.join(', ')} and already holds docker credentials under ${HELPER_FOLDER}/, encrypted to that key; regauth leaves them alone. Use that store as it is (regauth --keychain pass …) or move ${HELPER_FOLDER}/ away and run regauth keychain setup again.`,
		);
	}
	const args = state.kind === 'foreign' ? ['init', `--path=${HELPER_FOLDER}`, fingerprint] : ['init', fingerprint];
	const run = await runProgram('pass', args, {env, timeoutMs: 60_000});
	if (run.code !== 0) throw new SetupError(`pass init failed: ${lastLines(run)}`);
	return state.kind === 'foreign' ? `pass init -p ${HELPER_FOLDER} (your own store keeps its key)` : 'pass init';
}

/**
 * Puts the passphrase in gpg-agent's cache: a decryption with loopback pinentry, the passphrase
 * on fd 3. From then on docker-credential-pass decrypts without asking, until the cache TTL ends.
 */
export async function unlockKey(key: GpgKey, passphrase: string, env: NodeJS.ProcessEnv): Promise<void> {
	const {fingerprint, encryptionGrip} = key;
	// A cached passphrase would let any answer through: forget it first, so a wrong one shows.
	if (encryptionGrip) await runProgram('gpg-connect-agent', [`CLEAR_PASSPHRASE --mode=normal ${encryptionGrip}`, '/bye'], {env, timeoutMs: 15_000});
	// ASCII armour: the ciphertext passes through a JS string on its way back to gpg.
	const encrypt = await runProgram('gpg', ['--batch', '--yes', '--armor', '--trust-model', 'always', '--encrypt', '--recipient', fingerprint], {
		env,
		input: 'regauth unlock check\n',
		timeoutMs: 30_000,
	});
	if (encrypt.code !== 0) throw new SetupError(`gpg could not encrypt to the key: ${lastLines(encrypt)}`);
	const decrypt = await runProgram('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '3', '--decrypt'], {
		env,
		input: encrypt.stdout,
		fd3: passphrase,
		timeoutMs: 30_000,
	});
	if (decrypt.code !== 0) {
		if (/bad passphrase/i.test(decrypt.stderr))
			throw new SetupError(
				`the passphrase is wrong for the regauth GPG key: give the one chosen at the first setup. Forgotten? Entries encrypted to that key cannot be read any more: remove it (gpg --delete-secret-and-public-keys ${fingerprint}) and the store's ${HELPER_FOLDER}/ folder, run setup again, and log in again`,
			);
		throw new SetupError(`gpg could not unlock the key: ${lastLines(decrypt)}`);
	}
}

/** gpg-agent reads its configuration at start: reload it so new TTLs apply (this clears its cache). */
export async function reloadAgent(env: NodeJS.ProcessEnv): Promise<void> {
	await runProgram('gpgconf', ['--reload', 'gpg-agent'], {env, timeoutMs: 15_000});
}
