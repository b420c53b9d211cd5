// A small token service for a registry configured with `auth: token` (distribution 2.8,
// registry/auth/token): it checks Basic credentials and issues an RS256 JWT whose header
// carries the signing certificate in `x5c`; the registry verifies that chain against its
// `rootcertbundle` and the signature, issuer, audience (= service) and expiry. It records
// what it was asked (never the password) so tests can check what the client sent.
import {createPrivateKey, randomUUID, sign, X509Certificate} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after} from 'node:test';
import {makeSelfSigned} from './tls.js';

export interface TokenRequest {
	service: string | null;
	scope: string | null;
	account: string | null;
	/** The Basic credentials matched. */
	accepted: boolean;
}

export interface TokenIssuer {
	realm: string;
	service: string;
	issuer: string;
	/** The certificate the registry must trust (rootcertbundle). */
	rootCertBundle: string;
	requests: TokenRequest[];
	/** YAML for the registry's `auth:` section. */
	authYaml: string;
	stop(): Promise<void>;
}

export interface TokenIssuerOptions {
	username: string;
	password: string;
	service?: string;
	issuer?: string;
	/** Sign with a key the registry does not trust (to see the registry refuse the token). */
	untrusted?: boolean;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export async function startTokenIssuer(dir: string, options: TokenIssuerOptions): Promise<TokenIssuer> {
	const service = options.service ?? 'regauth-test-registry';
	const issuer = options.issuer ?? 'regauth-test-issuer';
	const trusted = makeSelfSigned(dir, 'token-signer');
	const signer = options.untrusted ? makeSelfSigned(dir, 'rogue-signer') : trusted;
	const cert = new X509Certificate(readFileSync(signer.cert));
	const key = createPrivateKey(readFileSync(signer.key));
	const requests: TokenRequest[] = [];

	const token = (subject: string, scope: string | null) => {
		const now = Math.floor(Date.now() / 1000);
		const header = {typ: 'JWT', alg: 'RS256', x5c: [cert.raw.toString('base64')]};
		const access = scope ? [{type: scope.split(':')[0], name: scope.split(':')[1], actions: (scope.split(':')[2] ?? '').split(',')}] : [];
		const claims = {iss: issuer, sub: subject, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access};
		const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
		return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
	};

	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://issuer');
		const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
		const accepted = user === options.username && rest.join(':') === options.password;
		requests.push({service: url.searchParams.get('service'), scope: url.searchParams.get('scope'), account: url.searchParams.get('account'), accepted});
		if (url.pathname !== '/token') {
			response.writeHead(404).end();
			return;
		}
		if (!accepted) {
			response.writeHead(401, {'content-type': 'application/json'}).end(JSON.stringify({details: 'incorrect username or password'}));
			return;
		}
		const issued = token(user!, url.searchParams.get('scope'));
		response
			.writeHead(200, {'content-type': 'application/json'})
			.end(JSON.stringify({token: issued, access_token: issued, expires_in: 300, issued_at: new Date().toISOString()}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const realm = `http://127.0.0.1:${port}/token`;
	const stop = () => new Promise<void>(resolve => server.close(() => resolve()));
	after(stop);
	return {
		realm,
		service,
		issuer,
		rootCertBundle: trusted.cert,
		requests,
		authYaml: `auth:\n  token:\n    realm: ${realm}\n    service: ${service}\n    issuer: ${issuer}\n    rootcertbundle: ${trusted.cert}\n`,
		stop,
	};
}
