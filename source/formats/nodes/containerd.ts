// containerd's CRI registry configuration (docs/node-configs.md §containerd). Mirrors and CAs go
// into certs.d/<host>/hosts.toml, which has no credential fields; the credential goes into
// `configs."<host>".auth` of the CRI plugin. Where that lands matters: an imported file's plugin
// section *replaces* the main file's whole section (containerd's mergeConfig: "Replace entire
// sections instead of merging map's values"), so a drop-in is safe only when config.toml has no
// CRI section; otherwise the auth tables are appended to config.toml, every other byte kept.
// Pure: TOML text is produced by smol-toml, which quotes every key and string as TOML 1.0 says.
import {isDeepStrictEqual} from 'node:util';
import {parse, stringify} from 'smol-toml';

/** containerd 1.6/1.7 read config version 2 and the `io.containerd.grpc.v1.cri` plugin; 2.x version 3 and `io.containerd.cri.v1.images`. */
export type ContainerdGeneration = '1.x' | '2.x';

export const CONTAINERD_DROP_IN_DIR = '/etc/containerd/conf.d';
export const CONTAINERD_IMPORTS_GLOB = `${CONTAINERD_DROP_IN_DIR}/*.toml`;
export const CONTAINERD_CERTS_DIR = '/etc/containerd/certs.d';

const PLUGIN: Record<ContainerdGeneration, string> = {'1.x': 'io.containerd.grpc.v1.cri', '2.x': 'io.containerd.cri.v1.images'};
const VERSION: Record<ContainerdGeneration, number> = {'1.x': 2, '2.x': 3};

export interface ContainerdAuth {
	/** The host containerd contacts: `registry-1.docker.io` for Docker Hub, a mirror's host for mirrored pulls. */
	host: string;
	username: string;
	password: string;
}

/** The host key containerd looks credentials up by: the host it actually contacts. */
export function containerdHost(host: string): string {
	return host === 'docker.io' ? 'registry-1.docker.io' : host;
}

/** A drop-in with `configs."<host>".auth` for each credential. */
export function containerdAuthDropIn(entries: readonly ContainerdAuth[], generation: ContainerdGeneration): string {
	const configs: Record<string, {auth: {username: string; password: string}}> = {};
	for (const entry of entries) configs[containerdHost(entry.host)] = {auth: {username: entry.username, password: entry.password}};
	return `${stringify({version: VERSION[generation], plugins: {[PLUGIN[generation]]: {registry: {configs}}}})}\n`;
}

/**
 * The drop-in with these credentials added to the ones it already holds (a later run for another
 * registry must not drop the first: containerd reads one CRI section from all drop-ins together).
 * `configPath` sets the registry's `config_path` so containerd reads certs.d/<host>/hosts.toml.
 */
export function mergeAuthDropIn(
	existing: string | undefined,
	entries: readonly ContainerdAuth[],
	generation: ContainerdGeneration,
	configPath?: string,
): {ok: true; text: string} | {ok: false; message: string} {
	let doc: Record<string, unknown> = {};
	if (existing !== undefined && existing.trim() !== '') {
		try {
			doc = JSON.parse(JSON.stringify(parse(existing))) as Record<string, unknown>;
		} catch (error) {
			return {ok: false, message: `the drop-in is not valid TOML: ${(error as Error).message.split('\n')[0]}`};
		}
	}
	const used = generationOf(doc, generation);
	doc.version ??= VERSION[used];
	doc.plugins ??= {};
	const plugins = doc.plugins as Record<string, {registry?: {configs?: Record<string, Record<string, unknown>>; config_path?: string}}>;
	plugins[PLUGIN[used]] ??= {};
	const plugin = plugins[PLUGIN[used]]!;
	plugin.registry ??= {};
	const registry = plugin.registry;
	if (configPath !== undefined) registry.config_path ??= configPath;
	registry.configs ??= {};
	const configs = registry.configs;
	for (const entry of entries) {
		const host = containerdHost(entry.host);
		configs[host] = {...configs[host], auth: {username: entry.username, password: entry.password}};
	}
	return {ok: true, text: `${stringify(doc)}\n`};
}

export interface HostsTomlOptions {
	/** The registry (namespace) the file is for; the fallback `server`. */
	host: string;
	/** Mirrors tried first, in order: full URLs (https://mirror.internal:5000). */
	mirrors: readonly string[];
	/** A CA file (PEM) for the registry and its mirrors. */
	caFile?: string;
}

