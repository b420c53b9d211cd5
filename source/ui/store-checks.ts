// Whether each keychain store the wizard offers works on this machine, found while the first
// screen is shown (and again after the keychain step set one up): a session bus to reach, an
// initialised pass store, keytar installed, then a probe through the helper itself.
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain/diagnose.js';
import {HELPER_NAME} from '../keychain/names.js';

/** Seconds a store may take to answer while the first screen is shown; it is re-checked on Enter anyway. */
const STORE_CHECK_MS = 8000;

/** Stores reached over the D-Bus session bus (Secret Service). */
const ON_SESSION_BUS = new Set([HELPER_NAME, 'secretservice']);

/**
 * Is there no session bus to reach? Without DBUS_SESSION_BUS_ADDRESS, a display (for
 * autolaunch) or the user bus socket, libsecret cannot connect (dbus-launch(1); sd-bus uses
 * $XDG_RUNTIME_DIR/bus). Said without running a helper, which would also leave glib's
 * ~/.cache behind on a machine the user has not agreed to write to yet.
 */
function sessionBusMissing(vars: NodeJS.ProcessEnv): boolean {
	if (vars.DBUS_SESSION_BUS_ADDRESS || vars.DISPLAY || vars.WAYLAND_DISPLAY) return false;
	return !(vars.XDG_RUNTIME_DIR && existsSync(join(vars.XDG_RUNTIME_DIR, 'bus')));
}

/** Check every keychain store the wizard offers, in parallel, each result as it comes. */
export async function checkStores(env: Environment, onStatus: (status: KeychainStatus) => void, vars: NodeJS.ProcessEnv = process.env): Promise<void> {
	const [{probeKeychain}, {diagnoseKeychainError}] = await Promise.all([import('../keychain/helper-client.js'), import('../keychain/diagnose.js')]);
	const helpers = [
		...(env.regauthHelper || env.helpers.includes(HELPER_NAME) ? [HELPER_NAME] : []),
		...env.helpers.filter(name => name === 'secretservice' || name === 'pass'),
	];
	const noBus = sessionBusMissing(vars);
	// pass answers a lookup happily before `pass init`, then fails to store: look for its key id
	// (pass(1): the store is initialised when .gpg-id exists in PASSWORD_STORE_DIR).
	const passStore = vars.PASSWORD_STORE_DIR || join(env.home, '.password-store');
	const passReady = existsSync(join(passStore, '.gpg-id'));
	// regauth's own store needs keytar, an optional native module: when its build failed on
	// install, say that (where the keychain is offered) rather than anything about the bus.
	let keytarMissing = '';
	try {
		createRequire(import.meta.url).resolve('keytar');
	} catch (error) {
		keytarMissing = (error as Error).message.split('\n')[0] ?? 'keytar';
	}
	await Promise.all(
		helpers.map(helper =>
			helper === HELPER_NAME && keytarMissing
				? onStatus({helper, ok: false, problem: diagnoseKeychainError(`keytar: ${keytarMissing}`)})
				: noBus && ON_SESSION_BUS.has(helper)
					? onStatus({helper, ok: false, problem: diagnoseKeychainError('Cannot autolaunch D-Bus: DBUS_SESSION_BUS_ADDRESS is not set')})
					: helper === 'pass' && !passReady
						? onStatus({helper, ok: false, problem: diagnoseKeychainError(`pass not initialized: ${passStore}/.gpg-id does not exist`)})
						: probeKeychain(env, helper, {timeoutMs: STORE_CHECK_MS, processEnv: vars}).then(onStatus),
		),
	);
}
