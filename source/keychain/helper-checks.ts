// Pure checks of a keychain route before anything is written: is the helper there, did the
// keychain answer the probe. A config.json that routes a registry to a helper docker cannot
// run breaks every pull from it, so such a route is refused with the fix.
import type {KeychainChoice} from '../answers.js';
import type {Environment} from '../environment.js';
import {CLOUD_HELPERS} from '../registries/providers.js';
import {formatProblem} from './diagnose.js';
import {HELPER_NAME, HELPER_PROGRAM} from './names.js';

/** How to get docker-credential-<name> (Docker's helpers are separate downloads on Linux). */
export function installHint(name: string): string {
	const bare = name.replace(/\.exe$/, '');
	if (bare === 'secretservice' || bare === 'pass') {
		return `install it: Debian/Ubuntu sudo apt-get install golang-docker-credential-helpers, Fedora sudo dnf install docker-credential-helpers (or a binary from the docker-credential-helpers releases on GitHub)${bare === 'pass' ? '; pass also needs `pass init <gpg-id>`' : ''}`;
	}
	// The clouds' helpers mint tokens (docs/cloud-registries.md): the provider guide says how to get them.
	const cloud = CLOUD_HELPERS[bare];
	if (cloud) return `${cloud.install[0]!.toLowerCase()}${cloud.install.slice(1)}`;
	if (bare === 'osxkeychain') return 'it comes with Docker Desktop for Mac, or: brew install docker-credential-helper';
	if (bare === 'wincred') return 'it comes with Docker Desktop for Windows';
	if (bare === 'desktop') {
		return "it comes with Docker Desktop; in WSL, turn on Docker Desktop's WSL integration for this distribution (Settings → Resources → WSL integration), which puts docker-credential-desktop.exe on PATH, or remove the setting from config.json";
	}
	return `install docker-credential-${name} and put it on PATH`;
}

/** The helpers on PATH a user could pick instead, as flags. */
function alternatives(env: Pick<Environment, 'helpers'>, except: string): string {
	const others = [HELPER_NAME, ...env.helpers.filter(name => name !== HELPER_NAME)].filter(name => name !== except);
	return others.length === 0 ? '' : `; or choose ${others.map(name => `--keychain ${name}`).join(', ')}`;
}

/**
 * Why the chosen keychain cannot be routed to (the config must not be written), or undefined.
 * The docker and podman targets both call this before routing a registry to a helper.
 */
export function keychainBlock(choice: KeychainChoice, env: Pick<Environment, 'helpers' | 'regauthHelper' | 'keychain'>): string | undefined {
	if (choice.kind === 'file') return undefined;
	const name = choice.kind === 'regauth' ? HELPER_NAME : choice.name;
	const status = env.keychain?.helper === name ? env.keychain : undefined;
	if (status && !status.ok) {
		const subject = name === HELPER_NAME ? 'The OS keychain cannot be used' : `docker-credential-${name} cannot use the keychain`;
		return `${formatProblem(status.problem, subject)}\nNothing was written.`;
	}
	if (name === HELPER_NAME) {
		if (!env.regauthHelper && !env.helpers.includes(HELPER_NAME)) {
			return `${HELPER_PROGRAM} was not found: it is neither beside regauth (dist/${HELPER_PROGRAM}.js) nor on PATH. Reinstall regauth (npm install && npm link in its checkout)${alternatives(env, HELPER_NAME)}.`;
		}
		return undefined;
	}
	if (!env.helpers.includes(name)) {
		return `docker-credential-${name} is not on PATH, so docker could not read what regauth would store: ${installHint(name)}${alternatives(env, name)}.`;
	}
	return undefined;
}

/** The helper a config routes to but PATH lacks (e.g. WSL's credsStore "desktop.exe"), with the fix. */
export function missingHelperNote(path: string, helper: string, via: 'credsStore' | 'credHelpers', registry: string): string {
	const scope = via === 'credsStore' ? 'every registry without its own credHelpers entry' : registry;
	return `${path} sets ${via === 'credsStore' ? `"credsStore": "${helper}"` : `"credHelpers" for ${registry} to "${helper}"`}, but docker-credential-${helper} is not on PATH: docker login and pulls fail for ${scope} ("executable file not found in $PATH"). Fix: ${installHint(helper)}.`;
}
