// Step 4: what to configure. Space toggles, Enter continues.
import {Box, Text} from 'ink';
import type {Answers, TargetId} from '../../answers.js';
import {TARGET_CATALOG as TARGETS} from '../../targets/catalog.js';
import {CheckList} from '../components/check-list.js';
import {linesOf} from '../components/window.js';
import {nextAfterTargets} from '../flow.js';
import {useStepInput} from '../hooks/use-step-input.js';
import type {StepProps} from './step-props.js';

function toggle(answers: Answers, id: TargetId): Answers {
	const chosen = answers.targets.includes(id) ? answers.targets.filter(target => target !== id) : [...answers.targets, id];
	// Keep the list in the wizard's order so the plan and the headless command read the same.
	return {...answers, targets: TARGETS.map(target => target.id).filter(target => chosen.includes(target))};
}

export function TargetsStep({state, dispatch, get, active, width, height}: StepProps) {
	useStepInput(
		'targets',
		(input, key) => {
			const latest = get();
			if (key.upArrow || key.downArrow) {
				dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: TARGETS.length});
			} else if (input === ' ') {
				const target = TARGETS[latest.field];
				if (target) dispatch({type: 'answers', update: answers => toggle(answers, target.id)});
			} else if (key.return && latest.answers.targets.length > 0) {
				dispatch({type: 'next', step: nextAfterTargets(latest.answers)});
			}
		},
		active,
	);
	const items = TARGETS.map(target => ({
		label: target.title,
		value: target.id,
		description: target.description,
		checked: state.answers.targets.includes(target.id),
	}));
	// Title, keys, blank, the highlighted target's description (and the warning when shown).
	const focused = items[state.field];
	const around = 3 + 1 + (focused ? linesOf(`${focused.label}: ${focused.description}`, width) : 0) + (state.answers.targets.length === 0 ? 1 : 0);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>What should regauth configure?</Text>
			<Text dimColor>↑/↓ move · Space toggles · Enter continues</Text>
			{state.answers.targets.length === 0 ? <Text color="yellow">Choose at least one.</Text> : <Text> </Text>}
			<CheckList items={items} index={state.field} width={width} height={Math.max(3, height - around)} />
		</Box>
	);
}
