// The kubelet's CredentialProviderConfig (kubelet.config.k8s.io/v1, GA in Kubernetes 1.26): the
// kubelet runs the cloud's plugin to get short-lived pull credentials, so nodes never hold a
// static one (docs/node-configs.md §kubelet credential providers). Pure.
import {stringify} from 'yaml';

export type CloudPlugin = 'ecr' | 'gar' | 'acr';

interface Provider {
	name: string;
	matchImages: string[];
	defaultCacheDuration: string;
	args?: string[];
}

// Each plugin's usual configuration, as its own project documents it. For ECR in China the
// pattern is *.amazonaws.com.cn: the Kubernetes task page's "*.amazonaws.cn" cannot match.
const PROVIDERS: Record<CloudPlugin, Provider> = {
	ecr: {
		name: 'ecr-credential-provider',
		matchImages: ['*.dkr.ecr.*.amazonaws.com', '*.dkr.ecr.*.amazonaws.com.cn', '*.dkr.ecr-fips.*.amazonaws.com', '*.dkr-ecr.*.on.aws', 'public.ecr.aws'],
		defaultCacheDuration: '12h',
		args: ['get-credentials'],
	},
	gar: {
		name: 'auth-provider-gcp',
		matchImages: ['container.cloud.google.com', 'gcr.io', '*.gcr.io', '*.pkg.dev'],
		defaultCacheDuration: '1m',
		args: ['get-credentials', '--v=3'],
	},
	acr: {
		name: 'acr-credential-provider',
		matchImages: ['*.azurecr.io', '*.azurecr.cn', '*.azurecr.de', '*.azurecr.us'],
		defaultCacheDuration: '10m',
		args: ['/etc/kubernetes/azure.json'],
	},
};

export function credentialProviderPlugin(plugin: CloudPlugin): Readonly<Provider> {
	return PROVIDERS[plugin];
}

export function credentialProviderConfig(plugins: readonly CloudPlugin[]): string {
	const providers = [...new Set(plugins)].map(plugin => {
		const {name, matchImages, defaultCacheDuration, args} = PROVIDERS[plugin];
		return {name, matchImages, defaultCacheDuration, apiVersion: 'credentialprovider.kubelet.k8s.io/v1', ...(args ? {args} : {})};
	});
	return stringify({apiVersion: 'kubelet.config.k8s.io/v1', kind: 'CredentialProviderConfig', providers}, {lineWidth: 0});
}
