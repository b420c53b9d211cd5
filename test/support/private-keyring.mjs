// gnome-keyring's Secret Service in a private D-Bus session, unlocked with a throwaway password
// (docs/real-parts.md §1). One implementation for the tests (keyring.ts), the
// benchmarks and the README media. Plain JS so bench/ and media/ run it without a compiler.
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * @param {string} dir a fresh directory: the keyring's HOME and XDG_RUNTIME_DIR go under it
 * @param {{locked?: boolean, unlockPassword?: string}} [options]
 * @returns {{env: Record<string, string>, home: string, runtime: string, stop: () => void}}
 *   env: what a program needs to use this keyring (HOME, XDG_*, DBUS_SESSION_BUS_ADDRESS)
 */
export function startPrivateKeyring(dir, options = {}) {
	const home = join(dir, 'home');
	const runtime = join(dir, 'run');
	mkdirSync(home, {recursive: true});
	mkdirSync(runtime, {recursive: true, mode: 0o700});
	const bus = `unix:path=${join(runtime, 'bus')}`;
	const env = {
		HOME: home,
		XDG_RUNTIME_DIR: runtime,
		XDG_DATA_HOME: join(home, '.local', 'share'),
		XDG_CONFIG_HOME: join(home, '.config'),
		DBUS_SESSION_BUS_ADDRESS: bus,
	};
	// HOME must exist and be set before the bus starts, or clients wait 25 s (docs/real-parts.md §1).
	const daemonEnv = {...process.env, ...env};
	const busPid = Number(
		execFileSync('dbus-daemon', ['--session', `--address=${bus}`, '--fork', '--print-pid', '--nopidfile'], {env: daemonEnv, encoding: 'utf8'})
			.trim()
			.split('\n')[0],
	);
	const out = execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
		env: daemonEnv,
		input: options.unlockPassword ?? 'throwaway-keyring-password',
		encoding: 'utf8',
	});
	const keyringPid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(out)?.[1] ?? 0);
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		for (const pid of [keyringPid, busPid]) {
			try {
				if (pid > 0) process.kill(pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	};
	const deadline = Date.now() + 10_000;
	for (;;) {
		try {
			const reply = execFileSync(
				'dbus-send',
				[
					'--session',
					'--print-reply',
					'--dest=org.freedesktop.DBus',
					'/org/freedesktop/DBus',
					'org.freedesktop.DBus.NameHasOwner',
					'string:org.freedesktop.secrets',
				],
				{env: daemonEnv, encoding: 'utf8'},
			);
			if (reply.includes('true')) break;
		} catch {
			// the bus is not answering yet
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error('gnome-keyring did not start within 10 s');
		}
		sleep(50);
	}
	if (options.locked) lockLoginCollection(daemonEnv);
	return {env, home, runtime, stop};
}

/**
 * Locks the login collection through the Secret Service API, as a screen lock would.
 * @param {Record<string, string | undefined>} env the keyring's environment (its session bus)
 */
export function lockLoginCollection(env) {
	execFileSync(
		'dbus-send',
		[
			'--session',
			'--print-reply',
			'--dest=org.freedesktop.secrets',
			'/org/freedesktop/secrets',
			'org.freedesktop.Secret.Service.Lock',
			'array:objpath:/org/freedesktop/secrets/collection/login',
		],
		{env},
	);
}