/** `certs.d/<dir>/hosts.toml`: mirrors first (pull and resolve only), then the registry itself. */
export function hostsToml(options: HostsTomlOptions): string {
	const upstream = options.host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${options.host}`;
	const host: Record<string, Record<string, unknown>> = {};
	for (const mirror of options.mirrors) host[mirror] = {capabilities: ['pull', 'resolve'], ...(options.caFile ? {ca: options.caFile} : {})};
	if (options.caFile && options.mirrors.length === 0) host[upstream] = {capabilities: ['pull', 'resolve', 'push'], ca: options.caFile};
	return `${stringify({server: upstream, host})}\n`;
}

/** The directory under certs.d containerd looks in for `host[:port]` (it tries `host:port` among others). */
export function hostsDirectory(host: string): string {
	return host;
}

export type ImportsEdit = {status: 'present'} | {status: 'insert'; text: string} | {status: 'manual'; reason: string} | {status: 'malformed'; reason: string};

/**
 * What the main config.toml needs so it reads the drop-in. A file without `imports` gets the line
 * inserted at the top level (before the first table), every other byte kept; an `imports` that
 * lacks the glob is left to the user (rewriting an array in place could drop their comments).
 */
export function importsEdit(mainText: string | undefined, glob = CONTAINERD_IMPORTS_GLOB, generation: ContainerdGeneration = '1.x'): ImportsEdit {
	const line = `imports = [${JSON.stringify(glob)}]`;
	// A new main file says the version the drop-in has: an import may not be newer than it.
	if (mainText === undefined || mainText.trim() === '') return {status: 'insert', text: `version = ${VERSION[generation]}\n${line}\n`};
	let parsed: Record<string, unknown>;
	try {
		parsed = parse(mainText) as Record<string, unknown>;
	} catch (error) {
		return {status: 'malformed', reason: (error as Error).message.split('\n')[0] ?? 'not valid TOML'};
	}
	const imports = parsed.imports;
	if (Array.isArray(imports)) {
		if (imports.includes(glob)) return {status: 'present'};
		return {status: 'manual', reason: `config.toml already has imports = ${JSON.stringify(imports)}; add ${JSON.stringify(glob)} to it`};
	}
	if (imports !== undefined) return {status: 'manual', reason: 'config.toml has an `imports` key that is not a list'};
	const lines = mainText.split('\n');
	const firstTable = lines.findIndex(text => /^\s*\[/.test(text));
	const versionLine = lines.findIndex(text => /^\s*version\s*=/.test(text));
	const at = versionLine !== -1 && (firstTable === -1 || versionLine < firstTable) ? versionLine + 1 : firstTable === -1 ? lines.length : firstTable;
	lines.splice(at, 0, line);
	return {status: 'insert', text: lines.join('\n')};
}

/** The CRI plugin a config of this `version` names (2.x reads version 2 files and migrates the names). */
function generationOf(parsed: Record<string, unknown>, fallback: ContainerdGeneration): ContainerdGeneration {
	if (parsed.version === 2) return '1.x';
	if (typeof parsed.version === 'number' && parsed.version >= 3) return '2.x';
	return fallback;
}

export type ContainerdEdit =
	/** config.toml has no CRI section: the drop-in is safe; `imports` says what config.toml needs. */
	| {status: 'drop-in'; generation: ContainerdGeneration; dropIn: string; imports: ImportsEdit}
	/**
	 * config.toml has a CRI section: the auth tables appended to it. `configPath` says whether the
	 * registry's config_path is now set ('added', 'present') or could not be ('mirrors', 'tls': the
	 * file has registry.mirrors or a configs.<host>.tls, which containerd refuses together with
	 * config_path; 'manual': no safe place to add it).
	 */
	| {status: 'in-place'; generation: ContainerdGeneration; text: string; configPath?: 'added' | 'present' | 'mirrors' | 'tls' | 'manual'}
	/** Nothing regauth can do safely by itself: `snippet` is what to add by hand. */
	| {status: 'manual'; reason: string; snippet: string}
	| {status: 'malformed'; reason: string};

export function containerdEdit(
	mainText: string | undefined,
	entries: readonly ContainerdAuth[],
	fallback: ContainerdGeneration,
	options: {dropIn?: string; configPath?: string} = {},
): ContainerdEdit {
	let parsed: Record<string, unknown> = {};
	if (mainText !== undefined && mainText.trim() !== '') {
		try {
			parsed = parse(mainText) as Record<string, unknown>;
		} catch (error) {
			return {status: 'malformed', reason: (error as Error).message.split('\n')[0] ?? 'not valid TOML'};
		}
	}
	const generation = generationOf(parsed, fallback);
	const plugin = PLUGIN[generation];
	const section = (parsed.plugins as Record<string, unknown> | undefined)?.[plugin] as {registry?: {configs?: Record<string, {auth?: unknown}>}} | undefined;
	if (section === undefined) {
		const dropIn = mergeAuthDropIn(options.dropIn, entries, generation, options.configPath);
		if (!dropIn.ok) return {status: 'malformed', reason: dropIn.message};
		return {status: 'drop-in', generation, dropIn: dropIn.text, imports: importsEdit(mainText, CONTAINERD_IMPORTS_GLOB, generation)};
	}
	const tables = entries.map(entry =>
		stringify({plugins: {[plugin]: {registry: {configs: {[containerdHost(entry.host)]: {auth: {username: entry.username, password: entry.password}}}}}}}),
	);
	const snippet = tables.join('\n');
	const taken = entries.map(entry => containerdHost(entry.host)).filter(host => section.registry?.configs?.[host] !== undefined);
	if (taken.length > 0) {
		return {status: 'manual', reason: `config.toml already configures ${taken.join(', ')}; change its auth there`, snippet};
	}
	const appended = `${mainText!.replace(/\n*$/, '\n')}\n${snippet}\n`;
	const verify = (text: string, configPath?: string) => appendedOnly(text, parsed, plugin, entries, configPath);
	if (!verify(appended)) return {status: 'manual', reason: 'config.toml defines the CRI registry in a form regauth cannot extend safely', snippet};
	if (options.configPath === undefined) return {status: 'in-place', generation, text: appended};
	const registry = (section.registry ?? {}) as {config_path?: unknown; mirrors?: Record<string, unknown>; configs?: Record<string, {tls?: unknown}>};
	if (registry.config_path !== undefined) return {status: 'in-place', generation, text: appended, configPath: 'present'};
	// containerd's CRI plugin refuses to load with either next to config_path (its config validation).
	if (registry.mirrors !== undefined && Object.keys(registry.mirrors).length > 0)
		return {status: 'in-place', generation, text: appended, configPath: 'mirrors'};
	if (Object.values(registry.configs ?? {}).some(config => config?.tls !== undefined))
		return {status: 'in-place', generation, text: appended, configPath: 'tls'};
	const withPath = withConfigPath(mainText!, appended, plugin, options.configPath);
	if (withPath !== undefined && verify(withPath, options.configPath)) return {status: 'in-place', generation, text: withPath, configPath: 'added'};
	return {status: 'in-place', generation, text: appended, configPath: 'manual'};
}

/** The header of the CRI plugin's registry table, in any of TOML's quoting forms. */
function registryHeader(plugin: string): RegExp {
	const name = plugin.replaceAll('.', '\\.');
	return new RegExp(`^[ \\t]*\\[[ \\t]*plugins[ \\t]*\\.[ \\t]*(?:"${name}"|'${name}')[ \\t]*\\.[ \\t]*registry[ \\t]*\\][ \\t]*(?:#.*)?$`, 'm');
}

/**
 * The file with `config_path` set: a line right under the admin's own `[…registry]` header, else
 * that header added before the appended auth tables (TOML lets a table be defined after its
 * sub-tables). Every byte of the admin's file is kept; the caller checks the result means only that.
 */
function withConfigPath(mainText: string, appended: string, plugin: string, configPath: string): string | undefined {
	const line = `config_path = ${JSON.stringify(configPath)}`;
	const header = registryHeader(plugin).exec(mainText);
	if (header) {
		const end = header.index + header[0].length;
		const indent = /^[ \t]*/.exec(mainText.slice(end + 1))?.[0] ?? '';
		return `${appended.slice(0, end)}\n${indent}${line}${appended.slice(end)}`;
	}
	const head = mainText.replace(/\n*$/, '\n');
	return `${head}\n${stringify({plugins: {[plugin]: {registry: {config_path: configPath}}}})}\n${appended.slice(head.length + 1)}`;
}

/**
 * Does `text` mean the admin's file plus exactly the auth tables (and config_path when given)? A
 * dotted key or an inline table for the same path elsewhere would make it invalid or mean more.
 */
function appendedOnly(
	text: string,
	parsed: Record<string, unknown>,
	plugin: string,
	entries: readonly ContainerdAuth[],
	configPath: string | undefined,
): boolean {
	try {
		// smol-toml's tables have no prototype; compare plain copies.
		const after = JSON.parse(JSON.stringify(parse(text))) as Record<string, unknown>;
		const configs = ((after.plugins as Record<string, {registry: {configs: Record<string, unknown>}}>)[plugin]!.registry.configs ?? {}) as Record<
			string,
			unknown
		>;
		const added = Object.fromEntries(entries.map(entry => [containerdHost(entry.host), configs[containerdHost(entry.host)]]));
		for (const host of Object.keys(added)) delete configs[host];
		const expected = Object.fromEntries(entries.map(entry => [containerdHost(entry.host), {auth: {username: entry.username, password: entry.password}}]));
		const registry = (after.plugins as Record<string, {registry: Record<string, unknown>}>)[plugin]!.registry;
		if (configPath !== undefined) {
			if (registry.config_path !== configPath) return false;
			delete registry.config_path;
		}
		return (
			isDeepStrictEqual({...added}, expected) &&
			isDeepStrictEqual(stripEmptyConfigs(after, plugin), stripEmptyConfigs(JSON.parse(JSON.stringify(parsed)), plugin))
		);
	} catch {
		return false;
	}
}

/** The parsed config without an empty `registry.configs` (or `registry`) that only the comparison added. */
function stripEmptyConfigs(config: Record<string, unknown>, plugin: string): unknown {
	const copy = structuredClone(config) as {plugins?: Record<string, {registry?: {configs?: object}}>};
	const registry = copy.plugins?.[plugin]?.registry;
	if (registry?.configs && Object.keys(registry.configs).length === 0) delete registry.configs;
	if (registry && Object.keys(registry).length === 0) delete copy.plugins![plugin]!.registry;
	return copy;
}
