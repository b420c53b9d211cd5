// containerd's declaration: the CRI registry auth for the node (a drop-in, or config.toml in
// place), and certs.d/<host>/hosts.toml for mirrors and CAs; staged when /etc is not writable.
import {choiceOption, listOption, type TargetSpec, textOption} from '../declaration.js';

export const CONTAINERD_DIR = '/etc/containerd';

/** A mirror for hosts.toml: an http(s) URL of a host, optionally with a port and path. */
export function checkMirrorUrl(mirror: string): string | undefined {
	let url: URL | undefined;
	try {
		url = new URL(mirror);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol) || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
		return `Mirror "${mirror}" is not a mirror URL: write it as https://mirror.example.com:5000 (http:// only for a plain-HTTP mirror), without a user or password.`;
	}
	return undefined;
}

export const containerdSpec: TargetSpec<'containerd'> = {
	id: 'containerd',
	title: 'containerd',
	description: 'the node’s CRI registry auth (/etc/containerd), and certs.d hosts.toml for a mirror or CA',
	outputName: 'containerd',
	credentialHelper: false,
	writes: [{kind: 'system', dir: CONTAINERD_DIR}],
	help: {heading: 'containerd (Kubernetes nodes, k8s CRI)'},
	options: [
		choiceOption({
			group: 'containerd',
			key: 'version',
			label: 'containerd version',
			hint: 'the config form for a node without config.toml; an existing config.toml’s version wins',
			choices: [
				{value: '1.x', label: '1.6 / 1.7 (config version 2)'},
				{value: '2.x', label: '2.x (config version 3)'},
			],
			flag: {
				name: 'containerd-version',
				value: 'VER',
				help: ['1.x (1.6/1.7, config version 2; default) or 2.x', '(version 3); an existing config.toml decides'],
			},
		}),
		listOption({
			group: 'containerd',
			key: 'mirrors',
			label: 'Mirrors',
			hint: 'mirror URLs tried before the registry (certs.d hosts.toml), separated by commas; empty: none',
			flag: {name: 'containerd-mirror', value: 'URL', help: ['a mirror tried before the registry (hosts.toml);', 'repeatable, in order']},
			check: mirrors => mirrors.flatMap(mirror => checkMirrorUrl(mirror) ?? []),
		}),
		textOption({
			group: 'containerd',
			key: 'caFile',
			label: 'CA file',
			hint: 'PEM file on the node that signs the registry’s (or mirror’s) certificate; empty: none',
			flag: {name: 'containerd-ca', value: 'PATH', help: ["the CA (PEM path on the node) for the registry's TLS"]},
			check: path =>
				path === '' || path.startsWith('/') ? undefined : `CA file "${path}" must be an absolute path on the node, such as /etc/containerd/certs.d/ca.pem.`,
		}),
	],
};
