// Reading and checking a team profile. Every problem names the line and the field, so a team
// lead can fix the file from the message alone; a profile with any problem is not used at all.
import type {ErrorObject} from 'ajv';
import {isMap, isSeq, LineCounter, type Node, parseDocument} from 'yaml';
import type {JsonSchema} from './profile-schema.js';

export interface RegistryProfile {
	host: string;
	name?: string;
	'username-hint'?: string;
	'token-help'?: string;
	'token-url'?: string;
	scopes?: string[];
}

export interface Profile {
	welcome?: string;
	registries: RegistryProfile[];
	targets?: string[];
	keychain?: {policy?: 'required' | 'preferred' | 'allowed'; stores?: string[]};
	verify?: 'strict' | 'on';
	'output-dir'?: string;
	/** Per-target options, keyed by target id, as the targets declare them. */
	[target: string]: unknown;
}

export type ProfileResult = {ok: true; profile: Profile} | {ok: false; problems: string[]};

export const MAX_PROFILE_BYTES = 256 * 1024;

/** Shows a value from the file without letting it act on the terminal. */
function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fieldPath(instancePath: string): string {
	const parts = instancePath
		.split('/')
		.slice(1)
		.map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
	return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function message(error: ErrorObject, value: unknown): string {
	const field = fieldPath(error.instancePath);
	const at = field === '' ? 'the profile' : field;
	switch (error.keyword) {
		case 'additionalProperties': {
			const extra = (error.params as {additionalProperty: string}).additionalProperty;
			return `unknown field ${shown(extra)} in ${at}${field === '' ? '' : ''}: remove it or check its spelling (see the schema for the fields ${at} takes)`;
		}
		case 'required':
			return `${at} needs the field "${(error.params as {missingProperty: string}).missingProperty}"`;
		case 'enum':
			return `${at} is ${shown(value)}: use one of ${((error.params as {allowedValues: unknown[]}).allowedValues ?? []).map(item => String(item)).join(', ')}`;
		case 'type':
			return `${at} must be ${(error.params as {type: string}).type === 'array' ? 'a list' : `a ${(error.params as {type: string}).type}`}, not ${shown(value)}`;
		case 'pattern':
			if (typeof value === 'string' && /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) {
				return `${at} contains a control character, an escape sequence or a bidi override (${shown(value)}); a profile holds plain text only`;
			}
			return `${at} is ${shown(value)}, which is not allowed here${error.schemaPath.includes('token-url') ? ' (an https:// address)' : error.schemaPath.includes('output-dir') ? ' (a relative path inside the repository, without ..)' : ''}`;
		case 'uniqueItems':
			return `${at} lists the same value twice`;
		case 'minItems':
			return `${at} must not be empty`;
		default:
			return `${at} ${error.message ?? 'is not valid'}`;
	}
}

/** The YAML node at a JSON pointer, for its line. */
function nodeAt(root: Node | null, instancePath: string): Node | null {
	let node: Node | null = root;
	for (const part of instancePath.split('/').slice(1)) {
		if (isMap(node)) node = (node.get(part.replace(/~1/g, '/').replace(/~0/g, '~'), true) as Node | undefined) ?? node;
		else if (isSeq(node)) node = (node.get(Number(part), true) as Node | undefined) ?? node;
		else break;
	}
	return node;
}

function valueAt(data: unknown, instancePath: string): unknown {
	let value = data;
	for (const part of instancePath.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	return value;
}

export async function checkProfile(text: string, schema: JsonSchema): Promise<ProfileResult> {
	if (Buffer.byteLength(text) > MAX_PROFILE_BYTES)
		return {ok: false, problems: [`the profile is larger than ${MAX_PROFILE_BYTES / 1024} KiB; a profile is a short list of answers`]};
	const lines = new LineCounter();
	const doc = parseDocument(text, {lineCounter: lines, uniqueKeys: true, prettyErrors: true});
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map(error => {
				const pos = error.linePos?.[0];
				return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${error.message.split('\n')[0]} (YAML syntax)`;
			}),
		};
	}
	let data: unknown;
	try {
		data = doc.toJS({maxAliasCount: 50});
	} catch (error) {
		return {ok: false, problems: [`the profile could not be read: ${(error as Error).message} (YAML aliases are limited to 50 expansions)`]};
	}
	if (data === null || data === undefined) return {ok: false, problems: ['the profile is empty: it needs at least `registries:`']};
	// A CommonJS module: node gives its named export, the bundle only its default.
	const module = await import('ajv/dist/2020.js');
	const Ajv2020 = module.Ajv2020 ?? (module.default as unknown as typeof module).Ajv2020;
	const ajv = new Ajv2020({allErrors: true, strict: true});
	const validate = ajv.compile(schema);
	if (validate(data)) return {ok: true, profile: data as Profile};
	// Ajv reports each failed branch; one message per place and kind is enough.
	const seen = new Set<string>();
	const problems: string[] = [];
	for (const error of validate.errors ?? []) {
		const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const node = nodeAt(
			doc.contents as Node | null,
			error.keyword === 'additionalProperties'
				? `${error.instancePath}/${(error.params as {additionalProperty: string}).additionalProperty}`
				: error.instancePath,
		);
		const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
		problems.push(`${line === undefined ? '' : `line ${line}: `}${message(error, valueAt(data, error.instancePath))}`);
	}
	// In file order, so the messages read top to bottom like the file.
	const lineOf = (problem: string) => Number(/^line (\d+)/.exec(problem)?.[1] ?? 0);
	return {ok: false, problems: problems.sort((a, b) => lineOf(a) - lineOf(b))};
}
