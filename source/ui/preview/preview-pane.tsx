// The live preview: one planned file at a time, windowed to the height it is given so the whole
// frame never outgrows the terminal (Ink clears the screen when it does).
import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import {octal} from '../../formats/file-mode.js';
import type {Plan} from '../../plan-types.js';
import type {PreviewState} from '../state.js';
import {previewLines, wrapLines} from './lines.js';

export interface PreviewPaneProps {
	plan: Plan;
	preview: PreviewState;
	focused: boolean;
	width: number;
	height: number;
	/** Beside the form (else below it): the empty pane says where the questions are. */
	wide?: boolean;
}

export function currentArtifact(plan: Plan, preview: PreviewState) {
	return plan.artifacts.find(artifact => artifact.id === preview.id) ?? plan.artifacts[0];
}

/** Lines of the body for the artifact shown, and how far it can scroll. */
export function previewBody(plan: Plan, preview: PreviewState, width: number) {
	const artifact = currentArtifact(plan, preview);
	return artifact ? wrapLines(previewLines(artifact, preview), innerWidth(width)) : [];
}

/** The text width inside the pane: its border and padding take four columns. */
const innerWidth = (width: number) => width - 4;

// Memoized: keys that move between fields or scroll re-render the app but not the plan, and the
// shown file's lines (a diff for a merge) are computed once per plan, not once per render.
export const PreviewPane = memo(function PreviewPane({plan, preview, focused, width, height, wide = true}: PreviewPaneProps) {
	const artifact = currentArtifact(plan, preview);
	const lines = useMemo(
		() => (artifact ? wrapLines(previewLines(artifact, preview), innerWidth(width)) : []),
		[artifact, preview.revealed, preview.diff, width, preview],
	);
	const border = focused ? 'cyan' : 'gray';
	if (!artifact) {
		return (
			<Box borderStyle="round" borderColor={border} width={width} height={height} paddingX={1} flexDirection="column">
				<Text bold>Preview</Text>
				<Text dimColor>Nothing to write yet: answer the questions {wide ? 'on the left' : 'above'} and the files appear here as you type.</Text>
			</Box>
		);
	}
	const position = plan.artifacts.indexOf(artifact) + 1;
	const bodyHeight = Math.max(1, height - 5); // border (2), title, path, status line
	const maxScroll = Math.max(0, lines.length - bodyHeight);
	const scroll = Math.min(preview.scroll, maxScroll);
	const visible = lines.slice(scroll, scroll + bodyHeight);
	const state = artifact.status;
	const secretState = artifact.secret ? (preview.revealed ? ' · SECRETS SHOWN' : ' · secrets masked') : '';
	const range = lines.length === 0 ? 'empty' : `lines ${scroll + 1}–${scroll + visible.length} of ${lines.length}`;
	const keys = focused ? '←/→ file · ↑/↓ scroll · r reveal · d diff · Ctrl+P back' : 'Ctrl+P to focus · PgUp/PgDn scroll';
	return (
		<Box borderStyle="round" borderColor={border} width={width} height={height} paddingX={1} flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold color="cyan">
					‹ {position}/{plan.artifacts.length} ›
				</Text>{' '}
				<Text bold>{artifact.title}</Text>
				<Text dimColor> ({state})</Text>
			</Text>
			<Text dimColor wrap="truncate-start">
				{artifact.path} · {octal(artifact.mode)}
				{secretState}
			</Text>
			<Box flexDirection="column" height={bodyHeight} overflow="hidden">
				{visible.map((line, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: a row's key is its line number in the file, so Ink reuses the rows that stay while scrolling.
					<Text key={scroll + index} wrap={line.wrap ? 'wrap' : 'truncate-end'} {...(line.color ? {color: line.color} : {})}>
						{line.text === '' ? ' ' : line.text}
					</Text>
				))}
			</Box>
			<Text dimColor wrap="truncate-end">
				{range} · {keys}
			</Text>
		</Box>
	);
});
