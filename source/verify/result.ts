// What a credential check found, as one line for the user and one line of advice. Nothing here
// ever holds the password, the `auth` value or a token.
import type {NetFailure} from './classify-error.js';

export type VerifyStatus =
	/** The registry accepted the credentials. */
	| 'verified'
	/** The registry (or its token service) refused them: a definitive "wrong credentials". */
	| 'rejected'
	/** DNS, connection refused, timeout, another network error. */
	| 'unreachable'
	/** A TLS problem: untrusted or wrong certificate, or plain HTTP where HTTPS is required. */
	| 'tls'
	/** The server answered, but not as a registry does (404, 500, no challenge…). */
	| 'unexpected'
	/** The registry needs no login at /v2/: the credentials cannot be checked there. */
	| 'anonymous'
	| 'cancelled'
	/** The input cannot be checked: the registry name or --ca-file is wrong. */
	| 'invalid';

export interface VerifyResult {
	status: VerifyStatus;
	/** The registry as regauth names it: host[:port], docker.io for Docker Hub. */
	registry: string;
	/** What happened, one line. */
	message: string;
	/** What to do, one line ('' when verified). */
	advice: string;
	/** For 'unreachable': why. */
	reason?: 'dns' | 'refused' | 'timeout' | 'network';
	/** The last URL regauth asked (no credentials in it). */
	url?: string;
	/** How the registry asked for the login. */
	scheme?: 'basic' | 'bearer';
}

export const DEFAULT_TIMEOUT_MS = 10_000;

function portOf(url: URL): string {
	return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** A connection that failed, in words. `what` names the server: "quay.io" or "the token service auth.example.com". */
export function failureResult(registry: string, failure: NetFailure, url: URL, what: string, timeoutMs: number): VerifyResult {
	const base = {registry, url: url.href};
	switch (failure.kind) {
		case 'dns':
			return {
				...base,
				status: 'unreachable',
				reason: 'dns',
				message:
					failure.code === 'EAI_AGAIN'
						? `${what}: the DNS lookup of ${url.hostname} failed for now (EAI_AGAIN)`
						: `${what}: the host name ${url.hostname} does not resolve (DNS: ${failure.code})`,
				advice: 'Check the spelling of the registry; if it is only visible inside another network, check it from there.',
			};
		case 'refused':
			return {
				...base,
				status: 'unreachable',
				reason: 'refused',
				message: `${what}: connection refused on port ${portOf(url)}, nothing listens there`,
				advice: 'Check the port and that the registry is running.',
			};
		case 'timeout':
			return {
				...base,
				status: 'unreachable',
				reason: 'timeout',
				message: `${what}: no answer within ${Math.round(timeoutMs / 100) / 10} s`,
				advice: 'Check firewalls, proxies and VPNs on the way; give a slow registry more time with --verify-timeout SECONDS.',
			};
		case 'network':
			return {
				...base,
				status: 'unreachable',
				reason: 'network',
				message: `${what}: could not be reached (${failure.code}: ${failure.message})`,
				advice: 'Check the network path to the registry.',
			};
		case 'plain-http':
			return {
				...base,
				status: 'tls',
				message: `${what} answered in plain HTTP, not HTTPS`,
				advice: 'If it really serves plain HTTP on a network you trust, add --insecure (docker needs it listed under insecure-registries too).',
			};
		case 'tls':
			return {...base, status: 'tls', message: `TLS problem with ${what}: ${failure.problem} (${failure.code})`, advice: tlsAdvice(failure.code, url)};
		case 'cancelled':
			return {...base, status: 'cancelled', message: `${what}: the check was cancelled`, advice: ''};
	}
}

function tlsAdvice(code: string, url: URL): string {
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'Use the host name the certificate was issued for, or have the certificate reissued with this name.';
	if (code === 'CERT_HAS_EXPIRED') return 'The registry’s certificate must be renewed; docker refuses it too.';
	if (code === 'CERT_NOT_YET_VALID') return 'Check this machine’s clock (date); otherwise the certificate must be reissued.';
	if (/SELF_SIGNED|UNABLE_TO|UNTRUSTED|INVALID_CA|CHAIN/.test(code)) {
		return `If the registry uses a private CA, pass its certificate with --ca-file FILE (docker reads it from /etc/docker/certs.d/${url.host}/ca.crt).`;
	}
	return 'Check the registry’s TLS setup; docker would fail the same way.';
}
