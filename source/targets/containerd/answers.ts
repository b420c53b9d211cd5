// The containerd target's answers and their defaults.
export interface ContainerdOptions {
	/** Which config form to write when config.toml does not say: 1.x (1.6/1.7, version 2) or 2.x (version 3). */
	version: '1.x' | '2.x';
	/** Mirrors for certs.d/<host>/hosts.toml, full URLs, tried in order. */
	mirrors: string[];
	/** A CA (PEM path on the node) for the registry or its mirrors; '' for none. */
	caFile: string;
}

export function containerdDefaults(): ContainerdOptions {
	return {version: '1.x', mirrors: [], caFile: ''};
}
