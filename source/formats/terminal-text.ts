// Text regauth did not write (a registry's error body, keys and user names read from files,
// journal text, command output) must not drive the terminal: an ESC or a C1 control starts a
// sequence that can retitle the window, clear the screen or write the clipboard (OSC 52), and a
// bidi override makes `txt.exe` read as `exe.txt`. terminalText shows each such character as
// an escape instead (docs/terminal-text.md). The escapes are JSON's (\u001B, \r), so a JSON
// document passed through it stays the same document: its strings are the only place control
// characters could be, and JSON reads \u001B as the same character.

export interface TerminalTextOptions {
	/** Keep line feeds and tabs (a message or a file shown whole); otherwise they are escaped too. */
	multiline?: boolean;
}

// C0 controls, DEL, C1 controls (U+0080–U+009F: xterm reads U+009B as CSI), the bidi
// embeddings, overrides, isolates and marks (Unicode TR9), and the line and paragraph
// separators, which some terminals and most editors break lines on.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};

function escaped(character: string): string {
	return NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every character that could control the terminal shown as an escape. */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
	const pattern = options.multiline ? UNSAFE_MULTILINE : UNSAFE;
	pattern.lastIndex = 0;
	return pattern.test(text) ? text.replace(pattern, escaped) : text;
}
