// Does the registry accept these credentials? The same conversation docker login has:
// GET /v2/ anonymously; on a Basic challenge, again with the credentials; on a Bearer challenge,
// a token from the realm (service, scope, Basic credentials), then /v2/ with the token.
// Network I/O, so it stays out of plan(); the wizard and headless both call this.
import {homedir} from 'node:os';
import {encodeAuth} from '../formats/docker-auth.js';
import {registryKey} from '../formats/registry-key.js';
import {scrub} from '../formats/scrub.js';
import {terminalText} from '../formats/terminal-text.js';
import {certsDirsFor, certsRoots} from './certs-dirs.js';
import {parseChallenges, pickChallenge} from './challenge.js';
import {classifyNetError, type NetFailure, type RawError} from './classify-error.js';
import {type ClientCert, ClientCertError, findClientCert, loadClientPair} from './client-cert.js';
import {mayCarryCredentials, registryEndpoint} from './endpoint.js';
import {failureResult, type PathContext} from './failure-result.js';
import {type HttpResponse, httpGet} from './http-get.js';
import {type ProxyChoice, ProxyConfigError, proxyFor, redactProxy} from './proxy-rules.js';
import {DEFAULT_TIMEOUT_MS, type VerifyResult} from './result.js';
import {CaFileError, trustContext} from './trust.js';

export type {VerifyResult, VerifyStatus} from './result.js';
export {DEFAULT_TIMEOUT_MS} from './result.js';

export interface VerifyOptions {
	/** The registry as typed (quay.io, https://index.docker.io/v1/, localhost:5000…). */
	registry: string;
	username: string;
	password: string;
	/** A PEM file with the CA that signed the registry's certificate. */
	caFile?: string;
	/** Allow plain HTTP to a registry that is not on loopback. */
	insecure?: boolean;
	/** For the whole check, every request included. */
	timeoutMs?: number;
	signal?: AbortSignal;
	/** namespace/name of an image: asked as a pull scope when the registry's challenge names none. */
	repository?: string;
	/** The environment for NODE_EXTRA_CA_CERTS and the proxy variables (default process.env). */
	env?: NodeJS.ProcessEnv;
	/** A client certificate and its key (PEM files), for registries that want mutual TLS. */
	certFile?: string;
	keyFile?: string;
	/** The certs.d roots to read (default: docker's and the containers tools', certs-dirs.ts); for tests. */
	certsRoots?: Array<{root: string; shown: string}>;
	/** The home directory for ~/.docker/certs.d (default os.homedir()). */
	home?: string;
}

const isFailure = (value: HttpResponse | NetFailure): value is NetFailure => 'kind' in value;

/** A short reason from an error body (registry `errors[].message`, Hub's `details`), scrubbed. */
function reasonFrom(response: HttpResponse, secrets: string[]): string {
	let text = '';
	try {
		const body = JSON.parse(response.body) as {errors?: Array<{message?: unknown}>; details?: unknown; message?: unknown; error?: unknown};
		const candidate = body.errors?.[0]?.message ?? body.details ?? body.message ?? body.error;
		if (typeof candidate === 'string') text = candidate;
	} catch {
		// not JSON: no reason to quote
	}
	const clean = terminalText(scrub(text.replace(/\s+/g, ' ').trim(), secrets).slice(0, 160));
	return clean === '' ? '' : `: "${clean}"`;
}

