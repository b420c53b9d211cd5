// Step 5: where the secret is kept. The OS keychain first; plain text only after its warning
// has been shown and the user confirms. Choosing a keychain checks it there and then, so a
// missing bus or a locked keyring is found now, with the fix, not at apply time.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useEffect, useState} from 'react';
import {keychainOptions, keychainReach} from '../../keychain/choices.js';
import {ChoiceList} from '../components/choice-list.js';
import {linesOf} from '../components/window.js';
import {nextAfterKeychain} from '../flow.js';
import {useStepInput} from '../hooks/use-step-input.js';
import type {StepProps} from './step-props.js';

export function KeychainStep({state, dispatch, get, env, active, width, height, services}: StepProps) {
	const options = env ? keychainOptions(env) : [];
	const [busy, setBusy] = useState(false);
	const [problem, setProblem] = useState<string | undefined>();
	const [confirmPlain, setConfirmPlain] = useState(false);
	// Back on this step: the highlight starts on the answer already given, not the first item.
	useEffect(() => {
		const current = JSON.stringify(get().answers.keychain);
		const index = options.findIndex(option => JSON.stringify(option.choice) === current);
		if (index > 0) dispatch({type: 'field', field: index});
		// once, on arrival
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	useStepInput(
		'keychain',
		(_input, key) => {
			if (busy) return;
			if (key.upArrow || key.downArrow) {
				dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: options.length});
				setProblem(undefined);
				setConfirmPlain(false);
				return;
			}
			if (!key.return) return;
			const option = options[get().field];
			if (!option?.available) return;
			if (option.warning && !confirmPlain) {
				setConfirmPlain(true);
				return;
			}
			setBusy(true);
			setProblem(undefined);
			services.checkKeychain(option.choice).then(result => {
				setBusy(false);
				if (!result.ok) {
					setProblem(result.message);
					return;
				}
				dispatch({type: 'answers', update: answers => ({...answers, keychain: option.choice})});
				dispatch({type: 'next', step: nextAfterKeychain(get().answers)});
			});
		},
		active,
	);

	const items = options.map(option => ({
		label: `${option.label}${option.available ? '' : ' (not available)'}`,
		value: JSON.stringify(option.choice),
		hint: option.hint,
		disabled: !option.available,
	}));
	const highlighted = options[state.field];
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Where should the password be kept?</Text>
			<Text dimColor>{keychainReach()}</Text>
			<Text> </Text>
			<ChoiceList
				items={items}
				index={Math.min(state.field, Math.max(0, items.length - 1))}
				height={height - 4 - linesOf(keychainReach(), width) - (problem ? linesOf(problem, width) : busy || confirmPlain ? 2 : 0)}
				width={width}
			/>
			<Text> </Text>
			{busy ? (
				<Text>
					<Spinner type="dots" /> Checking the keychain…
				</Text>
			) : problem ? (
				<Text color="red">{problem}</Text>
			) : confirmPlain && highlighted?.warning ? (
				<Text color="yellow">! {highlighted.warning} Press Enter again to keep it in plain text, or choose a keychain.</Text>
			) : null}
		</Box>
	);
}
