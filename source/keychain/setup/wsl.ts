// WSL: Linux on Windows, where Windows' Credential Manager is the keychain that survives and that
// Docker Desktop already uses. Its helpers are Windows programs (.exe) that WSL runs through
// interop (docs/keychains.md §3).
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export interface WslFacts {
	wsl: boolean;
	/** Which signals said so, for the message. */
	signals: string[];
}

export interface WslProbe {
	env: NodeJS.ProcessEnv;
	/** Names in /proc/sys/fs/binfmt_misc (WSLInterop, or WSLInterop-late under systemd). */
	binfmt: () => string[];
	procVersion: () => string;
}

export const realWslProbe = (env: NodeJS.ProcessEnv): WslProbe => ({
	env,
	binfmt: () => {
		try {
			return readdirSync('/proc/sys/fs/binfmt_misc');
		} catch {
			return [];
		}
	},
	procVersion: () => {
		try {
			return readFileSync('/proc/version', 'utf8');
		} catch {
			return '';
		}
	},
});

/** Several signals, because each one can be missing: env vars vanish under sudo, kernels are custom. */
export function detectWsl(probe: WslProbe): WslFacts {
	const signals: string[] = [];
	if (probe.binfmt().some(name => name.startsWith('WSLInterop'))) signals.push('/proc/sys/fs/binfmt_misc/WSLInterop');
	if (probe.env.WSL_DISTRO_NAME) signals.push(`WSL_DISTRO_NAME=${probe.env.WSL_DISTRO_NAME}`);
	if (/microsoft/i.test(probe.procVersion())) signals.push('/proc/version names Microsoft');
	return {wsl: signals.length > 0, signals};
}

/** Windows' helpers, by the name config.json uses for them inside WSL. */
export const WINDOWS_HELPERS = {wincred: 'wincred.exe', desktop: 'desktop.exe'} as const;

/** Where Docker Desktop installs them on the Windows side (docker/for-win#6652). */
export const DOCKER_DESKTOP_BIN = '/mnt/c/Program Files/Docker/Docker/resources/bin';

export interface WindowsHelper {
	name: string;
	/** On PATH (docker can run it) or only found in Docker Desktop's folder. */
	onPath: boolean;
	path?: string;
}

export function windowsHelper(store: 'wincred' | 'desktop', helpersOnPath: readonly string[], desktopBin = DOCKER_DESKTOP_BIN): WindowsHelper {
	const name = WINDOWS_HELPERS[store];
	if (helpersOnPath.includes(name)) return {name, onPath: true};
	const path = join(desktopBin, `docker-credential-${name}`);
	return existsSync(path) ? {name, onPath: false, path} : {name, onPath: false};
}

export {storesInWindowsCredentialManager, WINDOWS_BLOB_LIMIT, windowsBlobProblem} from './windows-limit.js';
