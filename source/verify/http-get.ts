// One GET with node's own http/https: no redirects (a registry's /v2/ and token endpoints answer
// directly, and following one could carry the Authorization header elsewhere), a bounded body,
// and the raw node error on failure for classify-error.ts to name.
import {request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import {request as httpsRequest} from 'node:https';
import type {SecureContext} from 'node:tls';

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
}

const MAX_BODY = 64 * 1024;

export function httpGet(url: URL, options: GetOptions): Promise<HttpResponse> {
	return new Promise((resolve, reject) => {
		const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = request(
			url,
			{
				method: 'GET',
				headers: {'user-agent': 'regauth', accept: 'application/json', ...options.headers},
				signal: options.signal,
				// A fresh connection each time: nothing of one registry's TLS session is reused for another.
				agent: false,
				...(options.secureContext ? {secureContext: options.secureContext} : {}),
			},
			response => {
				const chunks: Buffer[] = [];
				let size = 0;
				const done = () =>
					resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8')});
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
		req.on('error', reject);
		req.end();
	});
}
