// Does one keychain store work here? The cheap reasons it cannot (keytar not built, no session
// bus, pass not initialised) before a probe through the helper itself, which cannot tell them:
// pass answers a lookup happily before `pass init` and only fails to store; without a session bus a
// Secret Service lookup would also leave glib's ~/.cache behind. The wizard's store list makes the
// same checks (source/ui/store-checks.ts); doctor uses this one.
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain-status.js';
import {diagnoseKeychainError} from './diagnose.js';
import {probeKeychain} from './helper-client.js';
import {HELPER_NAME} from './names.js';

/** Stores reached over the D-Bus session bus (Secret Service). */
const ON_SESSION_BUS = new Set([HELPER_NAME, 'secretservice']);

/**
 * No session bus to reach: without DBUS_SESSION_BUS_ADDRESS, a display (for autolaunch) or the
 * user bus socket, libsecret cannot connect (dbus-launch(1); sd-bus uses $XDG_RUNTIME_DIR/bus).
 */
export function sessionBusMissing(vars: NodeJS.ProcessEnv): boolean {
	if (vars.DBUS_SESSION_BUS_ADDRESS || vars.DISPLAY || vars.WAYLAND_DISPLAY) return false;
	return !(vars.XDG_RUNTIME_DIR && existsSync(join(vars.XDG_RUNTIME_DIR, 'bus')));
}

/** pass(1): the store is initialised when .gpg-id exists in PASSWORD_STORE_DIR (default ~/.password-store). */
export function passStoreDir(env: Pick<Environment, 'home'>, vars: NodeJS.ProcessEnv): string {
	return vars.PASSWORD_STORE_DIR || join(env.home, '.password-store');
}

function keytarMissing(): string | undefined {
	try {
		createRequire(import.meta.url).resolve('keytar');
		return undefined;
	} catch (error) {
		return (error as Error).message.split('\n')[0] ?? 'keytar';
	}
}

export async function checkStore(
	env: Pick<Environment, 'home' | 'regauthHelper'>,
	helper: string,
	vars: NodeJS.ProcessEnv = process.env,
	timeoutMs?: number,
): Promise<KeychainStatus> {
	const missing = helper === HELPER_NAME ? keytarMissing() : undefined;
	if (missing) return {helper, ok: false, problem: diagnoseKeychainError(`keytar: ${missing}`)};
	if (ON_SESSION_BUS.has(helper) && sessionBusMissing(vars))
		return {helper, ok: false, problem: diagnoseKeychainError('Cannot autolaunch D-Bus: DBUS_SESSION_BUS_ADDRESS is not set')};
	const passStore = passStoreDir(env, vars);
	if (helper === 'pass' && !existsSync(join(passStore, '.gpg-id')))
		return {helper, ok: false, problem: diagnoseKeychainError(`pass not initialized: ${passStore}/.gpg-id does not exist`)};
	return probeKeychain(env, helper, {...(timeoutMs ? {timeoutMs} : {}), processEnv: vars});
}
