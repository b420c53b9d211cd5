// gnome-keyring's Secret Service in a private D-Bus session, unlocked with a throwaway password:
// the same as test/support/keyring.ts, without the test runner. Stop it when done.
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function startKeyring(dir) {
	const home = join(dir, 'home');
	const runtime = join(dir, 'run');
	mkdirSync(home, {recursive: true});
	mkdirSync(runtime, {recursive: true, mode: 0o700});
	const bus = `unix:path=${join(runtime, 'bus')}`;
	const env = {
		PATH: process.env.PATH,
		LANG: 'C.UTF-8',
		HOME: home,
		XDG_RUNTIME_DIR: runtime,
		XDG_DATA_HOME: join(home, '.local', 'share'),
		XDG_CONFIG_HOME: join(home, '.config'),
		DBUS_SESSION_BUS_ADDRESS: bus,
	};
	const busPid = Number(execFileSync('dbus-daemon', ['--session', `--address=${bus}`, '--fork', '--print-pid', '--nopidfile'], {env, encoding: 'utf8'}).trim().split('\n')[0]);
	const out = execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {env, input: 'bench-keyring-password', encoding: 'utf8'});
	const keyringPid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(out)?.[1] ?? 0);
	const stop = () => {
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
			const reply = execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], {env, encoding: 'utf8'});
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
	return {env, stop};
}
