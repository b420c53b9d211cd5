// One GET with node's own http/https: no redirects (a registry's /v2/ and token endpoints answer
// directly, and following one could carry the Authorization header elsewhere), a bounded body,
// and the raw node error on failure for classify-error.ts to name.
// Through a proxy when Go's rules say so (proxy-rules.ts): https through a CONNECT tunnel
// (https-proxy-agent), plain http as an absolute-URI request (http-proxy-agent). Both are loaded
// only when a proxy is in play, so a direct check costs nothing more (docs/networks.md §2).
import type {Agent} from 'node:http';
import {request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import {request as httpsRequest} from 'node:https';
import type {SecureContext} from 'node:tls';
import {type ProxyChoice, redactProxy} from './proxy-rules.js';

export interface HttpResponse {
	status: number;
	headers: IncomingHttpHeaders;
	/** At most the first 64 KiB. */
	body: string;
}

export interface GetOptions {
	headers?: Record<string, string>;
	secureContext?: SecureContext;
	signal: AbortSignal;
	/** Go each request through this proxy (undefined: direct). */
	proxy?: ProxyChoice;
	/** Trust for a proxy spoken to over https:// (the same authorities as for the registry). */
	proxyContext?: SecureContext;
}

/**
 * A failure on the way to or at the proxy, not at the registry: the proxy could not be reached,
 * or it answered the tunnel request with something other than 200.
 */
export class ProxyError extends Error {
	constructor(
		/** The proxy, credentials masked. */
		readonly proxy: string,
		readonly variable: string,
		/** The node error code of the connection to the proxy (ECONNREFUSED, ENOTFOUND…). */
		readonly code: string,
		/** The proxy's HTTP answer to CONNECT (or to a plain-http request), when it gave one. */
		readonly status?: number,
		/** The first part of the proxy's error page, for its reason. */
		readonly body?: string,
	) {
		super(status === undefined ? `proxy ${proxy}: ${code}` : `proxy ${proxy} answered ${status}`);
	}
}

const MAX_BODY = 64 * 1024;

/**
 * The agents log through the `debug` package, and with DEBUG=* it would print the proxy URL with
 * its password. `debug` reads DEBUG once, when first loaded: hide it for that moment.
 */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
	const saved = process.env.DEBUG;
	delete process.env.DEBUG;
	try {
		return await load();
	} finally {
		if (saved !== undefined) process.env.DEBUG = saved;
	}
}

async function proxyAgent(proxy: ProxyChoice, https: boolean, proxyContext: SecureContext | undefined): Promise<Agent> {
	const tls = proxy.url.protocol === 'https:' && proxyContext ? {secureContext: proxyContext} : {};
	if (https) {
		const {HttpsProxyAgent} = await quietly(() => import('https-proxy-agent'));
		return new HttpsProxyAgent(proxy.url, {keepAlive: false, ...tls});
	}
	const {HttpProxyAgent} = await quietly(() => import('http-proxy-agent'));
	return new HttpProxyAgent(proxy.url, {keepAlive: false, ...tls});
}

export async function httpGet(url: URL, options: GetOptions): Promise<HttpResponse> {
	const https = url.protocol === 'https:';
	const proxy = options.proxy;
	// A fresh connection each time: nothing of one registry's TLS session is reused for another.
	const agent: Agent | false = proxy ? await proxyAgent(proxy, https, options.proxyContext) : false;
	return new Promise((resolve, reject) => {
		const request = https ? httpsRequest : httpRequest;
		// Until the proxy says 200 to CONNECT, every error is the proxy's, not the registry's; a plain
		// http request only ever talks to the proxy.
		let atProxy = Boolean(proxy);
		const proxyFailure = (code: string, status?: number, body?: string) => new ProxyError(redactProxy(proxy!.url), proxy!.variable, code, status, body);
		const req = request(
			url,
			{
				method: 'GET',
				headers: {'user-agent': 'regauth', accept: 'application/json', ...options.headers},
				signal: options.signal,
				agent,
				...(options.secureContext ? {secureContext: options.secureContext} : {}),
			},
			response => {
				const chunks: Buffer[] = [];
				let size = 0;
				const done = () => {
					const body = Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8');
					// A plain-http request through a proxy: 407 can only be the proxy's own answer.
					if (proxy && response.statusCode === 407) reject(proxyFailure('PROXY_STATUS', 407, body));
					else resolve({status: response.statusCode ?? 0, headers: response.headers, body});
				};
				response.on('data', (chunk: Buffer) => {
					chunks.push(chunk);
					size += chunk.length;
					if (size >= MAX_BODY) {
						// Enough to quote an error; the rest is not worth waiting for.
						done();
						response.destroy();
					}
				});
				response.on('end', done);
				response.on('error', reject);
			},
		);
		req.on('proxyConnect', (connect: {statusCode: number}) => {
			if (connect.statusCode === 200) {
				atProxy = false;
				return;
			}
			// https-proxy-agent would replay the proxy's answer as if the registry had sent it;
			// stop here so a proxy's 403 or 500 is never read as the registry's.
			req.destroy(proxyFailure('PROXY_STATUS', connect.statusCode));
		});
		req.on('error', error => {
			if (error instanceof ProxyError || !atProxy || options.signal.aborted) reject(error);
			else reject(proxyFailure((error as NodeJS.ErrnoException).code ?? 'ERROR'));
		});
		req.end();
	});
}
