// External Secrets Operator's declaration: an ExternalSecret that builds the pull Secret from a
// key in the team's secret manager. It uses the kubernetes target's Secret name and namespaces.
import {checkSecretName} from '../../answers.js';
import {choiceOption, type TargetSpec, textOption} from '../declaration.js';

/** A Go duration as ESO's refreshInterval takes it (1h, 30m, 1h30m; 0s: fetch once). */
export function checkDuration(value: string): string | undefined {
	if (/^(?:0|(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.test(value)) return undefined;
	return `Refresh interval "${value}" is not a Go duration: write 1h, 30m or 1h30m (0s: read the store once).`;
}

const required = (label: string, example: string) => (value: string) => (value === '' ? `${label} is required, for example ${example}.` : undefined);

export const externalSecretSpec: TargetSpec<'external-secret'> = {
	id: 'external-secret',
	title: 'External Secrets',
	description: 'an ExternalSecret (external-secrets.io/v1): the pull Secret built from your secret manager, no secret in it',
	outputName: 'ExternalSecret manifests',
	credentialHelper: false,
	holdsNoSecret: true,
	writes: [{kind: 'project', path: 'external-secret/'}],
	help: {heading: 'External Secrets Operator (uses --secret-name, --namespace, --context)'},
	options: [
		textOption({
			group: 'externalSecret',
			key: 'store',
			label: 'Secret store',
			hint: 'the SecretStore or ClusterSecretStore that reads your secret manager',
			flag: {name: 'secret-store', value: 'NAME', help: ['the SecretStore/ClusterSecretStore to read from']},
			check: name =>
				required('Secret store', 'vault-backend')(name) ??
				(checkSecretName(name) ? `Secret store "${name}" is not a valid Kubernetes name: use lower-case letters, digits, '-' and '.'.` : undefined),
		}),
		choiceOption({
			group: 'externalSecret',
			key: 'storeKind',
			label: 'Store kind',
			hint: 'SecretStore lives in each namespace; ClusterSecretStore serves them all',
			choices: [
				{value: 'SecretStore', label: 'SecretStore (per namespace)'},
				{value: 'ClusterSecretStore', label: 'ClusterSecretStore (cluster-wide)'},
			],
			flag: {name: 'secret-store-kind', value: 'KIND', help: ['SecretStore (default) or ClusterSecretStore']},
		}),
		textOption({
			group: 'externalSecret',
			key: 'remoteKey',
			label: 'Remote key',
			hint: 'where the credential lives in the secret manager (a path or secret name)',
			flag: {name: 'remote-key', value: 'KEY', help: ['the key of the credential in the secret manager']},
			check: key =>
				required('Remote key', 'registry/ghcr')(key) ?? (/[\x00-\x1f]/.test(key) ? 'Remote key contains a control character; retype it.' : undefined),
		}),
		textOption({
			group: 'externalSecret',
			key: 'usernameProperty',
			label: 'Username property',
			hint: 'the property of that key holding the user name',
			flag: {name: 'username-property', value: 'PROP', help: ['property holding the user name (default username)']},
			check: required('Username property', 'username'),
		}),
		textOption({
			group: 'externalSecret',
			key: 'passwordProperty',
			label: 'Password property',
			hint: 'the property of that key holding the password or token',
			flag: {name: 'password-property', value: 'PROP', help: ['property holding the token (default password)']},
			check: required('Password property', 'password'),
		}),
		textOption({
			group: 'externalSecret',
			key: 'refreshInterval',
			label: 'Refresh interval',
			hint: 'how often the operator reads the store again (0s: once)',
			flag: {name: 'refresh-interval', value: 'DUR', help: ['how often the operator re-reads the store (default 1h)']},
			check: checkDuration,
		}),
	],
};
