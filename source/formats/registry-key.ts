// How a registry the user typed becomes the key docker, kubectl and podman look it up by.
// Facts: docs/formats.md §1.4 (ConvertToHostname, the Docker Hub key).

export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

const HUB_ALIASES = new Set(['', 'docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

export interface RegistryKey {
	/** The key written into config.json `auths` and the Kubernetes Secret. */
	key: string;
	/** Bare `host[:port]`; `docker.io` for Docker Hub. */
	host: string;
	isDockerHub: boolean;
	/** What was changed from the input, to tell the user (scheme or path dropped…). */
	notes: string[];
}

export type RegistryResult = {ok: true; value: RegistryKey} | {ok: false; message: string};

// Docker's reference grammar for a domain component: letters, digits and inner hyphens.
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function fail(message: string): RegistryResult {
	return {ok: false, message};
}

function checkPort(port: string, input: string): string | undefined {
	if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
		return `Registry "${input}": the port must be a number from 1 to 65535, as in registry.example.com:5000.`;
	}
	return undefined;
}

function hostPort(text: string, input: string): {host: string} | {error: string} {
	if (text.startsWith('[')) {
		const match = /^\[([0-9a-f:.]+)\](?::(.*))?$/.exec(text);
		if (!match || !isIpv6(match[1]!)) {
			return {error: `Registry "${input}": "${text}" is not a valid bracketed IPv6 address; write it as [2001:db8::1]:5000.`};
		}
		const portError = match[2] === undefined ? undefined : checkPort(match[2], input);
		if (portError) return {error: portError};
		return {host: `[${compressIpv6(match[1]!)}]${match[2] === undefined ? '' : `:${match[2]}`}`};
	}
	if ((text.match(/:/g) ?? []).length > 1) {
		if (isIpv6(text)) return {host: `[${compressIpv6(text)}]`};
		return {error: `Registry "${input}": an IPv6 address goes in brackets, as in [2001:db8::1]:5000.`};
	}
	const [name, port] = text.split(':') as [string, string | undefined];
	if (port !== undefined) {
		const portError = checkPort(port, input);
		if (portError) return {error: portError};
	}
	if (name.length === 0) return {error: `Registry "${input}": the host name is missing; enter a host such as quay.io.`};
	if (/[^\x20-\x7e]/.test(name)) {
		return {error: `Registry "${input}": use the ASCII (punycode) form of the host name, as in xn--bcher-kva.example.`};
	}
	const labels = name.split('.');
	if (name.length > 253 || !labels.every(label => label.length <= 63 && LABEL.test(label))) {
		return {error: `Registry "${input}": "${name}" is not a valid host name; use letters, digits, dots and inner hyphens, as in registry.example.com.`};
	}
	return {host: port === undefined ? name : `${name}:${port}`};
}

function isIpv6(text: string): boolean {
	try {
		return new URL(`http://[${text}]/`).hostname.length > 2;
	} catch {
		return false;
	}
}

function compressIpv6(text: string): string {
	return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

/** Normalise a registry as typed into the key docker would store it under. */
export function registryKey(raw: string): RegistryResult {
	const input = raw.trim();
	const notes: string[] = [];
	let text = input.toLowerCase();
	if (text !== input) notes.push('upper case folded to lower case');

	const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
	if (scheme) {
		if (scheme[1] !== 'https' && scheme[1] !== 'http') {
			return fail(`Registry "${input}": only http:// or https:// addresses make sense here; enter the host, as in quay.io.`);
		}
		text = text.slice(scheme[0].length);
	}
	const slash = text.search(/[/?#]/);
	const hadPath = slash !== -1 && text.slice(slash) !== '/';
	if (slash !== -1) text = text.slice(0, slash);
	const at = text.lastIndexOf('@');
	if (at !== -1) {
		return fail(`Registry "${input}": do not put credentials in the address; enter the host alone and the user name in its own field.`);
	}

	if (HUB_ALIASES.has(text)) {
		if (scheme || hadPath) notes.push(`"${input}" is Docker Hub: stored under ${DOCKER_HUB_KEY}, as docker login does`);
		return {ok: true, value: {key: DOCKER_HUB_KEY, host: 'docker.io', isDockerHub: true, notes}};
	}

	const parsed = hostPort(text, input);
	if ('error' in parsed) return fail(parsed.error);
	if (scheme || hadPath) notes.push(`reduced "${input}" to ${parsed.host}: docker keys registries by host[:port] only`);
	return {ok: true, value: {key: parsed.host, host: parsed.host, isDockerHub: false, notes}};
}
