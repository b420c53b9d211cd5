// A multi-choice list (Space toggles, in the key map). ink-select-input has no multi-select, but
// it draws the rows: each label carries its ◉/◯ mark, the highlight is the wizard's index.
import {Box, Text} from 'ink';
import SelectInput, {type ItemProps} from 'ink-select-input';
import {terminalText} from '../../formats/terminal-text.js';
import {Pointer} from './choice-list.js';
import {windowAround} from './window.js';

export interface Check {
	label: string;
	value: string;
	description: string;
	checked: boolean;
}

function Row({isSelected = false, label}: ItemProps) {
	return (
		<Text color={isSelected ? 'cyan' : undefined} bold={isSelected} wrap="truncate-end">
			{label}
		</Text>
	);
}

/** `height`: lines for the rows; a longer list shows a window around the highlight (not ink-select-input's rotating `limit`). */
export function CheckList({items, index, width, height}: {items: Check[]; index: number; width: number; height?: number}) {
	const selected = Math.min(Math.max(0, index), Math.max(0, items.length - 1));
	const slice =
		height === undefined
			? {start: 0, end: items.length, hiddenAbove: 0, hiddenBelow: 0}
			: windowAround(
					items.map(() => 1),
					selected,
					height,
				);
	const rows = items.slice(slice.start, slice.end).map(item => ({value: item.value, label: `${item.checked ? '◉' : '◯'} ${terminalText(item.label)}`}));
	const focused = items[selected];
	return (
		<Box flexDirection="column" width={width}>
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more</Text> : null}
			{/* Drawing only (the key map reads the keys): remounted on a new highlight or new rows, as in ChoiceList. */}
			<SelectInput
				key={`${selected}\n${rows.map(row => row.value).join('\n')}`}
				items={rows}
				initialIndex={selected - slice.start}
				isFocused={false}
				indicatorComponent={Pointer}
				itemComponent={Row}
			/>
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
			{focused ? (
				<Box marginTop={1}>
					<Text dimColor>
						{terminalText(focused.label)}: {terminalText(focused.description)}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
