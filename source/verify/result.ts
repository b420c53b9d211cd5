// What a credential check found, as one line for the user and one line of advice. Nothing here
// ever holds the password, the `auth` value or a token.

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
	/** For 'unreachable': why ('proxy': the proxy failed, not the registry). */
	reason?: 'dns' | 'refused' | 'timeout' | 'network' | 'proxy';
	/** The proxy the check went through (password masked), when one was used. */
	proxy?: string;
	/** The registry wants a client certificate and got none ('required'), or refused the one given ('rejected'). */
	clientCertificate?: 'required' | 'rejected';
	/** The last URL regauth asked (no credentials in it). */
	url?: string;
	/** How the registry asked for the login. */
	scheme?: 'basic' | 'bearer';
}

export const DEFAULT_TIMEOUT_MS = 10_000;
