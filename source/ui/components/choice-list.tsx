// A single-choice list, drawn from the wizard's state: the highlighted row is the state's index
// (the same one the key map acts on), windowed to the lines it may use with "more" markers.
import {Box, Text} from 'ink';
import type {Choice} from '../choices.js';
import {linesOf, windowAround} from './window.js';

export type {Choice};

export interface ChoiceListProps {
	items: Choice[];
	index: number;
	/** Lines and columns it may use: a longer list shows a window around the highlight. */
	height?: number;
	width?: number;
}

export function ChoiceList({items, index, height, width = 80}: ChoiceListProps) {
	const selected = Math.min(Math.max(0, index), Math.max(0, items.length - 1));
	const heights = items.map((item, position) => 1 + (position === selected && item.hint ? linesOf(item.hint, width - 4) : 0));
	const slice = height === undefined ? {start: 0, end: items.length, hiddenAbove: 0, hiddenBelow: 0} : windowAround(heights, selected, height);
	return (
		<Box flexDirection="column">
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more</Text> : null}
			{items.slice(slice.start, slice.end).map((item, offset) => {
				const active = slice.start + offset === selected;
				return (
					<Box key={item.value} flexDirection="column">
						<Text color={item.disabled ? 'gray' : active ? 'cyan' : undefined} bold={active} wrap="truncate-end">
							{active ? '❯ ' : '  '}
							{item.label}
						</Text>
						{active && item.hint ? (
							<Box paddingLeft={4}>
								<Text dimColor>{item.hint}</Text>
							</Box>
						) : null}
					</Box>
				);
			})}
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
		</Box>
	);
}
