// Editing JSON files that belong to the user (docker config.json, podman auth.json) as text:
// only the entries regauth owns change (plus the layout of the line next to an insertion);
// unknown keys, key order, number spelling and indentation stay as they were, so a merge never
// clobbers and the diff is small. Re-serialising would drop precision (1.50 → 1.5) and order.
import {applyEdits, modify, parse, printParseErrorCode, visit, type ParseError} from 'jsonc-parser';

export const MASK = '••••••••';

export type ParsedJson = {ok: true; value: unknown} | {ok: false; message: string};

function lineColumn(text: string, offset: number): string {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `line ${line}, column ${column}`;
}

const READABLE: Record<string, string> = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'invalid number',
	PropertyNameExpected: 'a property name in double quotes expected',
	ValueExpected: 'a value expected',
	ColonExpected: "':' expected",
	CommaExpected: "',' expected",
	CloseBraceExpected: "'}' expected",
	CloseBracketExpected: "']' expected",
	EndOfFileExpected: 'text after the end of the JSON value',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'unterminated comment',
	UnexpectedEndOfString: 'unterminated string',
	UnexpectedEndOfNumber: 'unterminated number',
	InvalidUnicode: 'invalid \\u escape',
	InvalidEscapeCharacter: 'invalid escape character',
	InvalidCharacter: 'invalid character in a string',
};

/** Strict JSON with the position of the first error (Node 20's JSON.parse often gives none). */
export function parseJson(text: string): ParsedJson {
	if (text.trim() === '') return {ok: false, message: 'the file is empty (line 1, column 1)'};
	const errors: ParseError[] = [];
	parse(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
	const first = errors[0];
	if (first) {
		const code = printParseErrorCode(first.error);
		return {ok: false, message: `${READABLE[code] ?? code} at ${lineColumn(text, first.offset)}`};
	}
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch (error) {
		return {ok: false, message: (error as Error).message};
	}
}

/**
 * The first property named twice in one object. JSON.parse keeps the last, Go's decoder too,
 * but a text edit would change the first: the file would look updated and not be.
 */
export function duplicateKey(text: string): string | undefined {
	const stack: Array<Set<string>> = [];
	let found: string | undefined;
	visit(text, {
		onObjectBegin: () => {
			stack.push(new Set());
		},
		onObjectEnd: () => {
			stack.pop();
		},
		onObjectProperty: (name, offset) => {
			const keys = stack.at(-1);
			if (!keys || found) return;
			if (keys.has(name)) found = `"${name}" appears twice in one object (the second at ${lineColumn(text, offset)})`;
			keys.add(name);
		},
	});
	return found;
}

/** The indentation the file already uses, so inserted entries look like their neighbours. */
function indentation(text: string): {insertSpaces: boolean; tabSize: number} {
	const match = /\n([ \t]+)["}\]]/.exec(text);
	if (!match || match[1]!.startsWith('\t')) return {insertSpaces: false, tabSize: 1};
	return {insertSpaces: true, tabSize: match[1]!.length};
}

/** Set (or with `undefined`, remove) the value at `path`, editing only that part of the text. */
export function setJsonValue(text: string, path: string[], value: unknown): string {
	const {insertSpaces, tabSize} = indentation(text);
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const edits = modify(text, path, value, {formattingOptions: {insertSpaces, tabSize, eol}});
	return applyEdits(text, edits);
}

const SECRET_KEYS = new Set(['auth', 'password', 'identitytoken', 'registrytoken', 'secret', 'token']);
// http://user:password@proxy:3128 — the password part of a URL's user info.
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+(@)/i;

/**
 * Mask every credential-bearing value: auth, password, identitytoken… by name, every
 * HttpHeaders value (an Authorization header is a credential), and passwords inside URLs
 * (proxies). What is masked is replaced, never shortened: the structure stays readable.
 */
export function maskJsonSecrets(text: string): string {
	const ranges: Array<[number, number, string]> = [];
	visit(text, {
		onLiteralValue: (value, offset, length, _line, _column, pathSupplier) => {
			if (typeof value !== 'string' || value === '') return;
			const path = pathSupplier();
			const property = String(path.at(-1) ?? '').toLowerCase();
			if (SECRET_KEYS.has(property) || path.some(part => String(part).toLowerCase() === 'httpheaders')) {
				ranges.push([offset, offset + length, `"${MASK}"`]);
			} else if (URL_PASSWORD.test(value)) {
				ranges.push([offset, offset + length, JSON.stringify(value.replace(URL_PASSWORD, `$1${MASK}$2`))]);
			}
		},
	});
	let result = text;
	for (const [start, end, replacement] of ranges.reverse()) result = `${result.slice(0, start)}${replacement}${result.slice(end)}`;
	return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
