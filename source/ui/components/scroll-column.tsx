// A column taller than its pane, scrolled by lines (PgUp/PgDn): every block is reachable, and
// what is cut off above or below is marked with how much and the key that shows it.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

export interface Block {
	key: string;
	/** Lines the block takes at the column's width. */
	lines: number;
	node: ReactNode;
}

export function columnHeight(blocks: Block[]): number {
	return blocks.reduce((sum, block) => sum + block.lines, 0);
}

/** The column from `scroll` lines down, in `height` lines, with a marker line above and below when cut. */
export function ScrollColumn({blocks, scroll, height}: {blocks: Block[]; scroll: number; height: number}) {
	const total = columnHeight(blocks);
	const all = blocks.map(block => (
		<Box key={block.key} flexDirection="column" flexShrink={0}>
			{block.node}
		</Box>
	));
	if (total <= height) return <Box flexDirection="column">{all}</Box>;
	// A marker line below, and one above once scrolled.
	const room = Math.max(1, height - (scroll > 0 ? 2 : 1));
	const top = Math.max(0, Math.min(scroll, total - room));
	const below = total - top - room;
	return (
		<Box flexDirection="column">
			{top > 0 ? <Text dimColor>↑ {top} more lines above (PgUp)</Text> : null}
			{/* A window of `room` lines onto the whole column: line scrolling, blocks cut where they must be. */}
			<Box height={room} overflow="hidden" flexDirection="column" flexShrink={0}>
				<Box marginTop={-top} flexDirection="column" flexShrink={0}>
					{all}
				</Box>
			</Box>
			{below > 0 ? <Text dimColor>↓ {below} more lines below (PgDn)</Text> : null}
		</Box>
	);
}
