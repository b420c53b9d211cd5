// Where regauth checks a credential, and over which schemes. Docker Hub's key
// https://index.docker.io/v1/ is served at registry-1.docker.io; everything else at its
// host[:port]. Plain HTTP is allowed only where docker allows it without configuration —
// localhost, 127.0.0.0/8 and ::1 — or when the user says --insecure.
import {isIPv4} from 'node:net';
import type {RegistryKey} from '../formats/registry-key.js';

export const DOCKER_HUB_API = 'registry-1.docker.io';

export interface Endpoint {
	/** host[:port] as it goes into the URL (IPv6 in brackets). */
	authority: string;
	/** The host alone, without brackets or port. */
	hostname: string;
	/** Try https first; fall back to http only if the server does not speak TLS and this is true. */
	allowHttp: boolean;
}

/** The host part of host[:port] / [v6]:port, without brackets. */
export function hostnameOf(authority: string): string {
	if (authority.startsWith('[')) return authority.slice(1, authority.indexOf(']'));
	const colon = authority.lastIndexOf(':');
	return colon === -1 ? authority : authority.slice(0, colon);
}

/** Loopback as docker's default insecure registries see it: localhost, 127.0.0.0/8, ::1. */
export function isLoopback(hostname: string): boolean {
	const host = hostname
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '');
	if (host === 'localhost') return true;
	if (isIPv4(host)) return host.startsWith('127.');
	return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

export function registryEndpoint(registry: RegistryKey, insecure: boolean): Endpoint {
	const authority = registry.isDockerHub ? DOCKER_HUB_API : registry.host;
	const hostname = hostnameOf(authority);
	return {authority, hostname, allowHttp: insecure || isLoopback(hostname)};
}

/** May credentials be sent to this URL? Over https always; over http only to loopback or with --insecure. */
export function mayCarryCredentials(url: URL, insecure: boolean): boolean {
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && (insecure || isLoopback(url.hostname));
}
