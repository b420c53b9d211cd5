// A real OS keychain for tests: gnome-keyring's Secret Service in a private D-Bus session,
// unlocked with a throwaway password. See shared/reference/real-components.md §1.
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after} from 'node:test';
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

function sleep(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function startKeyring(dir: string, options: KeyringOptions = {}): Keyring {
	requireProgram('dbus-daemon', 'apt-get install dbus-x11 (see .ci/run)');
	requireProgram('gnome-keyring-daemon', 'apt-get install gnome-keyring (see .ci/run)');
	const home = join(dir, 'home');
	const runtime = join(dir, 'run');
	mkdirSync(home, {recursive: true});
	mkdirSync(runtime, {recursive: true, mode: 0o700});
	const bus = `unix:path=${join(runtime, 'bus')}`;
	const env: NodeJS.ProcessEnv = {
		HOME: home,
		XDG_RUNTIME_DIR: runtime,
		XDG_DATA_HOME: join(home, '.local', 'share'),
		XDG_CONFIG_HOME: join(home, '.config'),
		DBUS_SESSION_BUS_ADDRESS: bus,
	};
	const daemonEnv = {...process.env, ...env};
	const busPid = Number(execFileSync('dbus-daemon', ['--session', `--address=${bus}`, '--fork', '--print-pid', '--nopidfile'], {env: daemonEnv, encoding: 'utf8'}).trim().split('\n')[0]);
	const unlock = 'keyring-test-password';
	const keyringOut = execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {env: daemonEnv, input: unlock, encoding: 'utf8'});
	const pid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(keyringOut)?.[1] ?? 0);
	const deadline = Date.now() + 10_000;
	for (;;) {
		try {
			const out = execFileSync(
				'dbus-send',
				['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
				{env: daemonEnv, encoding: 'utf8'},
			);
			if (out.includes('true')) break;
		} catch {
			// bus not answering yet
		}
		if (Date.now() > deadline) throw new Error('gnome-keyring did not start within 10 s');
		sleep(50);
	}
	if (options.locked) {
		// Lock the login collection through the Secret Service API, as a screen lock would.
		execFileSync(
			'dbus-send',
			['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'],
			{env: daemonEnv},
		);
	}
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		for (const target of [pid, busPid]) {
			try {
				if (target > 0) process.kill(target, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	};
	after(stop);
	writeFileSync(join(dir, 'keyring.env'), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
	return {env, stop};
}

