// Before the wizard starts with a team profile: which file it is, what it fixes, where the secret
// will be kept (plain text said as such), and a key to decline it. Plain terminal output, so the
// user decides before anything of the profile's is used.
import {dirname} from 'node:path';
import {plainTextLines} from '../profile/policy.js';
import {defaultStore, profileFlags} from '../profile/profile-args.js';
import {wrapText} from '../ui/components/window.js';
import {parseInvocation} from './args.js';
import {CancelledError} from './errors.js';
import type {LoadedProfile} from './profile.js';

/** What the profile fixes, one line each (also the review's "from the team profile" lines). */
export function profileSummary(loaded: LoadedProfile): string[] {
	const {profile} = loaded;
	const lines = profile.registries.map(registry => `Registry: ${registry.host}${registry.name ? ` (${registry.name})` : ''}`);
	if (profile.targets) lines.push(`Targets: ${profile.targets.join(', ')}`);
	for (const target of profile.targets ?? ['docker']) {
		const section = profile[target] as Record<string, unknown> | undefined;
		for (const [key, value] of Object.entries(section ?? {})) lines.push(`${target} ${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
	}
	if (profile.keychain)
		lines.push(`Keychain: ${profile.keychain.policy ?? 'allowed'}${profile.keychain.stores ? ` (${profile.keychain.stores.join(', ')})` : ''}`);
	if (profile.verify) lines.push(`Check: ${profile.verify}`);
	if (profile['output-dir'])
		lines.push(`Output directory: ${profile['output-dir']} (in ${dirname(loaded.shown) === '.' ? 'this directory' : dirname(loaded.shown)})`);
	return lines;
}

/** One line of the prompt wrapped between words to the terminal, continuations under its text. */
export function wrapPromptLine(line: string, columns: number): string {
	const indent = /^ *(?:! )?/.exec(line)![0];
	const width = Math.max(20, columns - indent.length - 1);
	return wrapText(line.slice(indent.length), width)
		.split('\n')
		.map((part, index) => (index === 0 ? indent : ' '.repeat(indent.length)) + part)
		.join('\n');
}

/** Shows the profile and waits for Enter (use it) or n (start without it). Ctrl+C quits. */
export async function askToUseProfile(loaded: LoadedProfile, stdin: NodeJS.ReadStream, write: (text: string) => void, columns = 80): Promise<boolean> {
	const answers = parseInvocation(profileFlags(loaded.profile, dirname(loaded.path)).map(flag => flag.arg)).answers;
	// Without a store in the profile the wizard asks where to keep the password (a keychain first).
	const plain = plainTextLines(defaultStore(loaded.profile) ? answers : {...answers, keychain: {kind: 'regauth'}});
	write(
		`${[
			`regauth: found the team profile ${loaded.shown}`,
			...(loaded.profile.welcome ? ['', `  ${loaded.profile.welcome}`] : []),
			'',
			...profileSummary(loaded).map(line => `  ${line}`),
			...plain.map(line => `  ! ${line[0]!.toUpperCase()}${line.slice(1)}.`),
			'',
			'Enter uses it (you are asked only what it leaves open, typically user names and tokens) · n starts without it · Ctrl+C quits',
		]
			.map(line => wrapPromptLine(line, columns))
			.join('\n')} `,
	);
	stdin.setRawMode(true);
	stdin.resume();
	try {
		for (;;) {
			const chunk: Buffer = await new Promise(resolve => stdin.once('data', resolve));
			const key = chunk.toString('utf8');
			if (key === '\u0003') throw new CancelledError();
			if (key === '\r' || key === '\n' || key.toLowerCase() === 'y') {
				write('\n');
				return true;
			}
			if (key.toLowerCase() === 'n') {
				write('\nregauth: starting without the profile.\n');
				return false;
			}
		}
	} finally {
		stdin.pause();
	}
}
