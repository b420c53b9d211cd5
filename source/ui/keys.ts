// Raw terminal input → keys. Ink's own parser cannot be used for this: it splits a chunk only at
// escape sequences (so " \r" or "token\r" typed ahead arrive as one unnamed event), and it names
// Backspace (0x7f) and Delete (ESC [3~) the same. Pure: a chunk in, the keys it holds out.

export type KeyName =
	| 'text'
	| 'enter'
	| 'tab'
	| 'escape'
	| 'backspace'
	| 'delete'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'pageUp'
	| 'pageDown'
	| 'ctrl'
	| 'meta'
	| 'unknown';

export interface Key {
	name: KeyName;
	/** For 'text': the characters (a run of typed or pasted text); for 'ctrl'/'meta': the letter. */
	text?: string;
	shift?: boolean;
	/** Arrows with Ctrl (or Alt): move by words in text fields. */
	ctrl?: boolean;
	/** Came from a bracketed paste (a newline at its end is an Enter, as in a shell). */
	pasted?: boolean;
}

const CSI_FINAL: Record<string, KeyName> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'tab'};
const TILDE: Record<string, KeyName> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageUp', '6': 'pageDown'};

function csi(params: string, final: string): Key {
	const [first = '', modifier = ''] = params.split(';');
	// xterm modifiers: 1 + (shift 1, alt 2, ctrl 4); 5 = Ctrl, 3 = Alt.
	const mod = Number(modifier || 1) - 1;
	const withMods = (name: KeyName): Key => ({name, ...(mod & 1 ? {shift: true} : {}), ...(mod & 6 ? {ctrl: true} : {})});
	if (final === '~') return withMods(TILDE[first] ?? 'unknown');
	if (final === 'Z') return {name: 'tab', shift: true};
	return withMods(CSI_FINAL[final] ?? 'unknown');
}

function control(char: string): Key {
	const code = char.charCodeAt(0);
	if (char === '\r' || char === '\n') return {name: 'enter'};
	if (char === '\t') return {name: 'tab'};
	if (char === '\x7f' || char === '\b') return {name: 'backspace'};
	if (code < 0x20) return {name: 'ctrl', text: String.fromCharCode(code + 0x60)};
	return {name: 'unknown'};
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** The keys in one chunk of terminal input, in order. */
export function decodeKeys(chunk: string): Key[] {
	const keys: Key[] = [];
	let text = '';
	const flush = () => {
		if (text !== '') keys.push({name: 'text', text});
		text = '';
	};
	let index = 0;
	while (index < chunk.length) {
		if (chunk.startsWith(PASTE_START, index)) {
			flush();
			const end = chunk.indexOf(PASTE_END, index + PASTE_START.length);
			const body = chunk.slice(index + PASTE_START.length, end === -1 ? undefined : end);
			index = end === -1 ? chunk.length : end + PASTE_END.length;
			// Pasted text is text: control characters inside it are dropped, a final newline is Enter.
			const trailingNewline = /[\r\n]+$/.test(body);
			const clean = body.replace(/[\r\n]+$/, '').replace(/[\x00-\x1f\x7f]/g, '');
			if (clean !== '') keys.push({name: 'text', text: clean, pasted: true});
			if (trailingNewline) keys.push({name: 'enter', pasted: true});
			continue;
		}
		if (chunk.startsWith(PASTE_END, index)) {
			index += PASTE_END.length;
			continue;
		}
		const char = chunk[index]!;
		if (char === '\x1b') {
			flush();
			const rest = chunk.slice(index + 1);
			const sequence = /^\[([0-9;]*)([A-Za-z~])/.exec(rest);
			if (sequence) {
				keys.push(csi(sequence[1]!, sequence[2]!));
				index += 1 + sequence[0].length;
				continue;
			}
			const ss3 = /^O([A-Za-z])/.exec(rest);
			if (ss3) {
				keys.push({name: CSI_FINAL[ss3[1]!] ?? 'unknown'});
				index += 3;
				continue;
			}
			if (rest === '' || rest.startsWith('\x1b')) {
				keys.push({name: 'escape'});
				index += 1;
				continue;
			}
			// Alt+key: ESC then the key (Alt+B, Alt+F, Alt+Backspace).
			const next = rest[0]!;
			keys.push(next === '\x7f' || next === '\b' ? {name: 'meta', text: 'backspace'} : {name: 'meta', text: next.toLowerCase()});
			index += 2;
			continue;
		}
		if (/[\x00-\x1f\x7f]/.test(char)) {
			flush();
			keys.push(control(char));
			// CR LF is one line end, one Enter.
			index += char === '\r' && chunk[index + 1] === '\n' ? 2 : 1;
			continue;
		}
		// Characters from the C1 range never belong in a field.
		if (!/[\x80-\x9f]/.test(char)) text += char;
		index += 1;
	}
	flush();
	return keys;
}

/**
 * A decoder for a stream of input events: Ink's parser hands over a bracketed paste's start
 * marker, its text and its end marker as separate events; the text in between is kept whole
 * (newlines inside it are not Enter presses) and decoded as one paste.
 */
export function keyDecoder(): (event: string) => Key[] {
	let paste: string | undefined;
	return event => {
		if (paste !== undefined) {
			const end = event.indexOf(PASTE_END);
			if (end === -1) {
				paste += event;
				return [];
			}
			const whole = `${PASTE_START}${paste}${event.slice(0, end + PASTE_END.length)}`;
			paste = undefined;
			return [...decodeKeys(whole), ...decodeKeys(event.slice(end + PASTE_END.length))];
		}
		const start = event.indexOf(PASTE_START);
		if (start !== -1 && !event.includes(PASTE_END, start)) {
			paste = event.slice(start + PASTE_START.length);
			return decodeKeys(event.slice(0, start));
		}
		return decodeKeys(event);
	};
}
