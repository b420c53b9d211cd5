// The per-registry certificate directories docker and the containers tools (podman, skopeo,
// buildah) read: <root>/<host[:port]>/ holding *.crt (CAs), *.cert + *.key (client certificate
// pairs). regauth reads the same ones so its check trusts and presents what those tools would
// (docs/networks.md §3). Pure path rules.
import {join} from 'node:path';

export interface CertsDir {
	/** <root>/<host[:port]> */
	path: string;
	/** The root as the user knows it, for messages (~ kept short). */
	shown: string;
}

export function certsRoots(env: NodeJS.ProcessEnv, home: string): Array<{root: string; shown: string}> {
	const config = env.XDG_CONFIG_HOME || join(home, '.config');
	const roots = [
		{root: '/etc/docker/certs.d', shown: '/etc/docker/certs.d'},
		// Rootless docker (ROOTLESSKIT_STATE_DIR set) reads its own directory instead.
		...(env.ROOTLESSKIT_STATE_DIR ? [{root: join(config, 'docker', 'certs.d'), shown: '$XDG_CONFIG_HOME/docker/certs.d'}] : []),
		// Docker Desktop's per-user location; harmless elsewhere.
		{root: join(home, '.docker', 'certs.d'), shown: '~/.docker/certs.d'},
		{root: join(config, 'containers', 'certs.d'), shown: '~/.config/containers/certs.d'},
		{root: '/etc/containers/certs.d', shown: '/etc/containers/certs.d'},
	];
	return roots.filter((item, index) => roots.findIndex(other => other.root === item.root) === index);
}

/** The directories for one registry, in the order regauth looks: docker's first, as docker does. */
export function certsDirsFor(authority: string, roots: ReadonlyArray<{root: string; shown: string}>): CertsDir[] {
	return roots.map(({root, shown}) => ({path: join(root, authority), shown: `${shown}/${authority}`}));
}
