// k3s and RKE2's declaration: configs.<host>.auth in registries.yaml, merged, staged when /etc
// is not writable.
import {choiceOption, type TargetSpec} from '../declaration.js';

export const K3S_DIRS = {k3s: '/etc/rancher/k3s', rke2: '/etc/rancher/rke2'} as const;

export const k3sSpec: TargetSpec<'k3s'> = {
	id: 'k3s',
	title: 'k3s / RKE2',
	description: 'configs.<host>.auth in /etc/rancher/{k3s,rke2}/registries.yaml, keeping its mirrors',
	outputName: 'k3s registries.yaml',
	credentialHelper: false,
	writes: [
		{kind: 'system', dir: K3S_DIRS.k3s},
		{kind: 'system', dir: K3S_DIRS.rke2},
	],
	help: {heading: 'k3s and RKE2'},
	options: [
		choiceOption({
			group: 'k3s',
			key: 'distribution',
			label: 'Distribution',
			hint: 'k3s reads /etc/rancher/k3s/registries.yaml, RKE2 /etc/rancher/rke2/registries.yaml',
			choices: [
				{value: 'k3s', label: 'k3s (/etc/rancher/k3s)'},
				{value: 'rke2', label: 'RKE2 (/etc/rancher/rke2)'},
			],
			flag: {name: 'k3s-distribution', value: 'NAME', help: ['k3s (default) or rke2: which registries.yaml']},
		}),
	],
};
