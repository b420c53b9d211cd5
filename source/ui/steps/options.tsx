// Step 6: only what the chosen targets need, with defaults so Enter-Enter-Enter works.
import {Box, Text} from 'ink';
import {LABEL_WIDTH, TextField} from '../components/text-field.js';
import {linesOf, windowAround} from '../components/window.js';
import {useStepInput} from '../hooks/use-step-input.js';
import {cycleChoice, optionFields} from '../option-fields.js';
import type {StepProps} from './step-props.js';

const KEYS_HINT = '↑/↓ move · ←/→ change a choice · Enter next · defaults are fine';

export function OptionsStep({state, dispatch, get, env, active, width, height}: StepProps) {
	const fields = optionFields(state.answers, env);
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

	const advance = () => {
		const latest = get();
		const current = optionFields(latest.answers, env);
		if (latest.field < current.length - 1) {
			dispatch({type: 'field', field: latest.field + 1});
			return;
		}
		const firstBad = current.findIndex(field => field.check?.(latest.drafts[field.id] ?? field.get(latest.answers)));
		if (firstBad !== -1) dispatch({type: 'field', field: firstBad});
		else dispatch({type: 'next', step: 'review'});
	};

	useStepInput(
		'options',
		(input, key) => {
			const latest = get();
			const current = optionFields(latest.answers, env);
			const field = current[latest.field];
			if (key.upArrow || key.downArrow) {
				dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: current.length});
			} else if (field?.kind === 'choice' && (key.leftArrow || key.rightArrow || input === ' ')) {
				dispatch({type: 'answers', update: answers => cycleChoice(field, answers, key.leftArrow ? -1 : 1)});
			} else if (key.return) {
				advance();
			}
		},
		active,
	);

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
									<Text color={focused ? 'cyan' : undefined} bold={focused}>
										{focused ? '› ' : '  '}
										{field.label}
									</Text>
								</Box>
								<Text color={focused ? 'cyan' : undefined}>‹ {label} ›</Text>
							</Box>
							{focused ? (
								<Box paddingLeft={LABEL_WIDTH}>
									<Text dimColor>{field.hint}</Text>
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
						onChange={text => dispatch({type: 'draft', id: field.id, text, update: answers => field.set(answers, text)})}
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
