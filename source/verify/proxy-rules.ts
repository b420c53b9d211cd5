// Which proxy, if any, a request to a URL goes through: the rules of Go's net/http
// (golang.org/x/net/http/httpproxy), which docker, podman, kubectl and the credential helpers
// follow, so regauth's check takes the same path as the tools it configures. The npm libraries
// each differ from Go somewhere (docs/networks.md §1.3), hence this one table of rules. Pure.
import {isIP} from 'node:net';

export type ProxyVariable = 'HTTPS_PROXY' | 'https_proxy' | 'HTTP_PROXY' | 'http_proxy';

export interface ProxyChoice {
	/** The proxy, credentials included (never shown: see redactProxy). */
	url: URL;
	/** The variable it came from, for messages. */
	variable: ProxyVariable;
}

export class ProxyConfigError extends Error {}

/** Go's getEnvAny: the upper-case name wins; an empty value counts as unset. */
function firstSet(env: NodeJS.ProcessEnv, names: readonly ProxyVariable[] | readonly string[]): {name: string; value: string} | undefined {
	for (const name of names) {
		const value = env[name];
		if (value !== undefined && value !== '') return {name, value};
	}
	return undefined;
}

/** The proxy URL as written in the variable: no scheme means http:// (Go's parseProxy). */
export function parseProxyValue(value: string, variable: string): URL {
	const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new ProxyConfigError(`${variable} is not a proxy URL (${redactText(value)}); write it as http://[user:password@]host:port.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ProxyConfigError(
			`${variable} uses ${url.protocol.replace(/:$/, '')}://, which regauth's check does not speak; give an http:// or https:// proxy (docker and podman also accept socks5://).`,
		);
	}
	return url;
}

interface Matcher {
	match(host: string, port: string, ip: string | undefined): boolean;
}

function ipToBigInt(ip: string): {family: 4 | 6; value: bigint} | undefined {
	const family = isIP(ip);
	if (family === 4) return {family, value: ip.split('.').reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n)};
	if (family !== 6) return undefined;
	let text = ip.toLowerCase();
	// An IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
	const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
	if (tail) {
		const v4 = ipToBigInt(tail)!.value;
		text = text.replace(tail, `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`);
	}
	const [head = '', rest] = text.split('::');
	const left = head === '' ? [] : head.split(':');
	const right = rest === undefined || rest === '' ? [] : rest.split(':');
	const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
	return {family: 6, value: groups.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group, 16)), 0n)};
}

/** IPv4-mapped IPv6 addresses compare as IPv4, as Go's net.IP does. */
function normalIp(ip: string): {family: 4 | 6; value: bigint} | undefined {
	const parsed = ipToBigInt(ip);
	if (parsed?.family === 6 && parsed.value >> 32n === 0xffffn) return {family: 4, value: parsed.value & 0xffffffffn};
	return parsed;
}

function isLoopbackIp(ip: string): boolean {
	const parsed = normalIp(ip);
	if (!parsed) return false;
	return parsed.family === 4 ? parsed.value >> 24n === 127n : parsed.value === 1n;
}

/** Go's httpproxy config.init: one matcher per NO_PROXY entry, or "match everything" for `*`. */
function noProxyMatchers(noProxy: string): Matcher[] | 'all' {
	const matchers: Matcher[] = [];
	for (const raw of noProxy.split(',')) {
		const entry = raw.toLowerCase().trim();
		if (entry === '') continue;
		if (entry === '*') return 'all';
		const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
		if (cidr) {
			const network = normalIp(cidr[1]!);
			const bits = Number(cidr[2]);
			if (network && bits <= (network.family === 4 ? 32 : 128)) {
				const width = network.family === 4 ? 32 : 128;
				const shift = BigInt(width - bits);
				matchers.push({
					match: (_host, _port, ip) => {
						const candidate = ip === undefined ? undefined : normalIp(ip);
						return candidate !== undefined && candidate.family === network.family && candidate.value >> shift === network.value >> shift;
					},
				});
				continue;
			}
		}
		let host = entry;
		let port = '';
		const hostPort = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? (/^([^:]+):(\d+)$/.exec(entry) as RegExpExecArray | null);
		if (hostPort) {
			host = hostPort[1]!;
			port = hostPort[2] ?? '';
		}
		if (isIP(host)) {
			const wanted = normalIp(host)!;
			matchers.push({
				match: (_host, candidatePort, ip) => {
					const candidate = ip === undefined ? undefined : normalIp(ip);
					return candidate !== undefined && candidate.family === wanted.family && candidate.value === wanted.value && (port === '' || port === candidatePort);
				},
			});
			continue;
		}
		// "*.example.com" means ".example.com"; "example.com" means it and its subdomains.
		if (host.startsWith('*.')) host = host.slice(1);
		const matchHost = !host.startsWith('.');
		const suffix = matchHost ? `.${host}` : host;
		matchers.push({
			match: (candidate, candidatePort) =>
				(candidate.endsWith(suffix) || (matchHost && candidate === suffix.slice(1))) && (port === '' || port === candidatePort),
		});
	}
	return matchers;
}

/** The proxy for this URL under Go's rules, or undefined for a direct connection. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): ProxyChoice | undefined {
	const names: ProxyVariable[] = target.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy'];
	const found = firstSet(env, names);
	if (!found) return undefined;
	// Go refuses HTTP_PROXY for http URLs in a CGI environment (httpoxy, golang.org/s/cgihttpproxy).
	if (target.protocol === 'http:' && env.REQUEST_METHOD) return undefined;
	const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
	const port = target.port || (target.protocol === 'https:' ? '443' : '80');
	if (host === 'localhost') return undefined;
	const ip = isIP(host) ? host : undefined;
	if (ip && isLoopbackIp(ip)) return undefined;
	const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy']);
	if (noProxy) {
		const matchers = noProxyMatchers(noProxy.value);
		if (matchers === 'all') return undefined;
		if (matchers.some(matcher => matcher.match(host, port, ip))) return undefined;
	}
	return {url: parseProxyValue(found.value, found.name), variable: found.name as ProxyVariable};
}

/** A proxy URL fit to show: the password replaced by ***, the user kept (it helps with a 407). */
export function redactProxy(url: URL): string {
	const copy = new URL(url.href);
	if (copy.password) copy.password = '***';
	return `${copy.protocol}//${copy.username ? `${copy.username}${copy.password ? ':***' : ''}@` : ''}${copy.host}`;
}

/** A proxy value that would not parse, with anything that looks like user:password@ masked. */
function redactText(value: string): string {
	return value.replace(/\/\/[^@/]*@/, '//***@').replace(/^[^/@]*@/, '***@');
}
