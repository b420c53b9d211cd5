// A failed connection in words: what went wrong on the way to the registry (or its token service,
// or the proxy in front of both), one line for the user and one line of advice. Apart from
// result.ts so the CLI's first screen, which needs only the result's shape, does not load it.
import type {NetFailure} from './classify-error.js';
import type {VerifyResult} from './result.js';

function portOf(url: URL): string {
	return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** What the check knew about the way to the server, for failures that depend on it. */
export interface PathContext {
	/** The proxy in use (masked) and the variable that named it. */
	proxy?: {shown: string; variable: string; hasUser: boolean};
	/** The client certificate presented, if any. */
	clientCertFile?: string;
	/** Where a client certificate for this registry would be looked for, as shown to the user. */
	certsDirs: readonly string[];
}

/** A connection that failed, in words. `what` names the server: "quay.io" or "the token service auth.example.com". */
export function failureResult(registry: string, failure: NetFailure, url: URL, what: string, timeoutMs: number, path?: PathContext): VerifyResult {
	const base = {registry, url: url.href, ...(path?.proxy ? {proxy: path.proxy.shown} : {})};
	switch (failure.kind) {
		case 'proxy':
			return proxyResult(base, failure, url, what, path);
		case 'proxy-config':
			return {
				...base,
				status: 'unreachable',
				reason: 'proxy',
				message: `${what}: ${failure.message}`,
				advice: 'Fix or unset the variable; docker would fail on it too.',
			};
		case 'client-cert':
			return path?.clientCertFile
				? {
						...base,
						status: 'tls',
						clientCertificate: 'rejected',
						message: `TLS problem with ${what}: it turned down the client certificate ${path.clientCertFile} (${failure.code})`,
						advice: `Check that it is the certificate the registry's operator issued for you and still valid: openssl x509 -in ${path.clientCertFile} -noout -issuer -enddate`,
					}
				: {
						...base,
						status: 'tls',
						clientCertificate: 'required',
						message: `TLS problem with ${what}: it requires a client certificate and regauth had none to give (${failure.code})`,
						advice: `Give one with --cert-file FILE --key-file FILE, or put client.cert and client.key into ${path?.certsDirs[0] ?? `/etc/docker/certs.d/${url.host}`}/ as docker expects${
							path && path.certsDirs.length > 1 ? ` (also read: ${path.certsDirs.slice(1).join(', ')})` : ''
						}.`,
					};
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
				message: `${what}: no answer within ${Math.round(timeoutMs / 100) / 10} s${path?.proxy ? ` (through the proxy ${path.proxy.shown} from ${path.proxy.variable})` : ''}`,
				advice: path?.proxy
					? `Check that the proxy forwards to ${url.host}, or list the registry in NO_PROXY if it is reachable directly; give a slow registry more time with --verify-timeout SECONDS.`
					: 'Check firewalls, proxies and VPNs on the way; give a slow registry more time with --verify-timeout SECONDS.',
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
			return {
				...base,
				status: 'tls',
				message: `TLS problem with ${what}: ${failure.problem} (${failure.code})`,
				// A proxy that inspects TLS re-signs every site with its own CA: that CA is the one to trust.
				advice: `${tlsAdvice(failure.code, url)}${path?.proxy && /SELF_SIGNED|UNABLE_TO|UNTRUSTED|INVALID_CA|CHAIN/.test(failure.code) ? ` Behind ${path.proxy.shown}, a proxy that inspects TLS signs with its own CA: pass that CA instead.` : ''}`,
			};
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

function proxyResult(
	base: {registry: string; url: string; proxy?: string},
	failure: Extract<NetFailure, {kind: 'proxy'}>,
	url: URL,
	what: string,
	path: PathContext | undefined,
): VerifyResult {
	const proxy = `the proxy ${failure.proxy} (from ${failure.variable})`;
	const unreachable = (message: string, advice: string): VerifyResult => ({
		...base,
		status: 'unreachable',
		reason: 'proxy',
		message: `${what}: ${message}`,
		advice,
	});
	const bypass = 'If the registry is reachable without the proxy, list it in NO_PROXY.';
	// 407 is the standard answer; tinyproxy, for one, answers a wrong login with 401.
	if (failure.status === 407 || failure.status === 401) {
		const hasUser = path?.proxy?.hasUser ?? false;
		return unreachable(
			`${proxy} ${hasUser ? 'refused the login' : 'wants a login'} (HTTP ${failure.status}${failure.status === 407 ? ' Proxy Authentication Required' : ''}); the registry was not asked`,
			hasUser
				? `Check the user and password in ${failure.variable} (in the URL, write @ as %40 and : as %3A).`
				: `Put the proxy's user and password into the URL: ${failure.variable}=http://USER:PASSWORD@host:port (write @ as %40, : as %3A).`,
		);
	}
	if (failure.status !== undefined && failure.status >= 500) {
		return unreachable(
			`${proxy} could not connect to ${url.host} (HTTP ${failure.status}): the registry's name does not resolve from the proxy, or nothing answers there`,
			`Check the registry's address from a machine behind the same proxy. ${bypass}`,
		);
	}
	if (failure.status !== undefined) {
		return unreachable(
			`${proxy} refused to open a tunnel to ${url.host} (HTTP ${failure.status})`,
			`The proxy's rules block this host or port; ask its operator. ${bypass}`,
		);
	}
	const host = failure.proxy.replace(/^[a-z]+:\/\/(?:[^@]*@)?/, '');
	if (failure.code === 'ECONNREFUSED')
		return unreachable(
			`${proxy} refused the connection: nothing listens at ${host}`,
			`Check the host and port in ${failure.variable}, or unset it if this network needs no proxy.`,
		);
	if (DNS_CODES.has(failure.code))
		return unreachable(
			`the host name of ${proxy} does not resolve (DNS: ${failure.code})`,
			`Check the host in ${failure.variable}, or unset it if this network needs no proxy.`,
		);
	if (failure.code.startsWith('ERR_SSL') || failure.code.startsWith('ERR_TLS') || /CERT|SIGNED|UNABLE_TO/.test(failure.code))
		return {
			...base,
			status: 'tls',
			reason: 'proxy',
			message: `${what}: TLS problem with ${proxy} (${failure.code})`,
			advice: `If the proxy's certificate comes from a private CA, pass that CA with --ca-file FILE or add it to the system's trust store.`,
		};
	return unreachable(`could not talk to ${proxy} (${failure.code})`, `Check ${failure.variable}, or unset it if this network needs no proxy.`);
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
