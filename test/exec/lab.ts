// What the exec and Action tests start from: a real registry with a tiny image pushed to it,
// and a machine of directories — HOME, the temp dir (TMPDIR) and $XDG_RUNTIME_DIR — that the
// tests search afterwards for anything regauth left behind.
import {mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {type Registry, startRegistry} from '../support/registry.js';
import {cleanEnv} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';

export interface Lab {
	registry: Registry;
	/** host/repo:tag of the pushed image, and its manifest digest. */
	reference: string;
	digest: string;
}

export async function registryLab(dir: string, credentials: {username?: string; password?: string} = {}): Promise<Lab> {
	const registry = await startRegistry(join(dir, 'registry'), credentials);
	const image = buildOciImage(join(dir, 'oci'));
	return {registry, reference: pushImage(image, registry), digest: image.manifestDigest};
}

export interface Machine {
	home: string;
	tmp: string;
	runtime: string;
	env: NodeJS.ProcessEnv;
}

export function machine(dir: string, extra: NodeJS.ProcessEnv = {}): Machine {
	const home = join(dir, 'home');
	const tmp = join(dir, 'tmp');
	const runtime = join(dir, 'run');
	for (const path of [home, tmp]) mkdirSync(path, {recursive: true});
	mkdirSync(runtime, {mode: 0o700});
	return {home, tmp, runtime, env: cleanEnv(home, {TMPDIR: tmp, XDG_RUNTIME_DIR: runtime, ...extra})};
}

/** Files under the machine's directories holding the secret or a base64 form of it. */
export function leaks(m: Pick<Machine, 'home' | 'tmp' | 'runtime'>, registry: Pick<Registry, 'username' | 'password'>): string[] {
	return [m.home, m.tmp, m.runtime].flatMap(dir => filesContaining(dir, secretForms(registry.username, registry.password)));
}

/** regauth's private directories still present. */
export function privateDirs(m: Pick<Machine, 'tmp' | 'runtime'>): string[] {
	return [m.tmp, m.runtime].flatMap(dir =>
		readdirSync(dir)
			.filter(name => name.startsWith('regauth-'))
			.map(name => join(dir, name)),
	);
}
