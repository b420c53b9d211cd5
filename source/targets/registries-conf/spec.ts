// registries.conf.d's declaration: a drop-in that sends pulls of a registry to a mirror (the
// registry logged in to), and the mirror's login in containers auth.json.
import {choiceOption, switchOption, type TargetSpec, textOption} from '../declaration.js';

export const SYSTEM_REGISTRIES_D = '/etc/containers/registries.conf.d';

/** A registries.conf prefix: host[:port][/path], or a leading *.domain wildcard. */
export function checkMirrorOf(prefix: string): string | undefined {
	if (prefix === '') return 'Mirror of is required: the registry whose pulls the mirror serves, for example docker.io or quay.io/team.';
	const host = '(?:\\*\\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\\d{1,5})?';
	if (!new RegExp(`^${host}(?:/[a-z0-9._-]+)*$`).test(prefix) || (prefix.startsWith('*.') && prefix.includes('/'))) {
		return `Mirror of "${prefix}" is not a registries.conf prefix: write the registry as images name it, such as docker.io, quay.io/team or *.example.com, without https://.`;
	}
	return undefined;
}

export const registriesConfSpec: TargetSpec<'registries-conf'> = {
	id: 'registries-conf',
	title: 'registries.conf mirror',
	description: 'a containers registries.conf.d drop-in: pulls of a registry go to this mirror first (podman, CRI-O)',
	outputName: 'registries.conf.d',
	credentialHelper: false,
	writes: [{kind: 'system', dir: SYSTEM_REGISTRIES_D}],
	help: {heading: 'registries.conf mirror (podman, skopeo, buildah, CRI-O)', lines: ['  --registry is the mirror; its login goes into containers auth.json']},
	options: [
		textOption({
			group: 'registriesConf',
			key: 'mirrorOf',
			label: 'Mirror of',
			hint: 'the registry whose pulls this mirror serves (the registry you log in to), e.g. docker.io',
			flag: {name: 'mirror-of', value: 'REGISTRY', help: ['the registry (or registry/namespace) the mirror serves']},
			check: checkMirrorOf,
		}),
		choiceOption({
			group: 'registriesConf',
			key: 'scope',
			label: 'For',
			hint: 'user: podman and skopeo as you; system: /etc/containers (CRI-O, root)',
			choices: [
				{value: 'user', label: 'this user (~/.config/containers)'},
				{value: 'system', label: 'the machine (/etc/containers, CRI-O)'},
			],
			flag: {name: 'mirror-scope', value: 'SCOPE', help: ['user (default: ~/.config/containers) or system', '(/etc/containers, for CRI-O)']},
		}),
		switchOption({
			group: 'registriesConf',
			key: 'insecure',
			label: 'Mirror TLS',
			hint: 'plain HTTP or an unverified certificate: only for a lab mirror',
			choices: ['verified HTTPS', 'insecure (HTTP, lab only)'],
			flag: {name: 'mirror-insecure', help: ['the mirror speaks plain HTTP (labs only)']},
		}),
	],
};
