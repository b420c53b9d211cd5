// The repository part of an image reference on a given registry (for a Bearer pull scope):
// "quay.io/myorg/app:1.0" on quay.io → "myorg/app". Pure.

export function repositoryOf(image: string, host: string): string | undefined {
	const prefix = `${host}/`;
	if (host === '' || !image.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
	const path = image
		.slice(prefix.length)
		.replace(/@.*$/, '')
		.replace(/:[^/]*$/, '');
	return /^[a-z0-9]+(?:[._-]+[a-z0-9]+|__)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path) ? path : undefined;
}
