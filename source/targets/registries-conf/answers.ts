// The registries-conf target's answers and their defaults.
export interface RegistriesConfOptions {
	/** The registry (or registry/namespace) whose pulls the mirrors serve: the drop-in's prefix. */
	mirrorOf: string;
	/** user: ~/.config/containers/registries.conf.d (podman, skopeo as this user); system: /etc/containers (CRI-O, root). */
	scope: 'user' | 'system';
	/** The mirror speaks plain HTTP or has an untrusted certificate (test labs only). */
	insecure: boolean;
}

export function registriesConfDefaults(): RegistriesConfOptions {
	return {mirrorOf: '', scope: 'user', insecure: false};
}
