// Plan notes and check advice are written for the command line (they name flags). The wizard's
// user chose from menus: the same advice, said with the wizard's own entries and keys (P13).
// Pure; the phrases are the ones targets/ and verify/ write today (test/ui/wizard-words.test.ts
// plans every target and fails when a note or a refusal still names a flag).
import {TARGET_CATALOG} from '../targets/catalog.js';

const PHRASES: Array<[RegExp, string]> = [
	[/--keychain only changes/g, 'The keychain choice only changes'],
	[/With --apply commands, /g, 'With “Run the commands”, '],
	[/--apply commands/g, '“Run the commands”'],
	[/--apply both/g, '“Write the files and run the commands”'],
	[/--butane-remote-url URL keeps only/g, '“Butane secret ‹ remote ›” on the options step keeps only'],
	[/Give one with --cert-file FILE --key-file FILE, or put/g, 'Give its files in “Client cert” and “Client key” below, or put'],
	// The wizard names docker's place only (the other directories are in the docs): the form has little room.
	[/ as docker expects \(also read: [^)]*\)\./g, ' as docker expects.'],
	[
		/give a slow registry more time with --verify-timeout SECONDS/g,
		'give a slow registry more time by starting the wizard again with --verify-timeout SECONDS',
	],
];

/** The keychain step's entries, by the value --keychain takes (keychain/choices.ts labels them). */
const STORES: Record<string, string> = {
	regauth: '“OS keychain (regauth)”',
	file: '“Plain config.json”',
	pass: '“Docker’s pass helper”',
	secretservice: '“Docker’s Secret Service helper”',
};

/** The targets step's entries, by the value --target takes. */
const TARGET_ENTRY = (id: string): string => `“${TARGET_CATALOG.find(target => target.id === id)?.title ?? id}”`;

export interface WordsContext {
	/**
	 * How the user gets back to the keychain step from where the words are shown (the review
	 * says it: "Esc goes back to it", "Esc twice…", or by the registry list after a refused
	 * login); undefined: the words do not say how.
	 */
	keychainWayBack?: string;
}

export function wizardWords(message: string, context: WordsContext = {}): string {
	let said = message;
	said = said.replace(
		/--keychain regauth keeps it/g,
		`“OS keychain (regauth)” on the keychain step${context.keychainWayBack ? ` (${context.keychainWayBack})` : ''} keeps it`,
	);
	for (const [phrase, words] of PHRASES) said = said.replace(phrase, words);
	// Targets named by their flag ("use --target kubernetes or containerd"): the targets step's entries.
	said = said.replace(
		/\buse --target ([\w-]+)((?:(?:, | or | and )[\w-]+)*)/g,
		(_, first: string, rest: string) =>
			`choose ${TARGET_ENTRY(first)}${rest.replace(/(, | or | and )([\w-]+)/g, (__, joint: string, id: string) => `${joint}${TARGET_ENTRY(id)}`)} on the targets step`,
	);
	said = said.replace(/--target ([\w-]+)/g, (_, id: string) => `${TARGET_ENTRY(id)} on the targets step`);
	// Any other store named by its flag: the entry of the keychain step.
	said = said.replace(/--keychain ([\w.-]+)/g, (_, store: string) => `${STORES[store] ?? `“docker-credential-${store}”`} on the keychain step`);
	return said;
}
