// `regauth doctor`: does the docker daemon use the same proxy as this shell? `docker login` and
// regauth's check run in the shell's environment, but `docker pull` runs in the daemon, which
// takes its proxy from its systemd unit (Environment= in docker.service.d/*.conf) or from
// daemon.json's "proxies"; containers and builds get ~/.docker/config.json's "proxies". When these
// differ, a login verified here can still fail at the next pull (docs/networks.md §4). Pure: the
// facts come from proxy-facts.ts.
import {redactProxy} from '../verify/proxy-rules.js';
import type {Finding} from './findings.js';

export interface ProxySettings {
	httpsProxy: string;
	httpProxy: string;
	noProxy: string;
}

export interface ProxySource {
	/** The file the settings come from (the last drop-in that set one, daemon.json, config.json). */
	path: string;
	settings: ProxySettings;
}

export interface ProxyFacts {
	shell: ProxySettings;
	/** The daemon's settings (all empty when it has none), when a docker daemon is configured here (unit or daemon.json). */
	daemon?: ProxySource;
	/** ~/.docker/config.json proxies.default, when present. */
	containers?: ProxySource;
}

/** Go's precedence over an environment: the upper-case name first, empty counts as unset. */
export function effectiveProxy(vars: Record<string, string | undefined>): ProxySettings {
	const pick = (upper: string) => vars[upper] || vars[upper.toLowerCase()] || '';
	return {httpsProxy: pick('HTTPS_PROXY'), httpProxy: pick('HTTP_PROXY'), noProxy: pick('NO_PROXY')};
}

function shown(value: string): string {
	if (value === '') return 'none';
	try {
		return redactProxy(new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`));
	} catch {
		return '(not a URL)';
	}
}

function sameProxy(a: string, b: string): boolean {
	const norm = (value: string) => (value === '' ? '' : /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`).replace(/\/+$/, '').toLowerCase();
	return norm(a) === norm(b);
}

function sameList(a: string, b: string): boolean {
	const norm = (value: string) =>
		[
			...new Set(
				value
					.split(',')
					.map(item => item.trim().toLowerCase())
					.filter(Boolean),
			),
		]
			.sort()
			.join(',');
	return norm(a) === norm(b);
}

/** The differences, one phrase each; empty when the two agree. */
function differences(shell: ProxySettings, other: ProxySettings): string[] {
	const out: string[] = [];
	if (!sameProxy(shell.httpsProxy, other.httpsProxy)) out.push(`HTTPS_PROXY ${shown(other.httpsProxy)} there, ${shown(shell.httpsProxy)} in this shell`);
	if (!sameProxy(shell.httpProxy, other.httpProxy)) out.push(`HTTP_PROXY ${shown(other.httpProxy)} there, ${shown(shell.httpProxy)} in this shell`);
	// NO_PROXY only matters where a proxy is in play.
	const anyProxy = [shell.httpsProxy, shell.httpProxy, other.httpsProxy, other.httpProxy].some(Boolean);
	if (anyProxy && !sameList(shell.noProxy, other.noProxy)) out.push(`NO_PROXY "${other.noProxy || 'none'}" there, "${shell.noProxy || 'none'}" in this shell`);
	return out;
}

function assignments(settings: ProxySettings): string {
	return [
		settings.httpsProxy && `"HTTPS_PROXY=${shown(settings.httpsProxy)}"`,
		settings.httpProxy && `"HTTP_PROXY=${shown(settings.httpProxy)}"`,
		settings.noProxy && `"NO_PROXY=${settings.noProxy}"`,
	]
		.filter(Boolean)
		.join(' ');
}

export function proxyFindings(facts: ProxyFacts): Finding[] {
	const findings: Finding[] = [];
	const {shell} = facts;
	if (facts.daemon) {
		const found = differences(shell, facts.daemon.settings);
		if (found.length > 0) {
			const shellHasProxy = Boolean(shell.httpsProxy || shell.httpProxy);
			findings.push({
				id: 'proxy-mismatch',
				level: 'warning',
				path: facts.daemon.path,
				message: `the docker daemon's proxy differs from this shell's (${found.join('; ')}): docker login and regauth's check take one way, docker pull the other`,
				fix: facts.daemon.path.endsWith('daemon.json')
					? `Make "proxies" in ${facts.daemon.path} match the shell (or the shell match it), then restart docker.`
					: shellHasProxy
						? `Set Environment=${assignments(shell)} in ${facts.daemon.path}, then: systemctl daemon-reload && systemctl restart docker (or export the daemon's values in the shell).`
						: `Export the daemon's proxy in this shell (HTTPS_PROXY, NO_PROXY), or remove it from ${facts.daemon.path} if the daemon needs none.`,
			});
		}
	}
	if (facts.containers) {
		const found = differences(shell, facts.containers.settings);
		if (found.length > 0) {
			findings.push({
				id: 'proxy-mismatch',
				level: 'warning',
				path: facts.containers.path,
				message: `"proxies" for containers and builds differ from this shell's (${found.join('; ')})`,
				fix: `Make proxies.default (httpsProxy, httpProxy, noProxy) in ${facts.containers.path} match the network containers run in.`,
			});
		}
	}
	return findings;
}
