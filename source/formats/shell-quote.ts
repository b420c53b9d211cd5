// Command lines shown to the user (review screen, --dry-run, the equivalent headless command)
// must paste back into a POSIX shell unchanged.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
	if (word !== '' && SAFE.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
	return argv.map(shellQuote).join(' ');
}
