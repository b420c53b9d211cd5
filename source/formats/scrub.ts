// Last line of defence: child output and error text pass through here before they reach a log,
// the screen or JSON, in case a program echoes what it was given.
import {MASK} from './json-text.js';

export function scrub(text: string, secrets: readonly string[]): string {
	let result = text;
	// Longest first, so a secret that contains another is masked whole. Very short values are
	// skipped: masking every "a" in the output would hide more than it protects.
	for (const secret of [...secrets].filter(value => value.length >= 4).sort((a, b) => b.length - a.length)) {
		result = result.split(secret).join(MASK);
	}
	return result;
}
