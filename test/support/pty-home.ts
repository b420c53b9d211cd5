// A fresh HOME for a wizard started in a pseudo-terminal: no session bus and no keychain variables
// (the tests choose stores on screen), a UTF-8 locale and an xterm, CI off (Ink draws differently
// under CI=true).
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {PtyRun} from './pty.js';
import {tempDir} from './temp.js';

export function ptyHome(): {dir: string; home: string; env: NodeJS.ProcessEnv} {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, home, env: {PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', TERM: 'xterm-256color', CI: 'false'}};
}

/**
 * On the first screen: "Other registry…" (Up wraps to it from the first entry; past the keychain
 * entry when regauth's helper is found), then the registry field, ready for the host.
 */
export async function openOtherRegistry(run: PtyRun): Promise<void> {
	await run.press('\u001B[A');
	if (/❯ ↺/.test(await run.waitFor(/❯ (Other registry…|↺)/))) await run.press('\u001B[A');
	await run.waitFor(/❯ Other registry…/);
	await run.press('\r');
	await run.waitFor(/› Registry/);
}
