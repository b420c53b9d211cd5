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

/** Mask the value of every credential-bearing property (auth, password, identitytoken…). */
export function maskJsonSecrets(text: string): string {
	const ranges: Array<[number, number]> = [];
	let property = '';
	visit(text, {
		onObjectProperty: name => {
			property = name.toLowerCase();
		},
		onLiteralValue: (value, offset, length) => {
			if (typeof value === 'string' && value !== '' && SECRET_KEYS.has(property)) ranges.push([offset, offset + length]);
			property = '';
		},
		onObjectBegin: () => {
			property = '';
		},
		onArrayBegin: () => {
			property = '';
		},
	});
	let result = text;
	for (const [start, end] of ranges.reverse()) result = `${result.slice(0, start)}"${MASK}"${result.slice(end)}`;
	return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
