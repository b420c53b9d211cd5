// A single-choice list. ink-select-input draws it; the highlighted index lives in the wizard's
// store, because ink-select-input's own key handling acts on a stale index when Down and Enter
// arrive in one chunk (docs/ink-on-node20.md).
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {linesOf, windowAround} from './window.js';

export interface Choice {
	label: string;
	value: string;
	hint?: string;
	disabled?: boolean;
}

function Item({label, isSelected, hint, disabled}: {label: string; isSelected?: boolean; hint?: string; disabled?: boolean}) {
	return (
		<Box flexDirection="column">
			<Text color={disabled ? 'gray' : isSelected ? 'cyan' : undefined} bold={isSelected} wrap="truncate-end">
				{label}
			</Text>
			{isSelected && hint ? <Text dimColor>{hint}</Text> : null}
		</Box>
	);
}

export interface ChoiceListProps {
	items: Choice[];
	index: number;
	/** Lines and columns it may use: a longer list shows a window around the highlight. */
	height?: number;
	width?: number;
}

export function ChoiceList({items, index, height, width = 80}: ChoiceListProps) {
	const heights = items.map((item, position) => 1 + (position === index && item.hint ? linesOf(item.hint, width - 2) : 0));
	const slice = height === undefined ? {start: 0, end: items.length, hiddenAbove: 0, hiddenBelow: 0} : windowAround(heights, index, height);
	const shown = items.slice(slice.start, slice.end);
	const selectItems = shown.map(item => ({key: item.value, label: item.label, value: item.value, hint: item.hint, disabled: item.disabled}));
	const local = Math.min(Math.max(0, index - slice.start), Math.max(0, shown.length - 1));
	return (
		<Box flexDirection="column">
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more</Text> : null}
			{/* Remounting with the store's index is how a render-only SelectInput follows the highlight. */}
			<SelectInput key={`${slice.start}:${local}:${shown.length}`} items={selectItems} initialIndex={local} isFocused={false} itemComponent={Item as never} />
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
		</Box>
	);
}
