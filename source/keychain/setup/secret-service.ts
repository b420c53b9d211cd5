// Secret Service without a desktop: a D-Bus session bus and gnome-keyring, started once per
// boot and reused by every later login, so docker-credential-secretservice finds the keyring from
// SSH, WSL and container shells (docs/keychains.md §2). The snippet is plain POSIX sh: regauth
// runs it now and writes it for the shell profile, so both start the bus the same way.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {SetupError} from './errors.js';
import {lastLines, runProgram} from './spawn.js';

/** The snippet's own file: the profile only sources it, so it can be read, changed or removed whole. */
export function snippetPath(home: string): string {
	return join(home, '.config', 'regauth', 'keyring-session.sh');
}

/** The bus socket when XDG_RUNTIME_DIR is unset; short, because sun_path holds 108 bytes (unix(7)). */
export const FALLBACK_RUNTIME = '$HOME/.cache/regauth-session';

export const SNIPPET = `# regauth keychain session: a D-Bus session bus and gnome-keyring for logins without a desktop
# (SSH, WSL, containers), so docker-credential-secretservice reaches the keyring. Written by
# \`regauth keychain setup --store secretservice\`; your shell profile sources it.
# Start a bus at a fixed address once, and reuse it from every later login.
if [ -z "\${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
	_regauth_rt="\${XDG_RUNTIME_DIR:-${FALLBACK_RUNTIME}}"
	mkdir -p "$_regauth_rt" && chmod 700 "$_regauth_rt"
	DBUS_SESSION_BUS_ADDRESS="unix:path=$_regauth_rt/bus"
	export DBUS_SESSION_BUS_ADDRESS
	if ! dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetId >/dev/null 2>&1; then
		rm -f "$_regauth_rt/bus" # the socket of a bus that is gone (a reboot, a kill)
		dbus-daemon --session --address="$DBUS_SESSION_BUS_ADDRESS" --fork --nopidfile --syslog-only >/dev/null
	fi
	unset _regauth_rt
fi
# Unlock the login keyring once per boot: asked (hidden) in an interactive login only.
if [ -t 0 ] && ! dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \\
	org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'; then
	printf 'Keyring password (unlocks docker credentials until reboot): ' >&2
	_regauth_tty=$(stty -g)
	stty -echo
	IFS= read -r _regauth_pw
	stty "$_regauth_tty"
	printf '\\n' >&2
	printf '%s' "$_regauth_pw" | gnome-keyring-daemon --replace --daemonize --unlock --components=secrets >/dev/null
	unset _regauth_pw _regauth_tty
fi
`;

export const PROFILE_BEGIN = '# >>> regauth keychain session >>>';
export const PROFILE_END = '# <<< regauth keychain session <<<';

const PROFILE_BLOCK = `${PROFILE_BEGIN}
[ -r "$HOME/.config/regauth/keyring-session.sh" ] && . "$HOME/.config/regauth/keyring-session.sh"
${PROFILE_END}
`;

/** The file a login shell reads: bash reads only the first of these that exists; sh and dash read ~/.profile. */
export function profilePath(home: string, exists: (path: string) => boolean = existsSync): string {
	for (const name of ['.bash_profile', '.bash_login', '.profile']) {
		const path = join(home, name);
		if (exists(path)) return path;
	}
	return join(home, '.profile');
}

/** The profile with regauth's block appended once (pure; an existing block is left as it is). */
export function profileWithBlock(existing: string | undefined): {text: string; changed: boolean} {
	const text = existing ?? '';
	if (text.includes(PROFILE_BEGIN)) return {text, changed: false};
	const separator = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
	return {text: `${text}${separator}${PROFILE_BLOCK}`, changed: true};
}

/** Does a systemd user manager run for this login (pam_systemd)? Then it owns the session bus. */
export async function systemdUserRuns(env: NodeJS.ProcessEnv): Promise<boolean> {
	const run = await runProgram('systemctl', ['--user', 'show-environment'], {env, timeoutMs: 5000});
	return run.code === 0;
}

/** Debian's gnome-keyring ships this unit: socket-activated daemon under the user manager. */
export const KEYRING_SOCKET_UNIT = 'gnome-keyring-daemon.socket';

/** The session bus address after running the snippet (it starts the bus or finds the running one). */
export async function startSession(env: NodeJS.ProcessEnv): Promise<string> {
	const run = await runProgram('sh', ['-s'], {env, input: `${SNIPPET}\nprintf '%s\\n' "$DBUS_SESSION_BUS_ADDRESS"\n`, timeoutMs: 30_000});
	const address = run.stdout.trim().split('\n').pop() ?? '';
	if (run.code !== 0 || address === '') throw new SetupError(`the session bus could not be started: ${lastLines(run)}`);
	return address;
}

async function secretServiceAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
	const run = await runProgram(
		'dbus-send',
		[
			'--session',
			'--print-reply',
			'--dest=org.freedesktop.DBus',
			'/org/freedesktop/DBus',
			'org.freedesktop.DBus.NameHasOwner',
			'string:org.freedesktop.secrets',
		],
		{env, timeoutMs: 5000},
	);
	return run.code === 0 && run.stdout.includes('boolean true');
}

/** Is a login keyring there and unlocked (a desktop session, or an earlier unlock this boot)? */
export async function loginKeyringUnlocked(env: NodeJS.ProcessEnv): Promise<boolean> {
	if (!(await secretServiceAnswers(env))) return false;
	const run = await runProgram(
		'dbus-send',
		[
			'--session',
			'--print-reply',
			'--dest=org.freedesktop.secrets',
			'/org/freedesktop/secrets/collection/login',
			'org.freedesktop.DBus.Properties.Get',
			'string:org.freedesktop.Secret.Collection',
			'string:Locked',
		],
		{env, timeoutMs: 10_000},
	);
	return run.code === 0 && run.stdout.includes('boolean false');
}

/**
 * Starts gnome-keyring on the bus, unlocking the login keyring with the password (creating it
 * on first use). --replace takes over a daemon D-Bus activation started locked.
 */
export async function unlockKeyring(password: string, env: NodeJS.ProcessEnv): Promise<void> {
	const run = await runProgram('gnome-keyring-daemon', ['--replace', '--daemonize', '--unlock', '--components=secrets'], {
		env,
		input: password,
		timeoutMs: 30_000,
	});
	if (run.code !== 0) throw new SetupError(`gnome-keyring-daemon could not start: ${lastLines(run)}`);
	const deadline = Date.now() + 10_000;
	while (!(await secretServiceAnswers(env))) {
		if (Date.now() > deadline) throw new SetupError('gnome-keyring-daemon started, but no Secret Service answered on the bus within 10 s');
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}
