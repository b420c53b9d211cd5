// Plan notes and check advice are written for the command line (they name flags). The wizard's
// user chose from menus: the same advice, said with the wizard's own entries and keys (P13).
// Pure; the phrases are the ones targets/ and verify/ write today (test/ui/wizard-words.test.ts
// plans every target and fails when a note still names a flag).

const PHRASES: Array<[RegExp, string]> = [
	[/--keychain regauth keeps it/g, '“OS keychain (regauth)” on the keychain step (Esc goes back to it) keeps it'],
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

export function wizardWords(message: string): string {
	let said = message;
	for (const [phrase, words] of PHRASES) said = said.replace(phrase, words);
	// Any other store named by its flag: the entry of the keychain step.
	said = said.replace(/--keychain ([\w.-]+)/g, (_, store: string) => `${STORES[store] ?? `“docker-credential-${store}”`} on the keychain step`);
	return said;
}