export async function verifyCredential(options: VerifyOptions): Promise<VerifyResult> {
	const parsed = registryKey(options.registry);
	if (!parsed.ok) return {status: 'invalid', registry: options.registry, message: parsed.message, advice: 'Correct the registry address.'};
	const registry = parsed.value.host;
	const insecure = options.insecure ?? false;
	const endpoint = registryEndpoint(parsed.value, insecure);
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const deadline = AbortSignal.timeout(timeoutMs);
	const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;

	const env = options.env ?? process.env;
	const dirs = certsDirsFor(endpoint.authority, options.certsRoots ?? certsRoots(env, options.home ?? homedir()));
	let secureContext: Awaited<ReturnType<typeof trustContext>>;
	let clientCert: ClientCert | undefined;
	try {
		clientCert =
			options.certFile && options.keyFile
				? await loadClientPair(options.certFile, options.keyFile, {cert: '--cert-file', key: '--key-file'})
				: await findClientCert(dirs);
		secureContext = await trustContext({dirs, env, ...(options.caFile ? {caFile: options.caFile} : {}), ...(clientCert ? {clientCert} : {})});
	} catch (error) {
		if (error instanceof CaFileError) return {status: 'invalid', registry, message: error.message, advice: 'Give the CA certificate as a PEM file.'};
		if (error instanceof ClientCertError)
			return {status: 'invalid', registry, message: error.message, advice: 'Give the client certificate and its unencrypted key as PEM files.'};
		throw error;
	}
	// The proxy's own TLS (an https:// proxy) is checked against the same authorities, without the
	// registry's client certificate; built only when such a proxy is in play.
	let proxyContext: Promise<Awaited<ReturnType<typeof trustContext>>> | undefined;
	const proxyTrust = () => {
		proxyContext ??= trustContext({dirs: [], env, ...(options.caFile ? {caFile: options.caFile} : {})});
		return proxyContext;
	};
	let lastProxy: PathContext['proxy'];
	const pathContext = (): PathContext => ({
		...(lastProxy ? {proxy: lastProxy} : {}),
		...(clientCert ? {clientCertFile: clientCert.certFile} : {}),
		certsDirs: dirs.map(dir => dir.shown),
	});

	const basic = `Basic ${encodeAuth(options.username, options.password)}`;
	const secrets = [options.password, encodeAuth(options.username, options.password)];
	const get = async (url: URL, headers?: Record<string, string>): Promise<HttpResponse | NetFailure> => {
		let proxy: ProxyChoice | undefined;
		try {
			proxy = proxyFor(url, env);
		} catch (error) {
			if (!(error instanceof ProxyConfigError)) throw error;
			return {kind: 'proxy-config', message: error.message};
		}
		lastProxy = proxy ? {shown: redactProxy(proxy.url), variable: proxy.variable, hasUser: proxy.url.username !== ''} : undefined;
		if (proxy?.url.password) secrets.push(proxy.url.password, decodeURIComponent(proxy.url.password));
		try {
			return await httpGet(url, {
				signal,
				secureContext,
				...(headers ? {headers} : {}),
				...(proxy ? {proxy, ...(proxy.url.protocol === 'https:' ? {proxyContext: await proxyTrust()} : {})} : {}),
			});
		} catch (error) {
			return classifyNetError(error as RawError, {timedOut: deadline.aborted, cancelled: options.signal?.aborted ?? false});
		}
	};
	const failed = (failure: NetFailure, url: URL, what = registry) => failureResult(registry, failure, url, what, timeoutMs, pathContext());
	const unexpected = (url: URL, message: string, advice: string): VerifyResult => ({status: 'unexpected', registry, url: url.href, message, advice});

	// 1. Anonymous: what does the registry want? https first; plain http only where allowed.
	let base = new URL(`https://${endpoint.authority}/v2/`);
	let probe = await get(base);
	if (isFailure(probe) && probe.kind === 'plain-http' && endpoint.allowHttp) {
		base = new URL(`http://${endpoint.authority}/v2/`);
		probe = await get(base);
	}
	if (isFailure(probe)) return failed(probe, base);
	if (probe.status === 200) {
		return {
			status: 'anonymous',
			registry,
			url: base.href,
			message: `${registry} lets anyone in at ${base.href} without a login, so the credentials could not be checked`,
			advice: 'Pulls may need no credentials here; if a repository does, check them with a pull.',
		};
	}
	if (probe.status !== 401) {
		return unexpected(
			base,
			`${base.href} answered HTTP ${probe.status}${probe.status === 404 ? ', not the registry API' : ''}${reasonFrom(probe, secrets)}`,
			probe.status === 404
				? 'Is this the registry’s address? Registries answer GET /v2/ with 200 or 401.'
				: 'The registry is not working as expected; try again later or ask its operator.',
		);
	}
	const header = [probe.headers['www-authenticate'] ?? ''].flat().join(', ');
	const challenge = pickChallenge(parseChallenges(header));
	if (!challenge) {
		return unexpected(
			base,
			`${registry} wants a login but offers no Basic or Bearer challenge (WWW-Authenticate: ${header || 'missing'})`,
			'regauth cannot check this registry; add --no-verify to save without checking.',
		);
	}

	// 2a. Basic: the same request, with the credentials.
	if (challenge.scheme === 'basic') {
		const answer = await get(base, {authorization: basic});
		if (isFailure(answer)) return failed(answer, base);
		if (answer.status === 200)
			return {
				status: 'verified',
				registry,
				url: base.href,
				scheme: 'basic',
				message: `${registry} accepted the user name and password${how()}`,
				advice: '',
				...(lastProxy ? {proxy: lastProxy.shown} : {}),
			};
		if (answer.status === 401 || answer.status === 403)
			return rejected(base, 'basic', `${registry} rejected the user name or password (HTTP ${answer.status}${reasonFrom(answer, secrets)})`);
		return unexpected(
			base,
			`${base.href} answered HTTP ${answer.status} to the login${reasonFrom(answer, secrets)}`,
			'The registry is not working as expected; try again later.',
		);
	}

	// 2b. Bearer: a token from the realm, then /v2/ with it.
	let realm: URL;
	try {
		realm = new URL(challenge.params.realm!);
	} catch {
		return unexpected(
			base,
			`${registry} names a token service that is not a URL (realm="${challenge.params.realm}")`,
			'The registry’s auth configuration is broken; ask its operator.',
		);
	}
	if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
		return unexpected(
			base,
			`${registry} names a token service that is not http(s) (${realm.protocol})`,
			'The registry’s auth configuration is broken; ask its operator.',
		);
	}
	const service = `the token service ${realm.host}`;
	if (!mayCarryCredentials(realm, insecure)) {
		return {
			status: 'tls',
			registry,
			url: realm.href,
			scheme: 'bearer',
			message: `${service} uses plain HTTP (${realm.origin}); regauth sends no password there`,
			advice: 'Use the registry’s HTTPS address, or add --insecure on a network you trust.',
		};
	}
	if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
	const scope = challenge.params.scope ?? (options.repository ? `repository:${options.repository}:pull` : undefined);
	if (scope) realm.searchParams.set('scope', scope);
	realm.searchParams.set('account', options.username);
	const shown = new URL(realm.href);
	shown.search = '';
	const tokenAnswer = await get(realm, {authorization: basic});
	if (isFailure(tokenAnswer)) return failed(tokenAnswer, shown, service);
	if (tokenAnswer.status === 401 || tokenAnswer.status === 403) {
		return rejected(
			shown,
			'bearer',
			`${service} rejected the user name or password for ${registry} (HTTP ${tokenAnswer.status}${reasonFrom(tokenAnswer, secrets)})`,
		);
	}
	if (tokenAnswer.status !== 200)
		return unexpected(
			shown,
			`${service} answered HTTP ${tokenAnswer.status}${reasonFrom(tokenAnswer, secrets)}`,
			'The registry’s token service is not working as expected; try again later.',
		);
	let token: unknown;
	try {
		const body = JSON.parse(tokenAnswer.body) as {token?: unknown; access_token?: unknown};
		token = body.token ?? body.access_token;
	} catch {
		token = undefined;
	}
	if (typeof token !== 'string' || token === '')
		return unexpected(shown, `${service} answered 200 but gave no token`, 'The registry’s token service is not working as expected; ask its operator.');

	const final = await get(base, {authorization: `Bearer ${token}`});
	if (isFailure(final)) return failed(final, base);
	if (final.status === 200)
		return {
			status: 'verified',
			registry,
			url: base.href,
			scheme: 'bearer',
			message: `${registry} accepted the user name and password (token from ${realm.host})${how()}`,
			advice: '',
			...(lastProxy ? {proxy: lastProxy.shown} : {}),
		};
	if (final.status === 401 || final.status === 403) {
		return rejected(
			base,
			'bearer',
			`${registry} refused the token that ${service} issued for these credentials (HTTP ${final.status}${reasonFrom(final, [...secrets, token])})`,
		);
	}
	return unexpected(
		base,
		`${base.href} answered HTTP ${final.status} to the token${reasonFrom(final, [...secrets, token])}`,
		'The registry is not working as expected; try again later.',
	);

	/** How the check got there, when it matters to the reader: the proxy, the client certificate. */
	function how(): string {
		const parts = [lastProxy ? `through the proxy ${lastProxy.shown}` : '', clientCert ? `with the client certificate ${clientCert.certFile}` : ''].filter(
			Boolean,
		);
		return parts.length > 0 ? `, ${parts.join(', ')}` : '';
	}

	function rejected(url: URL, scheme: 'basic' | 'bearer', message: string): VerifyResult {
		return {
			status: 'rejected',
			registry,
			url: url.href,
			scheme,
			message,
			advice: 'Check the user name and the password or token (Quay robots: namespace+name and the robot token; tokens may have expired or lack read access).',
		};
	}
}
