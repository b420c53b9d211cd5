// The external-secret target's answers and their defaults.
export interface ExternalSecretAnswers {
	/** The SecretStore or ClusterSecretStore the operator reads from. */
	store: string;
	storeKind: 'SecretStore' | 'ClusterSecretStore';
	/** The key (path) of the credential in the secret manager. */
	remoteKey: string;
	usernameProperty: string;
	passwordProperty: string;
	/** How often the operator re-reads the store (a Go duration; 0s: once). */
	refreshInterval: string;
}

export function externalSecretDefaults(): ExternalSecretAnswers {
	return {
		store: '',
		storeKind: 'SecretStore',
		remoteKey: '',
		usernameProperty: 'username',
		passwordProperty: 'password',
		refreshInterval: '1h',
	};
}
