// Opening a team profile's token page when the user asks for it (Ctrl+O on the credentials
// step). The profile is data from a cloned repository: it never makes regauth run anything by
// itself, so this runs only on that key, only for an https address, and the address reaches the
// platform's opener as one argv item through execa — never through a shell, where `&` or `;` in
// a hostile address would be commands. docs/profiles.md §"Opening the token page" lists the openers.
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {execa} from 'execa';

export type OpenOutcome = {ok: true; message: string} | {ok: false; message: string};

interface Opener {
	command: string;
	/** Arguments before the address. */
	args: string[];
}

/**
 * The programs that open an address in the user's browser here, in order of preference.
 * Windows: rundll32's FileProtocolHandler rather than `cmd /c start`, because cmd parses the
 * whole line again (`&`, `^`, `%` in a query string would be cmd syntax).
 * Linux without a graphical session: none — xdg-open then falls back to a text browser in this
 * very terminal, which would draw over the wizard.
 */
export function openers(platform: NodeJS.Platform, vars: NodeJS.ProcessEnv): Opener[] {
	if (platform === 'darwin') return [{command: 'open', args: []}];
	if (platform === 'win32') return [{command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler']}];
	const wsl = vars.WSL_DISTRO_NAME ? [{command: 'wslview', args: []}] : [];
	const desktop = vars.DISPLAY || vars.WAYLAND_DISPLAY ? [{command: 'xdg-open', args: []}] : [];
	return [...wsl, ...desktop];
}

/** Why an address is not opened (undefined: it may be). */
export function urlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'it is not a web address';
	}
	if (parsed.protocol !== 'https:') return 'only https:// addresses are opened';
	// Control characters or spaces would not survive as one address (the schema refuses them too).
	if (/[\s\p{Cc}]/u.test(url)) return 'it holds spaces or control characters';
	return undefined;
}

async function onPath(command: string, vars: NodeJS.ProcessEnv): Promise<string | undefined> {
	for (const dir of (vars.PATH ?? '').split(delimiter)) {
		if (dir === '') continue;
		const candidate = join(dir, command);
		try {
			await access(candidate, constants.X_OK);
			return candidate;
		} catch {}
	}
	return undefined;
}

/** Opens `url` with the first opener found on PATH; waits at most `waitMs` for its verdict. */
export async function openUrl(url: string, platform: NodeJS.Platform, vars: NodeJS.ProcessEnv, waitMs = 3000): Promise<OpenOutcome> {
	const problem = urlProblem(url);
	if (problem) return {ok: false, message: `The token page is not opened: ${problem}.`};
	const candidates = openers(platform, vars);
	for (const opener of candidates) {
		const found = await onPath(opener.command, vars);
		if (!found) continue;
		// Detached with no stdio: the browser outlives the wizard and never writes into its screen.
		const child = execa(found, [...opener.args, url], {detached: true, stdio: 'ignore', env: vars, extendEnv: false, reject: false});
		let timer: NodeJS.Timeout | undefined;
		const waited = await Promise.race([
			child.then(result => ({exit: result.exitCode, failed: result.failed})),
			new Promise<undefined>(resolve => {
				timer = setTimeout(() => resolve(undefined), waitMs);
			}),
		]);
		clearTimeout(timer);
		// Still running (a browser started in the foreground): it is opening; let it go.
		if (!waited) {
			child.unref();
			return {ok: true, message: `✓ Asked ${opener.command} to open ${url}`};
		}
		if (!waited.failed) return {ok: true, message: `✓ Opened ${url} with ${opener.command}`};
		return {ok: false, message: `${opener.command} could not open it (exit ${waited.exit ?? '?'}): copy the address ${url}`};
	}
	const why = candidates.length > 0 ? `looked for ${candidates.map(opener => opener.command).join(', ')}` : 'no desktop session for xdg-open';
	return {ok: false, message: `No program here opens web pages (${why}): copy the address ${url}`};
}
