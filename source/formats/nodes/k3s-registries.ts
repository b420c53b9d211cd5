// k3s and RKE2 read /etc/rancher/{k3s,rke2}/registries.yaml at start-up (docs/node-configs.md §k3s).
// regauth sets `configs.<host>.auth` and keeps everything else — mirrors, rewrites, other hosts,
// a host's tls block, comments — because the same file often carries a team's mirror setup.
// Pure: edits go through the yaml library's document model, which keeps comments and order.
import {isMap, parseDocument} from 'yaml';

export interface K3sAuth {
	host: string;
	username: string;
	password: string;
}

export type K3sMerge = {ok: true; text: string} | {ok: false; message: string};

export function mergeK3sRegistries(existing: string | undefined, entries: readonly K3sAuth[]): K3sMerge {
	const doc = parseDocument(existing ?? '', {uniqueKeys: true});
	if (doc.errors.length > 0) {
		const error = doc.errors[0]!;
		const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
		return {ok: false, message: `registries.yaml is not valid YAML${where}: ${error.message.split('\n')[0]}. regauth will not touch it.`};
	}
	if (doc.contents !== null && !isMap(doc.contents))
		return {ok: false, message: 'registries.yaml is not a mapping (mirrors:, configs:). regauth will not touch it.'};
	const configs = doc.get('configs');
	if (configs !== undefined && configs !== null && !isMap(configs))
		return {ok: false, message: 'registries.yaml: `configs` is not a mapping. regauth will not touch it.'};
	for (const entry of entries) {
		// Docker Hub's pulls go to registry-1.docker.io, the host k3s's containerd contacts.
		const host = entry.host === 'docker.io' ? 'registry-1.docker.io' : entry.host;
		doc.setIn(['configs', host, 'auth'], doc.createNode({username: entry.username, password: entry.password}));
	}
	return {ok: true, text: doc.toString({lineWidth: 0})};
}
