// An External Secrets Operator ExternalSecret whose target is a kubernetes.io/dockerconfigjson
// Secret built from two properties of one key in the team's secret manager (docs/node-configs.md
// §External Secrets). It holds no secret: the operator fills it in, and refreshes it.
// The template uses toJson so a token containing " or \ still gives valid JSON.
import {stringify} from 'yaml';

export interface ExternalSecretOptions {
	name: string;
	namespace?: string;
	/** The `.dockerconfigjson` key (docker's key for the registry). */
	registryKey: string;
	storeName: string;
	storeKind: 'SecretStore' | 'ClusterSecretStore';
	remoteKey: string;
	usernameProperty: string;
	passwordProperty: string;
	refreshInterval: string;
}

export function externalSecret(options: ExternalSecretOptions): string {
	const auths = `{"auths":{${JSON.stringify(options.registryKey)}:{"username":{{ .username | toJson }},"password":{{ .password | toJson }},"auth":{{ printf "%s:%s" .username .password | b64enc | toJson }}}}}`;
	const manifest = {
		apiVersion: 'external-secrets.io/v1',
		kind: 'ExternalSecret',
		metadata: {name: options.name, ...(options.namespace ? {namespace: options.namespace} : {})},
		spec: {
			refreshInterval: options.refreshInterval,
			secretStoreRef: {kind: options.storeKind, name: options.storeName},
			target: {
				name: options.name,
				creationPolicy: 'Owner',
				template: {engineVersion: 'v2', type: 'kubernetes.io/dockerconfigjson', data: {'.dockerconfigjson': auths}},
			},
			data: [
				{secretKey: 'username', remoteRef: {key: options.remoteKey, property: options.usernameProperty}},
				{secretKey: 'password', remoteRef: {key: options.remoteKey, property: options.passwordProperty}},
			],
		},
	};
	return stringify(manifest, {lineWidth: 0});
}
