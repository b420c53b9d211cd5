// The kubelet credential provider's declaration: a CredentialProviderConfig for the cloud
// registries among the ones given (ECR, Artifact Registry, ACR), staged when not writable.
import type {TargetSpec} from '../declaration.js';

export const KUBELET_DIR = '/etc/kubernetes';

export const kubeletCredentialProviderSpec: TargetSpec<'kubelet-credential-provider'> = {
	id: 'kubelet-credential-provider',
	title: 'kubelet credential provider',
	description: 'a CredentialProviderConfig so nodes get short-lived tokens for ECR, Artifact Registry or ACR',
	outputName: 'kubelet CredentialProviderConfig',
	credentialHelper: false,
	holdsNoSecret: true,
	writes: [{kind: 'system', dir: KUBELET_DIR}],
	options: [],
};
