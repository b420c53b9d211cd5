// The mesos target's answers, their defaults and the checks only it needs.
import type {Check} from '../../answers.js';

export const DEFAULT_MARATHON_URI = 'file:///etc/docker.tar.gz';

export interface MesosOptions {
	/** Where agents fetch docker.tar.gz from (Marathon `fetch[].uri`). */
	uri: string;
	/** Image of the example Marathon app; '' derives one from the first registry. */
	image: string;
	appId: string;
}

export function mesosDefaults(): MesosOptions {
	return {uri: DEFAULT_MARATHON_URI, image: '', appId: '/private-app'};
}

/** Marathon `fetch[].uri`: an absolute URI of a gzip'd tar, which the Mesos fetcher unpacks. */
export function checkMarathonUri(uri: string): Check {
	if (uri.trim() === '') return 'Marathon URI is required: where agents fetch docker.tar.gz, for example file:///etc/docker.tar.gz.';
	if (uri.length > 1024) return 'Marathon URI is longer than Marathon allows (1024 characters).';
	// The Mesos fetcher also copies an absolute local path on the agent (docs/formats.md §5.1).
	const local = uri.startsWith('/');
	if (/\s/.test(uri) || (!local && !/^[a-z][a-z0-9+.-]*:\/\/./i.test(uri))) {
		return `Marathon URI "${uri}" is not an absolute URI or path: write it as /etc/docker.tar.gz, file:///etc/docker.tar.gz or https://host/path/docker.tar.gz.`;
	}
	let path: string;
	try {
		path = local ? uri : new URL(uri).pathname;
	} catch {
		return `Marathon URI "${uri}" is not a valid URI: write it as file:///etc/docker.tar.gz or https://host/path/docker.tar.gz.`;
	}
	if (!/\.(tar\.gz|tgz)$/i.test(path)) {
		return `Marathon URI "${uri}" must end in .tar.gz or .tgz: the Mesos fetcher only unpacks archives it recognises by name, and docker needs the unpacked .docker/config.json.`;
	}
	return undefined;
}

/** Marathon app ids: path segments of lower-case letters, digits and inner '-' or '.'. */
export function checkMarathonAppId(id: string): Check {
	const segment = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
	const parts = id.replace(/^\//, '').split('/');
	if (id === '' || !parts.every(part => segment.test(part))) {
		return `Marathon app id "${id}" is not valid: use lower-case letters, digits and '-', in /-separated segments, as in /team/private-app.`;
	}
	return undefined;
}
