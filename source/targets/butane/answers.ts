// The butane target's answers, their defaults and the check only it needs.
import type {Check} from '../../answers.js';

export interface ButaneOptions {
	version: '1.0.0' | '1.1.0';
	/** inline: the secret is inside the config; remote: the config points at a file the user hosts. */
	secret: 'inline' | 'remote';
	/** For remote: the URL where the user will host the generated config.json. */
	remoteUrl: string;
	includeRkt: boolean;
}

export function butaneDefaults(): ButaneOptions {
	return {version: '1.0.0', secret: 'inline', remoteUrl: '', includeRkt: false};
}

/** Where the user will host the config.json a remote Butane config points at (Ignition source schemes). */
export function checkRemoteUrl(url: string, version: ButaneOptions['version']): Check {
	if (url.trim() === '') return 'Remote URL is required to host the secret: the https:// address where you will put config.json.';
	const schemes = version === '1.1.0' ? ['http', 'https', 'tftp', 's3', 'gs', 'arn'] : ['http', 'https', 'tftp', 's3', 'gs'];
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!scheme || !parsed || /[\s\u0000-\u001F\u007F-\u009F]/.test(url) || !schemes.includes(scheme)) {
		return `Remote URL "${url}" must be an absolute ${schemes.join(', ')} URL that Ignition can fetch, for example https://config.example.com/flatcar/config.json.`;
	}
	// Ignition's validateURL (docs/formats.md §6.6): an s3 (or S3 ARN) source may name an object
	// version, but then not an empty one; an arn source must be an S3 object ARN.
	if ((scheme === 's3' || scheme === 'arn') && parsed.searchParams.has('versionId') && parsed.searchParams.get('versionId') === '') {
		return `Remote URL "${url}" has an empty versionId; Ignition refuses it ("invalid S3 object VersionId"): give the object's version or drop ?versionId=.`;
	}
	if (scheme === 'arn' && !/^arn:[^:]+:s3:::[^/]+\/./.test(url)) {
		return `Remote URL "${url}" is not an S3 object ARN; Ignition accepts arn:PARTITION:s3:::BUCKET/KEY (e.g. arn:aws:s3:::my-bucket/flatcar/config.json).`;
	}
	return undefined;
}
