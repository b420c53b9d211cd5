// The k3s target's answers and their defaults.
export interface K3sOptions {
	/** k3s reads /etc/rancher/k3s/registries.yaml, RKE2 /etc/rancher/rke2/registries.yaml. */
	distribution: 'k3s' | 'rke2';
}

export function k3sDefaults(): K3sOptions {
	return {distribution: 'k3s'};
}
