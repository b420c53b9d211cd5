// What a keystroke (or a pasted chunk) does to a text field, computed from the value the field
// really holds. ink-text-input reports each change as a whole new value built from the value it
// last rendered; two events handled before React re-renders would otherwise overwrite each
// other, and raw chunks carry things a field must not keep (docs/ink-on-node20.md):
// a held Backspace arrives as "\x7f\x7f\x7f" and is inserted as text, a pasted token keeps its
// trailing newline, escape sequences leak in as "[200~".

export interface EditResult {
	value: string;
	/** The result differs from what the input component computed: its cursor must be reset. */
	adjusted: boolean;
}

// CSI, OSC and two-character escape sequences; Ink strips the leading ESC of a sequence it
// could not name, so the bracketed-paste markers can also arrive bare.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|^\[20[01]~$/g;

/** Clean inserted text: apply backspaces, drop control characters and escape sequences. */
export function cleanInsertion(inserted: string): {text: string; extraBackspaces: number} {
	let text = '';
	let extraBackspaces = 0;
	for (const char of inserted.replace(ESCAPES, '')) {
		if (char === '\x7f' || char === '\b') {
			if (text.length > 0) text = [...text].slice(0, -1).join('');
			else extraBackspaces++;
			continue;
		}
		if (/[\x00-\x1f\x7f-\x9f]/.test(char)) continue;
		text += char;
	}
	return {text, extraBackspaces};
}

function commonPrefix(a: string, b: string): number {
	const limit = Math.min(a.length, b.length);
	let index = 0;
	while (index < limit && a[index] === b[index]) index++;
	return index;
}

function commonSuffix(a: string, b: string, prefix: number): number {
	const limit = Math.min(a.length, b.length) - prefix;
	let index = 0;
	while (index < limit && a[a.length - 1 - index] === b[b.length - 1 - index]) index++;
	return index;
}

/**
 * @param latest   the value the field holds now (may be ahead of what was rendered)
 * @param rendered the value the input component last rendered and edited
 * @param next     the value the input component computed
 */
export function applyEdit(latest: string, rendered: string, next: string): EditResult {
	const prefix = commonPrefix(rendered, next);
	const suffix = commonSuffix(rendered, next, prefix);
	const removed = rendered.length - prefix - suffix;
	const {text, extraBackspaces} = cleanInsertion(next.slice(prefix, next.length - suffix));
	const deleteCount = removed + extraBackspaces;
	// Edits at the end of what was rendered (typing, pasting, backspace) apply at the end of
	// the latest value; anything else at the same position.
	const anchor = suffix === 0 ? latest.length : Math.min(prefix + removed, latest.length);
	const start = Math.max(0, anchor - deleteCount);
	const value = latest.slice(0, start) + text + latest.slice(anchor);
	return {value, adjusted: value !== next};
}
