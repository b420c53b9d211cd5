// Every runtime regauth configures, as the wizard lists them: name and one line on what it writes.
// Light on purpose (no target code): the first screens show it before the targets load.
import type {TargetId} from '../answers.js';

export interface TargetInfo {
	id: TargetId;
	title: string;
	/** One line for the wizard's target list: what it writes. */
	description: string;
}

export const TARGET_CATALOG: TargetInfo[] = [
	{id: 'docker', title: 'Docker', description: 'merges the login into ~/.docker/config.json (or routes it to a keychain helper)'},
	{id: 'kubernetes', title: 'Kubernetes', description: 'image pull Secrets per namespace, kubectl apply, optional ServiceAccount imagePullSecrets'},
	{id: 'podman', title: 'Podman / Buildah / Skopeo', description: 'merges the login into the persistent ~/.config/containers/auth.json'},
	{id: 'butane', title: 'Flatcar (Butane / Ignition)', description: 'a Flatcar Butane config and its Ignition JSON that give user core ~/.docker/config.json'},
	{id: 'rkt', title: 'rkt', description: 'an /etc/rkt/auth.d/<registry>.json per registry (dockerAuth, or auth for HTTPS/ACI)'},
	{id: 'mesos', title: 'Mesos / Marathon', description: 'docker.tar.gz for the Mesos fetcher and a Marathon app that fetches it'},
];

export function targetInfo(id: TargetId): TargetInfo {
	return TARGET_CATALOG.find(target => target.id === id)!;
}
