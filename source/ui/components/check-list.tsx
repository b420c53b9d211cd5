// A multi-choice list (Space toggles): ink-select-input has no multi-select.
import {Box, Text} from 'ink';
import {windowAround} from './window.js';

export interface Check {
	label: string;
	value: string;
	description: string;
	checked: boolean;
}

/** `height`: lines for the rows; a longer list shows a window around the highlight. */
export function CheckList({items, index, width, height}: {items: Check[]; index: number; width: number; height?: number}) {
	const labelWidth = Math.max(...items.map(item => item.label.length)) + 7;
	const slice =
		height === undefined
			? {start: 0, end: items.length, hiddenAbove: 0, hiddenBelow: 0}
			: windowAround(
					items.map(() => 1),
					index,
					height,
				);
	return (
		<Box flexDirection="column">
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more</Text> : null}
			{items.slice(slice.start, slice.end).map((item, offset) => {
				const position = slice.start + offset;
				const active = position === index;
				return (
					<Box key={item.value} width={width}>
						<Box width={labelWidth} flexShrink={0}>
							<Text color={active ? 'cyan' : undefined} bold={active}>
								{active ? '❯ ' : '  '}
								{item.checked ? '◉ ' : '◯ '}
								{item.label}
							</Text>
						</Box>
					</Box>
				);
			})}
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
			{items[index] ? (
				<Box marginTop={1}>
					<Text dimColor>
						{items[index]!.label}: {items[index]!.description}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
