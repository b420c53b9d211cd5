// Reading a Butane config and an Ignition config back into the same plain shape, so tests can
// check that the Ignition JSON says what the Butane YAML says. The YAML is read as go-yaml v3
// (Butane's parser) reads it: YAML 1.1, where 0600 is octal.
import {gunzipSync} from 'node:zlib';
import {parse} from 'yaml';
import {decodeDataUrl} from '../../source/formats/data-url.js';

export interface NodeView {
	path: string;
	mode?: number;
	user?: string;
	group?: string;
	/** Inline contents (decoded, decompressed) or a remote source with its hash. */
	contents?: {bytes: string} | {source: string; hash?: string};
}

export interface ConfigView {
	version: string;
	directories: NodeView[];
	files: NodeView[];
}

// biome-ignore lint/suspicious/noExplicitAny: Ignition JSON is read loosely in tests
type Raw = Record<string, any>;

function owner(node: Raw) {
	return {
		...(node.user?.name === undefined ? {} : {user: node.user.name as string}),
		...(node.group?.name === undefined ? {} : {group: node.group.name as string}),
	};
}

const IGNITION_FOR: Record<string, string> = {'1.0.0': '3.3.0', '1.1.0': '3.4.0'};

export function readButane(yaml: string): ConfigView {
	const doc = parse(yaml, {version: '1.1'}) as Raw;
	if (doc.variant !== 'flatcar') throw new Error(`variant is ${doc.variant}`);
	return {
		version: IGNITION_FOR[doc.version] ?? `unknown ${doc.version}`,
		directories: (doc.storage?.directories ?? []).map((dir: Raw) => ({path: dir.path, mode: dir.mode, ...owner(dir)})),
		files: (doc.storage?.files ?? []).map((file: Raw) => ({
			path: file.path,
			mode: file.mode,
			...owner(file),
			contents:
				file.contents?.inline !== undefined
					? {bytes: file.contents.inline}
					: {source: file.contents.source, ...(file.contents.verification?.hash ? {hash: file.contents.verification.hash} : {})},
		})),
	};
}

export function readIgnition(json: string): ConfigView {
	const doc = JSON.parse(json) as Raw;
	return {
		version: doc.ignition.version,
		directories: (doc.storage?.directories ?? []).map((dir: Raw) => ({path: dir.path, mode: dir.mode, ...owner(dir)})),
		files: (doc.storage?.files ?? []).map((file: Raw) => {
			const source: string = file.contents.source;
			if (source.startsWith('data:')) {
				let bytes = decodeDataUrl(source);
				if (file.contents.compression === 'gzip') bytes = new Uint8Array(gunzipSync(bytes));
				return {path: file.path, mode: file.mode, ...owner(file), contents: {bytes: Buffer.from(bytes).toString('utf8')}};
			}
			return {
				path: file.path,
				mode: file.mode,
				...owner(file),
				contents: {source, ...(file.contents.verification?.hash ? {hash: file.contents.verification.hash} : {})},
			};
		}),
	};
}
