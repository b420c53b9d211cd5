// A containers-registries.conf.d drop-in (v2) that sends pulls of a registry to a mirror first
// (podman, buildah, skopeo, CRI-O; docs/node-configs.md §registries.conf). The mirror's login is
// looked up under the mirror's own host in auth.json, so the plan writes that entry too.
import {stringify} from 'smol-toml';

export interface MirrorDropIn {
	/** The registry (or registry/namespace) images are named with: the `prefix`. */
	prefix: string;
	/** Mirrors as host[:port][/path], tried in order before the registry itself. */
	mirrors: readonly string[];
	/** Plain HTTP or unverified TLS to the mirror (only for loopback labs). */
	insecure?: boolean;
}

export function registriesConfDropIn(dropIn: MirrorDropIn): string {
	const prefix = dropIn.prefix === 'docker.io' ? 'docker.io' : dropIn.prefix;
	const location = prefix === 'docker.io' ? 'registry-1.docker.io' : prefix;
	const registry = {
		prefix,
		location,
		mirror: dropIn.mirrors.map(mirror => ({location: mirror, ...(dropIn.insecure ? {insecure: true} : {})})),
	};
	return `${stringify({registry: [registry]})}\n`;
}
