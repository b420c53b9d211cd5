// Step 2: what to configure. Space toggles, Enter continues.
import {Box, Text} from 'ink';
import {TARGET_CATALOG as TARGETS} from '../../targets/catalog.js';
import {CheckList} from '../components/check-list.js';
import type {StepProps} from './step-props.js';

export function TargetsStep({state, width}: StepProps) {
	const items = TARGETS.map(target => ({
		label: target.title,
		value: target.id,
		description: target.description,
		checked: state.answers.targets.includes(target.id),
	}));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>What should regauth configure?</Text>
			<Text dimColor>↑/↓ move · Space toggles · Enter continues</Text>
			<Text> </Text>
			<CheckList items={items} index={state.field} width={width} />
			{state.answers.targets.length === 0 ? <Text color="yellow">Choose at least one.</Text> : null}
		</Box>
	);
}
