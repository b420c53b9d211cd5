// Step 4: only what the chosen targets need, with defaults: Ctrl+R takes them all and goes to
// the review, Enter walks field by field.
import {Box, Text} from 'ink';
import {LABEL_WIDTH, TextField} from '../components/text-field.js';
import {linesOf, windowAround, wrapText} from '../components/window.js';
import {ACCEPT_DEFAULTS} from '../keymap.js';
import {optionFields} from '../option-fields.js';
import type {StepProps} from './step-props.js';

const KEYS_HINT = `↑/↓ Tab move · ←/→ change a choice · Enter next · ${ACCEPT_DEFAULTS.label}: keep the rest, review`;

export function OptionsStep({state, env, active, width, height}: StepProps) {
	const fields = optionFields(state.answers, env, state.profile?.optionsFixed);
	// With every target chosen there are more fields than a small terminal has lines: show the
	// ones around the focused field, and say how many are above and below.
	const valueWidth = Math.max(10, width - LABEL_WIDTH);
	const heights = fields.map((field, position) => {
		const focused = state.field === position;
		const value = state.drafts[field.id] ?? field.get(state.answers);
		const error = field.kind === 'text' ? field.check?.(value) : undefined;
		return 1 + (error ? linesOf(`✗ ${error}`, valueWidth) : focused ? linesOf(field.hint, valueWidth) : 0);
	});
	const slice = windowAround(heights, Math.min(state.field, fields.length - 1), height - 2 - linesOf(KEYS_HINT, width));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Options</Text>
			<Text dimColor>{KEYS_HINT}</Text>
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more above</Text> : <Text> </Text>}
			{fields.slice(slice.start, slice.end).map((field, offset) => {
				const position = slice.start + offset;
				const focused = active && state.field === position;
				if (field.kind === 'choice') {
					const label = field.choices?.find(choice => choice.value === field.get(state.answers))?.label ?? field.get(state.answers);
					return (
						<Box key={field.id} flexDirection="column">
							<Box>
								<Box width={LABEL_WIDTH} flexShrink={0}>
									<Text color={focused ? 'cyan' : undefined} bold={focused} wrap="truncate-end">
										{focused ? '› ' : '  '}
										{field.label}
									</Text>
								</Box>
								<Text color={focused ? 'cyan' : undefined}>‹ {label} ›</Text>
							</Box>
							{focused ? (
								<Box paddingLeft={LABEL_WIDTH}>
									<Text dimColor>{wrapText(field.hint, valueWidth)}</Text>
								</Box>
							) : null}
						</Box>
					);
				}
				const value = state.drafts[field.id] ?? field.get(state.answers);
				const error = field.check?.(value);
				return (
					<TextField
						key={field.id}
						label={field.label}
						value={value}
						cursor={focused ? state.cursor : undefined}
						focus={focused}
						{...(error ? {error} : {})}
						{...(focused ? {hint: field.hint} : {})}
						width={width}
					/>
				);
			})}
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more below</Text> : null}
		</Box>
	);
}
