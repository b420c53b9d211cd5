// The keychain step's "set one up here" entry and the words of the set-up as the wizard shows
// them (pure). The set-up itself is keychain/setup/setup.ts (headless: `regauth keychain setup`);
// its texts are written for the command line, so the wizard says them with its own entries.
import type {Environment} from '../environment.js';
import {terminalText} from '../formats/terminal-text.js';

/** The list value of the entry (not a store: Enter starts the set-up instead of choosing). */
export const SETUP_VALUE = 'setup';

export const SETUP_LABEL = 'Set up a keychain here';

interface Row {
	choice: {kind: string};
	disabled?: boolean;
	checking: boolean;
}

/**
 * The entry, when no store that keeps the secret off disk works here (each one was checked and
 * failed, or is not installed): the set-up can make one work without a desktop. undefined
 * while a store is still being checked, or when one works.
 */
export function setupEntry(env: Pick<Environment, 'helpers' | 'programs'>, rows: readonly Row[], checked: boolean): {label: string; hint: string} | undefined {
	if (!checked) return undefined;
	const secure = rows.filter(row => row.choice.kind !== 'file');
	if (secure.some(row => row.checking || !row.disabled)) return undefined;
	// What keychain/setup's chooseStore will pick, as far as the machine read can tell (it says
	// the store it chose, and why, before it changes anything).
	const pass = env.helpers.includes('pass') && Boolean(env.programs.pass);
	const what = pass ? 'pass, own GPG key' : env.helpers.includes('secretservice') ? 'gnome-keyring' : 'pass or gnome-keyring';
	return {
		label: `⚙ ${SETUP_LABEL}: ${what}`,
		hint: 'shows each step first; nothing changes until you press Enter on them',
	};
}

const PHRASES: Array<[RegExp, string]> = [
	[/regauth keychain setup --store ([\w.-]+) will:/g, 'Setting up $1 will:'],
	[/ \(--passphrase-stdin reads it from stdin\)/g, ''],
	[/\(then regauth keychain setup --store pass\)/g, '(then “Set up a keychain here” again)'],
	// After a reboot pass still looks set up to the store check (a lookup needs no key), so the
	// wizard would not offer its entry then: the shell command is the way that always works.
	[/unlock again with: regauth keychain setup --store pass \(it reuses the key\)/g, 'unlock again in a shell with: regauth keychain setup (it reuses the key)'],
	[/regauth keychain setup --store ([\w.-]+)/g, '“Set up a keychain here” on the keychain step'],
	[/for --store ([\w.-]+)/g, 'for $1'],
	[/--store ([\w.-]+)/g, '$1'],
];

/** A set-up text (a step list, a progress line, a failure) in the wizard's words, safe to draw. */
export function setupWords(text: string): string {
	let said = text;
	for (const [phrase, words] of PHRASES) said = said.replace(phrase, words);
	return terminalText(said, {multiline: true});
}

/** What the set-up says to do next, minus the command-line logins the wizard is about to do itself. */
export function setupNext(next: readonly string[]): string[] {
	return next.filter(line => !/^(Log in as usual|Route a registry to it|Nothing to set up)/.test(line)).map(setupWords);
}
