// Editing JSON files that belong to the user (docker config.json, podman auth.json) as text:
// only the entries regauth owns change; unknown keys, key order, number spelling, indentation and
// the neighbours' layout stay byte for byte, so a merge never clobbers and the diff is minimal.
// Re-serialising would drop precision (1.50 → 1.5), order and the user's formatting.
import {applyEdits, findNodeAtLocation, modify, type Node, type ParseError, parse, parseTree, printParseErrorCode, visit} from 'jsonc-parser';
import {goJson} from './go-json.js';

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

/** The file's indentation unit and line ending; compact files (one line) get neither. */
function layoutOf(text: string): {unit: string; eol: string; compact: boolean} {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const compact = !text.trim().includes('\n');
	const match = /\n([ \t]+)["}\]]/.exec(text);
	return {unit: match ? (match[1]!.startsWith('\t') ? '\t' : match[1]!) : '\t', eol, compact};
}

/** A value as it would sit at `depth` in this file's layout (Go's escaping, like docker). */
function formatValue(value: unknown, depth: number, layout: {unit: string; eol: string; compact: boolean}): string {
	if (layout.compact) return goJson(value);
	return goJson(value, layout.unit)
		.split('\n')
		.join(`${layout.eol}${layout.unit.repeat(depth)}`);
}

/** A parsed text, kept by a caller that edits the same unchanged file again (plan() on every keystroke). */
export interface JsonTree {
	text: string;
	root: Node | undefined;
}

export function jsonTree(text: string): JsonTree {
	return {text, root: parseTree(text)};
}

/**
 * Set (or with `undefined`, remove) the property at `path`, editing only that property's text:
 * every other byte — neighbours' layout included — stays as it was. A new key goes where it
 * sorts among its siblings inside a map (docker sorts those), last at the top level, in the file's
 * own indentation.
 */
export function setJsonValue(text: string, path: string[], value: unknown, tree?: JsonTree): string {
	const root = tree?.text === text ? tree.root : parseTree(text);
	const parent = path.length === 1 ? root : root && findNodeAtLocation(root, path.slice(0, -1));
	if (!root || !parent || parent.type !== 'object') {
		// The parent object is missing: let jsonc-parser build the path (rare: regauth writes whole objects).
		return applyEdits(text, modify(text, path, value, {formattingOptions: {insertSpaces: false, tabSize: 1}}));
	}
	const layout = layoutOf(text);
	const key = path.at(-1)!;
	const depth = path.length;
	const properties = parent.children ?? [];
	const index = properties.findIndex(property => property.children?.[0]?.value === key);
	const splice = (start: number, end: number, insert: string) => `${text.slice(0, start)}${insert}${text.slice(end)}`;
	const newline = layout.compact ? '' : `${layout.eol}${layout.unit.repeat(depth)}`;
	const closing = layout.compact ? '' : `${layout.eol}${layout.unit.repeat(depth - 1)}`;
	const member = `${goJson(key)}:${layout.compact ? '' : ' '}${value === undefined ? '' : formatValue(value, depth, layout)}`;

	if (value === undefined) {
		if (index === -1) return text;
		const property = properties[index]!;
		if (properties.length === 1) return splice(parent.offset + 1, parent.offset + parent.length - 1, '');
		// Take the comma and the space on the side that keeps the rest of the layout intact.
		if (index > 0) {
			const previous = properties[index - 1]!;
			return splice(previous.offset + previous.length, property.offset + property.length, '');
		}
		return splice(property.offset, properties[1]!.offset, '');
	}
	if (index !== -1) {
		const old = properties[index]!.children![1]!;
		return splice(old.offset, old.offset + old.length, formatValue(value, depth, layout));
	}
	if (properties.length === 0) return splice(parent.offset + 1, parent.offset + parent.length - 1, `${newline}${member}${closing}`);
	const names = properties.map(property => String(property.children?.[0]?.value));
	// Inside a map (auths, credHelpers) docker sorts keys; top-level keys follow its struct order, so a new one goes last.
	const sorted = depth > 1 && names.every((name, position) => position === 0 || names[position - 1]! <= name);
	const before = sorted ? properties.find(property => String(property.children?.[0]?.value) > key) : undefined;
	if (before) return splice(before.offset, before.offset, `${member},${newline}`);
	const last = properties.at(-1)!;
	return splice(last.offset + last.length, last.offset + last.length, `,${newline}${member}`);
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
	// The property each open object is at, lowercased ('' in arrays): what jsonc-parser's
	// pathSupplier() would give, without building a path array for every string (the preview masks
	// config.json on every keystroke).
	const keys: string[] = [];
	let headers = 0;
	const enter = (key: string) => {
		keys.push(key);
		if (key === 'httpheaders') headers++;
	};
	const leave = () => {
		if (keys.pop() === 'httpheaders') headers--;
	};
	visit(text, {
		onObjectBegin: () => enter(''),
		onObjectProperty: name => {
			if (keys.length === 0) return;
			if (keys.at(-1) === 'httpheaders') headers--;
			const key = name.toLowerCase();
			keys[keys.length - 1] = key;
			if (key === 'httpheaders') headers++;
		},
		onObjectEnd: leave,
		onArrayBegin: () => enter(''),
		onArrayEnd: leave,
		onLiteralValue: (value, offset, length) => {
			if (typeof value !== 'string' || value === '') return;
			if (SECRET_KEYS.has(keys.at(-1) ?? '') || headers > 0) {
				ranges.push([offset, offset + length, `"${MASK}"`]);
			} else if (URL_PASSWORD.test(value)) {
				ranges.push([offset, offset + length, JSON.stringify(value.replace(URL_PASSWORD, `$1${MASK}$2`))]);
			}
		},
	});
	// One pass over the ranges (in text order): rebuilding the string per value was quadratic,
	// 13.6 s for a 10,000-entry config (bench/mask-scale.mjs).
	const parts: string[] = [];
	let at = 0;
	for (const [start, end, replacement] of ranges) {
		parts.push(text.slice(at, start), replacement);
		at = end;
	}
	parts.push(text.slice(at));
	return parts.join('');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
