// Reads what proxy-mismatch.ts compares: the docker daemon's proxy from its systemd drop-ins
// (Environment= lines, later files and lines win) or daemon.json's "proxies", and the client's
// ~/.docker/config.json "proxies". Rootless docker's user unit is read when no system unit exists.
// docs/networks.md §4.
import {readdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {dockerConfigPath, type Environment} from '../environment.js';
import {effectiveProxy, type ProxyFacts, type ProxySource} from './proxy-mismatch.js';

const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);
const exists = (path: string) =>
	stat(path).then(
		() => true,
		() => false,
	);

/** systemd's Environment= value: assignments split on blanks, "…" and '…' quoting, \ escapes, %% for %. */
export function parseEnvironmentValue(value: string): Array<[string, string]> {
	const words: string[] = [];
	let word: string | undefined;
	let quote: string | undefined;
	for (let i = 0; i < value.length; i++) {
		const char = value[i]!;
		if (quote) {
			if (char === '\\' && i + 1 < value.length) word = (word ?? '') + value[++i];
			else if (char === quote) quote = undefined;
			else word = (word ?? '') + char;
		} else if (char === '"' || char === "'") {
			quote = char;
			word ??= '';
		} else if (/\s/.test(char)) {
			if (word !== undefined) words.push(word);
			word = undefined;
		} else if (char === '\\' && i + 1 < value.length) word = (word ?? '') + value[++i];
		else word = (word ?? '') + char;
	}
	if (word !== undefined) words.push(word);
	return words.flatMap(item => {
		const eq = item.indexOf('=');
		// systemd expands specifiers in Environment=: "%%" is a literal % (as in %-encoded proxy passwords).
		return eq > 0 ? [[item.slice(0, eq), item.slice(eq + 1).replace(/%%/g, '%')] as [string, string]] : [];
	});
}

/** The environment a unit's drop-ins give, in systemd's order: files sorted by name, later lines win; an empty Environment= clears. */
export function dropInEnvironment(files: ReadonlyArray<{text: string}>): Record<string, string> {
	let env: Record<string, string> = {};
	for (const {text} of files) {
		let section = '';
		for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
			const trimmed = line.trim();
			if (trimmed.startsWith('[')) section = trimmed;
			else if (section === '[Service]' && /^Environment\s*=/.test(trimmed)) {
				const value = trimmed.replace(/^Environment\s*=\s*/, '');
				if (value === '') env = {};
				else for (const [name, item] of parseEnvironmentValue(value)) env[name] = item;
			}
		}
	}
	return env;
}

/** A docker unit: where its unit file may be, and the drop-in directory an admin writes (docker's docs). */
interface Unit {
	unitDirs: string[];
	dropInDir: string;
}

async function unitSource(units: readonly Unit[]): Promise<ProxySource | undefined> {
	for (const {unitDirs, dropInDir} of units) {
		const names = (await readdir(dropInDir).catch(() => [] as string[])).filter(name => name.endsWith('.conf')).sort();
		const hasUnit = names.length > 0 || (await Promise.all(unitDirs.map(dir => exists(join(dir, 'docker.service'))))).some(Boolean);
		if (!hasUnit) continue;
		const files = (await Promise.all(names.map(async name => ({name, text: (await read(join(dropInDir, name))) ?? ''})))).filter(file => file.text !== '');
		const env = dropInEnvironment(files);
		// Name the drop-in that sets the proxy; else where one would go.
		const setter = [...files].reverse().find(file => /_PROXY=/i.test(file.text));
		return {path: join(dropInDir, setter?.name ?? 'http-proxy.conf'), settings: effectiveProxy(env)};
	}
	return undefined;
}

export interface ProxyFactRoots {
	/** For tests: stands for / (the system's /etc and /lib). */
	root?: string;
	/** The shell's environment (default process.env). */
	vars?: NodeJS.ProcessEnv;
}

export async function readProxyFacts(env: Environment, options: ProxyFactRoots = {}): Promise<ProxyFacts> {
	const root = options.root ?? '/';
	const vars = options.vars ?? process.env;
	const configHome = vars.XDG_CONFIG_HOME || join(env.home, '.config');
	const daemonJsonPath = join(root, 'etc/docker/daemon.json');
	const daemonJson = await read(daemonJsonPath);
	let daemon: ProxySource | undefined;
	const proxies = parseJson(daemonJson)?.proxies as Record<string, unknown> | undefined;
	if (proxies && typeof proxies === 'object' && ['http-proxy', 'https-proxy', 'no-proxy'].some(key => typeof proxies[key] === 'string')) {
		// daemon.json's "proxies" win over the unit's environment (docs/networks.md §4).
		const text = (key: string) => (typeof proxies[key] === 'string' ? (proxies[key] as string) : '');
		daemon = {path: daemonJsonPath, settings: {httpsProxy: text('https-proxy'), httpProxy: text('http-proxy'), noProxy: text('no-proxy')}};
	} else {
		const system = ['etc/systemd/system', 'usr/lib/systemd/system', 'lib/systemd/system'].map(dir => join(root, dir));
		const user = join(configHome, 'systemd/user');
		daemon = await unitSource([
			{unitDirs: system, dropInDir: join(system[0]!, 'docker.service.d')},
			{unitDirs: [user], dropInDir: join(user, 'docker.service.d')},
		]);
		if (!daemon && daemonJson !== undefined) daemon = {path: daemonJsonPath, settings: {httpsProxy: '', httpProxy: '', noProxy: ''}};
	}
	const configPath = dockerConfigPath(env);
	const config = parseJson(await read(configPath));
	const fromConfig = (config?.proxies as {default?: Record<string, unknown>} | undefined)?.default;
	const containers: ProxySource | undefined =
		fromConfig && typeof fromConfig === 'object'
			? {
					path: configPath,
					settings: {
						httpsProxy: typeof fromConfig.httpsProxy === 'string' ? fromConfig.httpsProxy : '',
						httpProxy: typeof fromConfig.httpProxy === 'string' ? fromConfig.httpProxy : '',
						noProxy: typeof fromConfig.noProxy === 'string' ? fromConfig.noProxy : '',
					},
				}
			: undefined;
	return {shell: effectiveProxy(vars), ...(daemon ? {daemon} : {}), ...(containers ? {containers} : {})};
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
	if (text === undefined) return undefined;
	try {
		const value = JSON.parse(text) as unknown;
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
