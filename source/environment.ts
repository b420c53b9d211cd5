// The read-only snapshot of the machine that plan() works from. This file holds the type and
// the pure path rules; probe.ts is the only code that fills it in from the real machine.
import {isAbsolute, join} from 'node:path';
import type {KeychainStatus} from './keychain-status.js';

/** How to run regauth's own credential helper: the bundle beside the CLI (keychain/locate.ts finds it). */
export interface HelperLocation {
	/** The node that runs regauth (absolute). */
	node: string;
	/** dist/docker-credential-regauth.cjs (absolute, symlinks resolved). */
	script: string;
	/** It lives in npx's cache, which npm may clean: a launcher pointing there can break later. */
	npx: boolean;
}

export interface FileState {
	exists: boolean;
	/** UTF-8 text of a regular file regauth may merge into. */
	text?: string;
	mode?: number;
	/** Set when the file exists but could not be read (permissions, a directory…). */
	error?: string;
}

export interface KubeInfo {
	contexts: string[];
	current: string;
}

/** What kubectl showed of one cluster (a context) before planning; read-only (kubernetes/read-clusters.ts). */
export interface ClusterState {
	/** Namespaces kubectl listed (--all-namespaces, --namespace-selector); absent when none were asked for. */
	namespaces?: string[];
	/**
	 * The existing Secret of the chosen name, per namespace ('' for kubectl's current one), as
	 * kubectl printed it (JSON); null when there is none. Absent: not read.
	 */
	secrets: Record<string, Record<string, unknown> | null>;
	/** kubectl could not read the cluster (unreachable, unknown context, forbidden): what it said. */
	error?: string;
}

export interface Environment {
	cwd: string;
	home: string;
	uid: number;
	/** The environment variables regauth's rules depend on. */
	vars: {
		DOCKER_CONFIG?: string;
		XDG_CONFIG_HOME?: string;
		XDG_RUNTIME_DIR?: string;
		XDG_STATE_HOME?: string;
		REGISTRY_AUTH_FILE?: string;
		/** To tell whether a launcher directory (~/.local/bin) is on PATH. */
		PATH?: string;
	};
	/** Files a target merges into, keyed by the absolute path regauth would write. */
	files: Record<string, FileState>;
	/** Suffixes of `docker-credential-*` programs on PATH (secretservice, pass, regauth…). */
	helpers: string[];
	/** Absolute paths of the programs regauth runs, when they are on PATH. */
	programs: {docker?: string; kubectl?: string /** `pass` itself: docker's default store on Linux depends on it. */; pass?: string};
	/** null when kubectl is missing or its config could not be read. */
	kube: KubeInfo | null;
	/** The clusters the kubernetes target was asked about, by context ('' for the current one). */
	clusters?: Record<string, ClusterState>;
	/** How to run regauth's own credential helper (the bundle beside the CLI), when found. */
	regauthHelper?: HelperLocation;
	/** The check of the chosen keychain, made before planning; absent when none was chosen or not checked yet. */
	keychain?: KeychainStatus;
	/** Directories regauth may need to create files in (e.g. /etc/rkt/auth.d): can the user write there? */
	writable: Record<string, boolean>;
}

export function emptyEnvironment(overrides: Partial<Environment> = {}): Environment {
	return {
		cwd: '/work',
		home: '/home/user',
		uid: 1000,
		vars: {},
		files: {},
		helpers: [],
		programs: {},
		kube: null,
		writable: {},
		...overrides,
	};
}

/** `$DOCKER_CONFIG/config.json` if DOCKER_CONFIG is set and non-empty, else `~/.docker/config.json` (docs/formats.md §1.1). */
export function dockerConfigPath(env: Environment): string {
	const dir = env.vars.DOCKER_CONFIG;
	return join(dir ? dir : join(env.home, '.docker'), 'config.json');
}

/**
 * The persistent containers auth file: `$REGISTRY_AUTH_FILE` when set, else
 * `${XDG_CONFIG_HOME:-~/.config}/containers/auth.json` (docs/formats.md §8.1; the default under
 * XDG_RUNTIME_DIR is on tmpfs and lost at reboot).
 */
export function podmanAuthPath(env: Environment): string {
	const file = env.vars.REGISTRY_AUTH_FILE;
	if (file) return file;
	const config = env.vars.XDG_CONFIG_HOME && isAbsolute(env.vars.XDG_CONFIG_HOME) ? env.vars.XDG_CONFIG_HOME : join(env.home, '.config');
	return join(config, 'containers', 'auth.json');
}

/**
 * The file `podman login` writes by default and podman reads first:
 * `${XDG_RUNTIME_DIR}/containers/auth.json`, else `/run/containers/<uid>/auth.json` (tmpfs, lost
 * at reboot). Undefined when REGISTRY_AUTH_FILE is set: then podman reads only that file.
 */
export function podmanRuntimeAuthPath(env: Environment): string | undefined {
	if (env.vars.REGISTRY_AUTH_FILE) return undefined;
	const runtime = env.vars.XDG_RUNTIME_DIR;
	return runtime ? join(runtime, 'containers', 'auth.json') : join('/run/containers', String(env.uid), 'auth.json');
}

/** Where `regauth undo` finds the journal of the last apply. */
export function stateDir(env: Pick<Environment, 'home' | 'vars'>): string {
	const state = env.vars.XDG_STATE_HOME && isAbsolute(env.vars.XDG_STATE_HOME) ? env.vars.XDG_STATE_HOME : join(env.home, '.local', 'state');
	return join(state, 'regauth');
}
