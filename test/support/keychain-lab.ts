// The set-up every keychain end-to-end test starts from: a private keyring, a real registry with
// a tiny image pushed to it, and skopeo to pull with the files regauth writes.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {type Keyring, startKeyring} from './keyring.js';
import {buildOciImage, pushImage} from './oci-image.js';
import {type Registry, startRegistry} from './registry.js';
import {cleanEnv} from './run-cli.js';

export interface KeychainLab {
	keyring: Keyring;
	home: string;
	registry: Registry;
	/** host/repo:tag of the pushed image, and its manifest digest (what skopeo reports). */
	reference: string;
	digest: string;
}

export async function keychainLab(dir: string): Promise<KeychainLab> {
	const keyring = startKeyring(join(dir, 'keyring'));
	const registry = await startRegistry(join(dir, 'registry'));
	const image = buildOciImage(join(dir, 'oci'));
	const reference = pushImage(image, registry);
	return {keyring, home: keyring.env.HOME!, registry, reference, digest: image.manifestDigest};
}

/** `skopeo inspect` with regauth's auth file: it succeeds only if the credentials do. */
export function skopeoInspect(authfile: string, reference: string, env: NodeJS.ProcessEnv) {
	return spawnSync('skopeo', ['inspect', '--tls-verify=false', '--authfile', authfile, `docker://${reference}`], {env, encoding: 'utf8', timeout: 60_000});
}

/**
 * The environment regauth runs in against the lab: the private keyring's bus, regauth's state
 * (inventory, undo journal) and runtime directories under `dir`, and ~/.local/bin first on PATH
 * (where regauth puts its helper's launcher).
 */
export function labEnv(lab: Pick<KeychainLab, 'keyring' | 'home'>, dir: string): NodeJS.ProcessEnv {
	return cleanEnv(lab.home, {
		...lab.keyring.env,
		XDG_STATE_HOME: join(dir, 'state'),
		XDG_RUNTIME_DIR: join(dir, 'run'),
		PATH: `${join(lab.home, '.local', 'bin')}:${process.env.PATH}`,
	});
}
