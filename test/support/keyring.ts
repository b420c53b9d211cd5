// A real OS keychain for tests: gnome-keyring's Secret Service in a private D-Bus session,
// unlocked with a throwaway password (private-keyring.mjs), stopped when the test file ends.
import {after} from 'node:test';
import {startPrivateKeyring} from './private-keyring.mjs';
import {requireProgram} from './programs.js';

export interface Keyring {
	/** Environment for programs that should use this keyring (merge into the child's env). */
	env: NodeJS.ProcessEnv;
	stop(): void;
}

export interface KeyringOptions {
	/** Start the keyring locked (for the locked-keyring failure mode). */
	locked?: boolean;
}

export function startKeyring(dir: string, options: KeyringOptions = {}): Keyring {
	requireProgram('dbus-daemon', 'apt-get install dbus-x11 (see .ci/run)');
	requireProgram('gnome-keyring-daemon', 'apt-get install gnome-keyring (see .ci/run)');
	const keyring = startPrivateKeyring(dir, options);
	after(keyring.stop);
	return {env: keyring.env, stop: keyring.stop};
}
