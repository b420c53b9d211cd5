// The kubernetes target's answers (also read by external-secret: the Secret's name and namespaces) and their defaults.
export const DEFAULT_SECRET_NAME = 'regcred';

export interface KubernetesOptions {
	/** [] means: no namespace in the manifest, kubectl's current namespace applies. */
	namespaces: string[];
	secretName: string;
	/** Every namespace of each cluster (listed by kubectl when the plan is made). */
	allNamespaces: boolean;
	/** LABEL=VALUE: the namespaces kubectl lists with this label selector; '' for none. */
	namespaceSelector: string;
	/** kubectl contexts, one cluster each; [] means the current context. */
	contexts: string[];
	secretType: 'dockerconfigjson' | 'dockercfg';
	/** '' means: do not patch a ServiceAccount. */
	serviceAccount: string;
	/** Image for the example Pod; '' derives one from the first registry. */
	image: string;
}

export function kubernetesDefaults(): KubernetesOptions {
	return {
		namespaces: [],
		allNamespaces: false,
		namespaceSelector: '',
		secretName: DEFAULT_SECRET_NAME,
		contexts: [],
		secretType: 'dockerconfigjson',
		serviceAccount: '',
		image: '',
	};
}
