// A failed connection, named precisely: DNS, refused, timeout, a network error, or a TLS problem
// (which one), from the error codes node's net/tls/http layers give. Pure, so every branch is
// unit-tested without a network.

export type NetFailure =
	| {kind: 'dns'; code: string}
	| {kind: 'refused'}
	| {kind: 'timeout'}
	| {kind: 'network'; code: string; message: string}
	| {kind: 'plain-http'}
	| {kind: 'tls'; code: string; problem: string}
	/** The server turned the TLS handshake down over the client certificate: none, or one it does not accept. */
	| {kind: 'client-cert'; code: string}
	/** The proxy, not the registry: unreachable, or it refused the tunnel (status). */
	| {kind: 'proxy'; proxy: string; variable: string; code: string; status?: number}
	/** HTTPS_PROXY or HTTP_PROXY holds something that is not a usable proxy URL. */
	| {kind: 'proxy-config'; message: string}
	| {kind: 'cancelled'};

/**
 * TLS alerts a server sends when it wants a (different) client certificate: 116
 * certificate_required (TLS 1.3, OpenSSL and current Go), 42 bad_certificate (Go up to at least
 * 1.19, also for an untrusted one), 48 unknown_ca (OpenSSL with an untrusted one), 46
 * certificate_unknown (docs/networks.md §3.4).
 */
const CLIENT_CERT_ALERTS = new Set([
	'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
	'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
	'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
	'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);
const CLIENT_CERT_ALERT_NUMBERS = new Set(['42', '46', '48', '116']);

const UNTRUSTED = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'CERT_UNTRUSTED',
	'CERT_CHAIN_TOO_LONG',
	'INVALID_CA',
]);

const TLS_PROBLEMS: Record<string, string> = {
	CERT_HAS_EXPIRED: 'the certificate has expired',
	CERT_NOT_YET_VALID: 'the certificate is not valid yet (check this machine’s clock)',
	CERT_REVOKED: 'the certificate has been revoked',
	CERT_SIGNATURE_FAILURE: 'the certificate’s signature does not verify',
	CERT_REJECTED: 'the certificate was rejected',
	INVALID_PURPOSE: 'the certificate is not meant for a TLS server',
	ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
	ERR_SSL_UNSUPPORTED_PROTOCOL: 'no TLS version both sides support',
	ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'no TLS version both sides support',
	ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'the TLS handshake failed (no common cipher, or the server wants a client certificate)',
	ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a client certificate',
};

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

export interface RawError {
	code?: string;
	message?: string;
	name?: string;
	reason?: string;
	cert?: {subjectaltname?: string};
	/** Set by http-get.ts's ProxyError. */
	proxy?: string;
	variable?: string;
	status?: number;
}

export function classifyNetError(error: RawError, context: {timedOut: boolean; cancelled: boolean}): NetFailure {
	if (context.timedOut) return {kind: 'timeout'};
	if (context.cancelled) return {kind: 'cancelled'};
	const code = error.code ?? '';
	const message = error.message ?? String(error);
	if (error.proxy !== undefined)
		return {kind: 'proxy', proxy: error.proxy, variable: error.variable ?? '', code, ...(error.status === undefined ? {} : {status: error.status})};
	if (CLIENT_CERT_ALERTS.has(code) || CLIENT_CERT_ALERT_NUMBERS.has(/SSL alert number (\d+)/.exec(message)?.[1] ?? '')) return {kind: 'client-cert', code};
	if (DNS.has(code)) return {kind: 'dns', code};
	if (code === 'ECONNREFUSED') return {kind: 'refused'};
	if (code === 'ETIMEDOUT') return {kind: 'timeout'};
	// A TLS client hello answered in plain HTTP: OpenSSL reads "HTTP/1.1 400" as a record header.
	if (/wrong version number|packet length too long|http request/i.test(message) && (code === 'EPROTO' || code.startsWith('ERR_SSL')))
		return {kind: 'plain-http'};
	if (UNTRUSTED.has(code)) return {kind: 'tls', code, problem: 'the certificate is not signed by an authority this machine trusts'};
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		// node attaches the peer certificate; its reason text varies ("not in the cert's altnames: …", "not cert's CN: …").
		const names = error.cert?.subjectaltname || /(?:altnames|list): (.*)$/.exec(error.reason ?? message)?.[1];
		return {kind: 'tls', code, problem: names ? `the certificate is for ${names}, not this host name` : TLS_PROBLEMS[code]!};
	}
	if (TLS_PROBLEMS[code]) return {kind: 'tls', code, problem: TLS_PROBLEMS[code]};
	if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO' || /certificate|ssl|tls/i.test(message)) {
		return {
			kind: 'tls',
			code: code || 'TLS',
			problem: `the TLS handshake failed (${
				message
					.replace(/^[^:]*:error:[0-9A-F]+:SSL routines:/, '')
					.split(':')[0]
					?.trim() || code
			})`,
		};
	}
	return {kind: 'network', code: code || 'error', message};
}
