// A single-choice list. ink-select-input draws it; the highlighted index lives in the wizard's
// store, because ink-select-input's own key handling acts on a stale index when Down and Enter
// arrive in one chunk (shared/reference/ink-on-node20.md).
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';

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
			{isSelected && hint ? (
				<Text dimColor>
					{hint}
				</Text>
			) : null}
		</Box>
	);
}

export function ChoiceList({items, index}: {items: Choice[]; index: number}) {
	const selectItems = items.map(item => ({key: item.value, label: item.label, value: item.value, hint: item.hint, disabled: item.disabled}));
	// Remounting with the store's index is how a render-only SelectInput follows the highlight.
	return <SelectInput key={`${index}:${items.length}`} items={selectItems} initialIndex={Math.min(index, Math.max(0, items.length - 1))} isFocused={false} itemComponent={Item as never} />;
}
