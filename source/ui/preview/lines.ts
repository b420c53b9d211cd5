// What the preview shows for an artifact, as lines: the file (secrets masked unless revealed),
// a merge as a diff against the file on disk, an archive as its listing. Pure, so the pane
// only windows and draws it.
import {structuredPatch} from 'diff';
import {maskJsonSecrets} from '../../formats/json-text.js';
import type {Artifact} from '../../plan-types.js';

export interface PreviewLine {
	text: string;
	color?: 'green' | 'red' | 'cyan' | 'gray' | 'yellow';
	/** Prose rather than file content: wrapped to the pane instead of cut. */
	wrap?: boolean;
}

// Ink measures a tab as one column; the terminal draws up to eight.
const untab = (line: string) => line.replaceAll('\t', '  ');

function plain(text: string): PreviewLine[] {
	return text
		.replace(/\n$/, '')
		.split('\n')
		.map(line => ({text: untab(line)}));
}

export function previewLines(artifact: Artifact, options: {revealed: boolean; diff: boolean}): PreviewLine[] {
	// The reason is said once, where the question is: the preview names it in one line.
	if (artifact.blocked) return [{text: `Not written: ${artifact.blocked.split('\n')[0]}`, color: 'red', wrap: true}];
	const content = options.revealed && artifact.text !== null ? artifact.text : artifact.redacted;
	const base = artifact.base;
	if (!options.diff || !base?.exists || base.text === undefined || artifact.text === null) return plain(content);
	const before = options.revealed ? base.text : maskJsonSecrets(base.text);
	if (before === content) return [{text: `(unchanged: ${artifact.path} already holds this)`, color: 'gray'}, ...plain(content)];
	const patch = structuredPatch('on disk', 'planned', before, content, '', '', {context: 3});
	const lines: PreviewLine[] = [
		{text: `--- ${artifact.path} (on disk)`, color: 'gray'},
		{text: '+++ planned', color: 'gray'},
	];
	for (const hunk of patch.hunks) {
		lines.push({text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, color: 'cyan'});
		for (const line of hunk.lines) {
			if (line.startsWith('\\')) continue; // "\ No newline at end of file"
			lines.push({text: untab(line), ...(line.startsWith('+') ? {color: 'green' as const} : line.startsWith('-') ? {color: 'red' as const} : {})});
		}
	}
	return lines;
}

/**
 * Long lines cut into pane-wide pieces (a continuation starts with ↪): single-line files — the
 * Ignition JSON, a hosted config.json — are read whole by scrolling, never cut off at the edge.
 */
export function wrapLines(lines: PreviewLine[], width: number): PreviewLine[] {
	const usable = Math.max(8, width);
	return lines.flatMap(line => {
		if (line.wrap) return [line];
		const chars = [...line.text];
		if (chars.length <= usable) return [line];
		const pieces: PreviewLine[] = [{...line, text: chars.slice(0, usable).join('')}];
		for (let start = usable; start < chars.length; start += usable - 2) pieces.push({...line, text: `↪ ${chars.slice(start, start + usable - 2).join('')}`});
		return pieces;
	});
}
