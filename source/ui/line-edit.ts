// Editing one line of text the way readline and `docker login` do, masked fields included:
// Ctrl+A/E and Home/End, Ctrl+U/K/W, Alt+B/F and Ctrl+←/→, Delete, Backspace. A control or Alt
// key that is not an edit changes nothing: it never inserts a letter. Pure; positions count
// code points, so a pasted emoji or accented name is one character.
import type {Key} from './keys.js';

export interface Line {
	value: string;
	cursor: number;
}

const chars = (value: string) => [...value];

function wordStart(list: string[], from: number): number {
	let position = from;
	while (position > 0 && !isWord(list[position - 1]!)) position--;
	while (position > 0 && isWord(list[position - 1]!)) position--;
	return position;
}

function wordEnd(list: string[], from: number): number {
	let position = from;
	while (position < list.length && !isWord(list[position]!)) position++;
	while (position < list.length && isWord(list[position]!)) position++;
	return position;
}

// Words as readline's Alt+B/F see them: letters and digits.
const isWord = (char: string) => /[\p{L}\p{N}]/u.test(char);

// Ctrl+W deletes back to whitespace (unix-word-rubout), not to punctuation.
function spaceWordStart(list: string[], from: number): number {
	let position = from;
	while (position > 0 && /\s/.test(list[position - 1]!)) position--;
	while (position > 0 && !/\s/.test(list[position - 1]!)) position--;
	return position;
}

/** The line after `key`, or undefined when the key is not an editing key (Enter, ↑/↓, Tab…). */
export function editLine(line: Line, key: Key): Line | undefined {
	const list = chars(line.value);
	const cursor = Math.max(0, Math.min(line.cursor, list.length));
	const join = (parts: string[], at: number): Line => ({value: parts.join(''), cursor: at});
	switch (key.name) {
		case 'text': {
			const inserted = chars(key.text ?? '');
			return join([...list.slice(0, cursor), ...inserted, ...list.slice(cursor)], cursor + inserted.length);
		}
		case 'backspace':
			return cursor === 0 ? {value: line.value, cursor} : join([...list.slice(0, cursor - 1), ...list.slice(cursor)], cursor - 1);
		case 'delete':
			return join([...list.slice(0, cursor), ...list.slice(cursor + 1)], cursor);
		case 'left':
			return {value: line.value, cursor: key.ctrl ? wordStart(list, cursor) : Math.max(0, cursor - 1)};
		case 'right':
			return {value: line.value, cursor: key.ctrl ? wordEnd(list, cursor) : Math.min(list.length, cursor + 1)};
		case 'home':
			return {value: line.value, cursor: 0};
		case 'end':
			return {value: line.value, cursor: list.length};
		case 'ctrl':
			switch (key.text) {
				case 'a':
					return {value: line.value, cursor: 0};
				case 'e':
					return {value: line.value, cursor: list.length};
				case 'b':
					return {value: line.value, cursor: Math.max(0, cursor - 1)};
				case 'f':
					return {value: line.value, cursor: Math.min(list.length, cursor + 1)};
				case 'u':
					return join(list.slice(cursor), 0);
				case 'k':
					return join(list.slice(0, cursor), cursor);
				case 'w': {
					const start = spaceWordStart(list, cursor);
					return join([...list.slice(0, start), ...list.slice(cursor)], start);
				}
				case 'h':
					return editLine(line, {name: 'backspace'});
				case 'd':
					return editLine(line, {name: 'delete'});
				default:
					return {value: line.value, cursor};
			}
		case 'meta':
			switch (key.text) {
				case 'b':
					return {value: line.value, cursor: wordStart(list, cursor)};
				case 'f':
					return {value: line.value, cursor: wordEnd(list, cursor)};
				case 'd': {
					const end = wordEnd(list, cursor);
					return join([...list.slice(0, cursor), ...list.slice(end)], cursor);
				}
				case 'backspace': {
					const start = wordStart(list, cursor);
					return join([...list.slice(0, start), ...list.slice(cursor)], start);
				}
				default:
					return {value: line.value, cursor};
			}
		case 'unknown':
			return {value: line.value, cursor};
		default:
			return undefined;
	}
}
