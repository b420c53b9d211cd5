// A fresh, private "machine" for each recorded run: a fake HOME and project directory at fixed
// paths (the screens show them, so they must read well and be the same on every run), and a
// real OS keychain (gnome-keyring's Secret Service on a private D-Bus), so the demo can show
// the recommended choice instead of a plain-text file. Nothing of the developer's own HOME,
// keyring or Docker config is read or touched.
import {mkdirSync, rmSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {startPrivateKeyring} from '../test/support/private-keyring.mjs';
import {requireProgram} from './require-program.mjs';

export const DEMO_ROOT = '/tmp/regauth-demo';

/** Starts from an empty HOME and project each time, so re-running gives the same pictures. */
export function freshMachine() {
	requireProgram('dbus-daemon', 'dbus-x11', 'the private keyring');
	requireProgram('gnome-keyring-daemon', 'gnome-keyring', 'the private keyring');
	rmSync(DEMO_ROOT, {recursive: true, force: true});
	const project = join(DEMO_ROOT, 'project');
	mkdirSync(project, {recursive: true});
	const keyring = startPrivateKeyring(DEMO_ROOT, {unlockPassword: 'regauth-demo'});
	const env = {
		// ~/.local/bin first, as on a desktop where it is on PATH: regauth installs its credential
		// helper's launcher there and would otherwise (rightly) warn that docker cannot find it.
		PATH: `${join(keyring.home, '.local', 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		LANG: 'C.UTF-8',
		// No CI variable at all, not even CI=false: its mere presence turns colours off
		// (supports-color), and the pictures show what a person sees in their terminal.
		TERM: 'xterm-256color',
		...keyring.env,
	};
	return {home: keyring.home, project, env, stop: keyring.stop};
}

/**
 * regauth as a user who installed it has it: `regauth` on PATH (a link to the built CLI), so the
 * screens name `regauth undo` as such a user would run it, not this checkout's dist/cli.js.
 * @returns {string} the path to run
 */
export function installRegauth(machine, cli) {
	const bin = join(DEMO_ROOT, 'bin');
	mkdirSync(bin, {recursive: true});
	const link = join(bin, 'regauth');
	symlinkSync(cli, link);
	machine.env.PATH = `${bin}:${machine.env.PATH}`;
	return link;
}
