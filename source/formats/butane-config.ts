// A Flatcar provisioning config in its two spellings: the Butane YAML a person edits and the
// Ignition JSON Butane would turn it into, so a machine can boot without installing butane.
// Facts (docs/formats.md §6): Butane `variant: flatcar` 1.0.0 → Ignition 3.3.0, 1.1.0 → 3.4.0;
// modes are octal literals in YAML (go-yaml v3 parses 0600 as octal) and decimal in JSON;
// inline contents become `data:` URLs (data-url.ts). Butane marshals with clarketm/json, which
// omits empty structs, fields in the Go struct order of ignition/config/v3_x/types (Node
// fields group, overwrite, path, user, then append, contents, mode), HTML-escaped, compact,
// and its CLI adds one newline.
import {Document, isPair, isScalar, visit} from 'yaml';
import {butaneDataUrl} from './data-url.js';
import {goJson} from './go-json.js';

export type ButaneVersion = '1.0.0' | '1.1.0';

export const IGNITION_SPEC: Record<ButaneVersion, string> = {'1.0.0': '3.3.0', '1.1.0': '3.4.0'};

interface Node {
	path: string;
	mode: number;
	/** User and group name; omitted means root (Ignition keeps the creator's owner). */
	owner?: string;
}

export type Directory = Node;

export type FileContents = {inline: string} | {source: string; hash: string};

export interface File extends Node {
	contents: FileContents;
}

export interface ProvisioningConfig {
	version: ButaneVersion;
	directories: Directory[];
	files: File[];
}

function owner(node: Node) {
	return node.owner === undefined ? {} : {user: {name: node.owner}, group: {name: node.owner}};
}

/** The Butane YAML, with a leading comment. Modes are written 0600, not 384. */
export function butaneYaml(config: ProvisioningConfig, comment = ''): string {
	const doc = new Document(
		{
			variant: 'flatcar',
			version: config.version,
			storage: {
				...(config.directories.length > 0 ? {directories: config.directories.map(dir => ({path: dir.path, mode: dir.mode, ...owner(dir)}))} : {}),
				files: config.files.map(file => ({
					path: file.path,
					mode: file.mode,
					...owner(file),
					contents: 'inline' in file.contents ? {inline: file.contents.inline} : {source: file.contents.source, verification: {hash: file.contents.hash}},
				})),
			},
		},
		// YAML 1.1 is what go-yaml v3 reads: it writes octal as 0600 (1.2 would write 0o600).
		{version: '1.1'},
	);
	visit(doc, {
		Pair(_, pair) {
			if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'mode' && isScalar(pair.value)) pair.value.format = 'OCT';
		},
	});
	if (comment !== '' && doc.contents) doc.contents.commentBefore = comment;
	return doc.toString({lineWidth: 0, blockQuote: 'literal', indentSeq: true});
}

function ignitionNode(node: Node) {
	// Go struct order: group, overwrite, path, user.
	return node.owner === undefined ? {path: node.path} : {group: {name: node.owner}, path: node.path, user: {name: node.owner}};
}

function ignitionContents(contents: FileContents) {
	if ('inline' in contents) {
		const url = butaneDataUrl(new TextEncoder().encode(contents.inline));
		return {compression: url.compression, source: url.source};
	}
	return {source: contents.source, verification: {hash: contents.hash}};
}

/** What `butane` prints for the YAML above (compact JSON and a newline). */
export function ignitionJson(config: ProvisioningConfig): string {
	const doc = {
		ignition: {version: IGNITION_SPEC[config.version]},
		storage: {
			...(config.directories.length > 0 ? {directories: config.directories.map(dir => ({...ignitionNode(dir), mode: dir.mode}))} : {}),
			files: config.files.map(file => ({...ignitionNode(file), contents: ignitionContents(file.contents), mode: file.mode})),
		},
	};
	return `${goJson(doc)}\n`;
}

/** JSON that YAML reads back unchanged: ASCII only (no NEL, LS, BOM or DEL for go-yaml to trip on). */
export function asciiJson(json: string): string {
	return json.replace(/[\u007f-\uffff]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
