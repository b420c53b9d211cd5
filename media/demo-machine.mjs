// A fresh, private "machine" for each recorded run: a fake HOME and project directory at fixed
// paths (the screens show them, so they must read well and be the same on every run), and a
// real OS keychain (gnome-keyring's Secret Service on a private D-Bus), so the demo can show
// the recommended choice instead of a plain-text file. Nothing of the developer's own HOME,
// keyring or Docker config is read or touched.
import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {requireProgram} from './require-program.mjs';

export const DEMO_ROOT = '/tmp/regauth-demo';

function sleep(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Starts from an empty HOME and project each time, so re-running gives the same pictures. */
export function freshMachine() {
	requireProgram('dbus-daemon', 'dbus-x11', 'the private keyring');
	requireProgram('gnome-keyring-daemon', 'gnome-keyring', 'the private keyring');
	rmSync(DEMO_ROOT, {recursive: true, force: true});
	const home = join(DEMO_ROOT, 'home');
	const project = join(DEMO_ROOT, 'project');
	const runtime = join(DEMO_ROOT, 'run');
	mkdirSync(home, {recursive: true});
	mkdirSync(project, {recursive: true});
	mkdirSync(runtime, {recursive: true, mode: 0o700});
	const bus = `unix:path=${join(runtime, 'bus')}`;
	const env = {
		// ~/.local/bin first, as on a desktop where it is on PATH: regauth installs its credential
		// helper's launcher there and would otherwise (rightly) warn that docker cannot find it.
		PATH: `${join(home, '.local', 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		HOME: home,
		LANG: 'C.UTF-8',
		// No CI variable at all, not even CI=false: its mere presence turns colours off
		// (supports-color), and the pictures show what a person sees in their terminal.
		TERM: 'xterm-256color',
		XDG_RUNTIME_DIR: runtime,
		XDG_DATA_HOME: join(home, '.local', 'share'),
		XDG_CONFIG_HOME: join(home, '.config'),
		DBUS_SESSION_BUS_ADDRESS: bus,
	};
	const daemonEnv = {...env, PATH: process.env.PATH ?? '/usr/bin:/bin'};
	const busPid = Number(execFileSync('dbus-daemon', ['--session', `--address=${bus}`, '--fork', '--print-pid', '--nopidfile'], {env: daemonEnv, encoding: 'utf8'}).trim().split('\n')[0]);
	// A throwaway unlock password: the keyring lives and dies with this run.
	const keyringOut = execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {env: daemonEnv, input: 'regauth-demo', encoding: 'utf8'});
	const keyringPid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(keyringOut)?.[1] ?? 0);
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
			const out = execFileSync(
				'dbus-send',
				['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
				{env: daemonEnv, encoding: 'utf8'},
			);
			if (out.includes('true')) break;
		} catch {
			// bus not answering yet
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error('gnome-keyring did not start within 10 s');
		}
		sleep(50);
	}
	return {home, project, env, stop};
}
