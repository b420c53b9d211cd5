// "Save these answers as a team profile": offered once at the end of a wizard run in a repository
// that has no profile yet. The file holds no secret and nothing personal (save-profile.ts) and is
// created, never overwritten: an existing profile is the team's, not this run's.
import {existsSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import type {Answers} from '../answers.js';
import {answersToProfile, profileYaml} from '../profile/save-profile.js';

/** Where a team profile belongs: the repository root (outside a repository there is no team to share it with). */
export function profileHome(cwd: string): string | undefined {
	for (let dir = cwd; ; dir = dirname(dir)) {
		if (existsSync(join(dir, '.git'))) return dir;
		if (dirname(dir) === dir) return undefined;
	}
}

export async function offerToSaveProfile(
	answers: Answers,
	verify: 'on' | 'strict' | 'off',
	stdin: NodeJS.ReadStream,
	write: (text: string) => void,
): Promise<void> {
	const cwd = process.cwd();
	const dir = profileHome(cwd);
	if (!dir) return;
	const path = join(dir, '.regauth.yaml');
	if (existsSync(path) || existsSync(join(dir, '.regauth.yml'))) return;
	const shown = relative(cwd, path) || path;
	// Ink gives the terminal back as it unmounts: take raw mode after that, for a one-key answer,
	// and ask only then, so a key pressed on seeing the question is read as the answer.
	await new Promise(resolve => setTimeout(resolve, 50));
	stdin.setRawMode(true);
	// Ink also unrefs stdin when it lets go: without this, node would exit while we wait for the key.
	stdin.ref();
	write(
		`\nSave these answers as a team profile in ${shown}? Teammates then give only their user name and token (no secret or user name is saved). y saves · any other key skips `,
	);
	// 'readable', not 'data': it works whether or not Ink's 'readable' listener is still attached
	// (with one attached, resume() does nothing and 'data' never comes).
	const key = await new Promise<string>(resolve => {
		const onReadable = () => {
			const chunk = stdin.read() as Buffer | string | null;
			if (chunk === null) return;
			stdin.off('readable', onReadable);
			resolve(String(chunk));
		};
		stdin.on('readable', onReadable);
		onReadable();
	});
	stdin.setRawMode(false);
	stdin.pause();
	if (key.trim().toLowerCase() !== 'y') {
		write('\n');
		return;
	}
	const text = profileYaml(answersToProfile(answers, {dir, cwd, ...(verify === 'strict' ? {verify: 'strict' as const} : {})}));
	try {
		// wx: created only if absent, never replacing a file that appeared meanwhile.
		writeFileSync(path, text, {flag: 'wx', mode: 0o644});
		write(`\nregauth: wrote ${shown}; check it with regauth profile check ${shown} and commit it.\n`);
	} catch (error) {
		write(`\nregauth: could not write ${shown}: ${(error as Error).message}\n`);
	}
}
