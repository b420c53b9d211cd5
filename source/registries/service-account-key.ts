// A Google service-account key file as a registry password: user `_json_key`, the file's JSON as
// the password. It never expires on its own, so it suits files that cannot refresh a token
// (Kubernetes Secrets, Butane) — and must be guarded like a password. docs/cloud-registries.md
// §Google Artifact Registry. Pure: the CLI reads the file.

export const KEY_FILE_USER = '_json_key';

/** What is wrong with the text as a service-account key (undefined when it is one). */
export function serviceAccountKeyProblem(text: string): string | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return 'is not JSON: give the key file Google gave you (IAM → Service accounts → Keys → Add key → JSON)';
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'is not a JSON object: give a service-account key file';
	const key = parsed as Record<string, unknown>;
	if (key.type !== 'service_account') {
		return `has "type": ${JSON.stringify(key.type ?? null)}, not "service_account": give a service-account key, not a user's application-default credentials`;
	}
	for (const field of ['client_email', 'private_key']) {
		if (typeof key[field] !== 'string' || key[field] === '') return `has no "${field}": the file is incomplete; download the key again`;
	}
	return undefined;
}

/** The account the key belongs to, for messages (never the key itself). */
export function keyAccount(text: string): string {
	try {
		const email = (JSON.parse(text) as {client_email?: unknown}).client_email;
		return typeof email === 'string' ? email : 'the service account';
	} catch {
		return 'the service account';
	}
}
