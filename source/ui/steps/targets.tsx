// Step 2: what to configure. Space toggles, Enter continues.
import {Box, Text} from 'ink';
import {TARGET_CATALOG as TARGETS} from '../../targets/catalog.js';
import {CheckList} from '../components/check-list.js';
import {linesOf} from '../components/window.js';
import type {StepProps} from './step-props.js';

export function TargetsStep({state, width, height}: StepProps) {
	const items = TARGETS.map(target => ({
		label: target.title,
		value: target.id,
		description: target.description,
		checked: state.answers.targets.includes(target.id),
	}));
	// Title, keys, the warning line, the highlighted target's description: the rest is the list.
	const focused = items[state.field];
	const around = 3 + 1 + (focused ? linesOf(`${focused.label}: ${focused.description}`, width) : 0);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>What should regauth configure?</Text>
			<Text dimColor>↑/↓ move · Space toggles · Enter continues</Text>
			{state.answers.targets.length === 0 ? <Text color="yellow">Choose at least one.</Text> : <Text> </Text>}
			<CheckList items={items} index={state.field} width={width} height={Math.max(3, height - around)} />
		</Box>
	);
}
