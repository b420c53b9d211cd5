// A single-choice list, drawn by ink-select-input from the wizard's state: the highlighted row is
// the state's index (the same one the key map acts on), windowed to the lines it may use with
// "more" markers. ink-select-input only draws here; keys go to the key map (docs/ink-notes.md
// §ink-select-input and ink-text-input as the drawing layer).
import {Box, Text} from 'ink';
import SelectInput, {type IndicatorProps, type ItemProps} from 'ink-select-input';
import {createContext, useContext} from 'react';
import {terminalText} from '../../formats/terminal-text.js';
import type {Choice} from '../choices.js';
import {linesOf, windowAround, wrapText} from './window.js';

export type {Choice};

export interface ChoiceListProps {
	items: Choice[];
	index: number;
	/** Lines and columns it may use: a longer list shows a window around the highlight. */
	height?: number;
	width?: number;
}

/** The list's width, for the rows ink-select-input draws (its item component gets only the item). */
const ListWidth = createContext(80);

export function Pointer({isSelected = false}: IndicatorProps) {
	return <Text color="cyan">{isSelected ? '❯ ' : '  '}</Text>;
}

/** One row: the label on one line; under the highlighted row its hint, wrapped. */
function Row(props: ItemProps) {
	// ink-select-input 6.2 passes the whole item ({...item, isSelected}), so a Choice's fields arrive.
	const {isSelected = false, label, hint, disabled, status} = props as ItemProps & Choice;
	const width = useContext(ListWidth);
	const color = disabled ? 'gray' : isSelected ? 'cyan' : undefined;
	return (
		<Box flexDirection="column" width={Math.max(1, width - 2)}>
			{/* The label gives way (cut with "…"), the state after it does not. */}
			<Box>
				<Box flexShrink={1}>
					<Text color={color} bold={isSelected} wrap="truncate-end">
						{label}
					</Text>
				</Box>
				{status ? (
					<Box flexShrink={0}>
						<Text color={color} bold={isSelected}>{` (${status})`}</Text>
					</Box>
				) : null}
			</Box>
			{isSelected && hint ? (
				<Box paddingLeft={2}>
					<Text dimColor>{wrapText(hint, width - 4)}</Text>
				</Box>
			) : null}
		</Box>
	);
}

/** Labels and hints as drawn: text from files, keychains and registries shown as escapes, never sent raw. */
function shown(item: Choice): Choice {
	return {
		...item,
		label: terminalText(item.label),
		...(item.status ? {status: terminalText(item.status)} : {}),
		...(item.hint ? {hint: terminalText(item.hint, {multiline: true})} : {}),
	};
}

export function ChoiceList({items, index, height, width = 80}: ChoiceListProps) {
	const rows = items.map(shown);
	const selected = Math.min(Math.max(0, index), Math.max(0, rows.length - 1));
	const heights = rows.map((item, position) => 1 + (position === selected && item.hint ? linesOf(item.hint, width - 4) : 0));
	// Our own window, not ink-select-input's `limit`: that one rotates the list (the last items
	// wrap round above the first), and the "more" markers say what is cut off.
	const slice = height === undefined ? {start: 0, end: rows.length, hiddenAbove: 0, hiddenBelow: 0} : windowAround(heights, selected, height);
	const visible = rows.slice(slice.start, slice.end);
	return (
		<Box flexDirection="column">
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more</Text> : null}
			<ListWidth.Provider value={width}>
				{/* Unfocused (the key map reads the keys); remounted when the highlight or the items
				    change, since its own index starts at initialIndex and resets to 0 on new items. */}
				<SelectInput
					key={`${selected}\n${visible.map(item => item.value).join('\n')}`}
					items={visible}
					initialIndex={selected - slice.start}
					isFocused={false}
					indicatorComponent={Pointer}
					itemComponent={Row}
				/>
			</ListWidth.Provider>
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
		</Box>
	);
}
