// Step 1: which registry. Known registries come with a hint on which credential they want;
// registries already added can be edited or removed; several can be configured in one run.
// The list comes first and what regauth found on this machine below it, so the list never
// moves when the machine read finishes: keys typed early act on what the user saw.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {keychainWorks, registryChoices} from '../choices.js';
import {ChoiceList} from '../components/choice-list.js';
import {FindingsList} from '../components/findings-list.js';
import {linesOf} from '../components/window.js';
import type {StepProps} from './step-props.js';

/** Rows the list may use at least, whatever the findings need (80×24 shows five entries and more). */
const MIN_LIST_ROWS = 8;

export function RegistryStep({state, env, stores, kubeRead, width, height}: StepProps) {
	const items = registryChoices(state.answers, state.registry.remembered, keychainWorks(env, stores));
	const first = state.answers.credentials.length === 0;
	const problem = state.registry.problem;
	const problemLines = problem ? linesOf(problem, width) : 0;
	const listRows = Math.max(MIN_LIST_ROWS, height - 3 - problemLines - (first ? 6 : 0));
	const selected = items[Math.min(state.field, items.length - 1)];
	const listUsed = Math.min(listRows, items.length + (selected?.hint ? linesOf(selected.hint, width - 4) : 0));
	// Below the list: a margin line and the heading, then the findings themselves.
	const findingsRows = height - 2 - listUsed - problemLines - 2;
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Which registry?</Text>
			<Text dimColor>↑/↓ choose · Enter select{state.answers.credentials.length > 0 ? ' · add more, or continue' : ' · or type its first letter'}</Text>
			<ChoiceList items={items} index={state.field} height={listRows} width={width} />
			{state.busy === 'remembered' || state.busy === 'recall' ? (
				<Text>
					<Spinner type="dots" /> Asking the keychain…
				</Text>
			) : null}
			{problem ? <Text color="red">{problem}</Text> : null}
			{first && findingsRows > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>On this machine</Text>
					<FindingsList env={env} kubeRead={kubeRead} width={width} height={findingsRows} />
				</Box>
			) : null}
		</Box>
	);
}
