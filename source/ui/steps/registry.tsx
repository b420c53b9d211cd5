// Step 2: which registry. Known registries come with a hint on which credential they want;
// registries already added can be edited or removed; several can be configured in one run.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useState} from 'react';
import {type Answers, checkRegistry, resolveAnswers} from '../../answers.js';
import {HELPER_NAME} from '../../keychain/names.js';
import {type Choice, ChoiceList} from '../components/choice-list.js';
import {FindingsList, findingsHeight} from '../components/findings-list.js';
import {linesOf} from '../components/window.js';
import {useStepInput} from '../hooks/use-step-input.js';
import {KNOWN_REGISTRIES} from '../registries.js';
import type {StepProps} from './step-props.js';

function displayHost(registry: string): string {
	const checked = checkRegistry(registry);
	return checked.value?.host ?? (registry || 'docker.io');
}

/** Registries regauth's keychain remembers (after the user asked to look), by key → user. */
type Remembered = undefined | 'loading' | {servers: Record<string, string>} | {error: string};

export function registryChoices(answers: Answers, remembered: Remembered = undefined, keychainAvailable = false): Choice[] {
	const items: Choice[] = [];
	const count = answers.credentials.length;
	if (count > 0) {
		const problems = resolveAnswers(answers).issues.filter(issue => issue.field.startsWith('credentials.'));
		items.push({
			value: 'continue',
			label: `Continue with ${count} ${count === 1 ? 'registry' : 'registries'}`,
			hint: problems.length > 0 ? `first fix: ${problems[0]!.label}: ${problems[0]!.message}` : 'choose what to configure next',
			disabled: problems.length > 0,
		});
		answers.credentials.forEach((credential, index) => {
			items.push({
				value: `edit:${index}`,
				label: `✎ ${displayHost(credential.registry)} — ${credential.username || '(no user yet)'}`,
				hint: 'Enter edits it · x removes it',
			});
		});
	}
	for (const known of KNOWN_REGISTRIES) items.push({value: `add:${known.id}`, label: `${count > 0 ? '+ ' : ''}${known.label}`, hint: known.hint});
	if (remembered && typeof remembered === 'object' && 'servers' in remembered) {
		const configured = new Set(answers.credentials.map(credential => checkRegistry(credential.registry).value?.key));
		for (const [key, username] of Object.entries(remembered.servers)) {
			if (configured.has(key)) continue;
			items.push({value: `recall:${key}`, label: `↺ ${key} — ${username}`, hint: 'remembered in the keychain: no need to type the password again'});
		}
	} else if (keychainAvailable) {
		items.push({value: 'remembered', label: '↺ Credentials remembered in the keychain…', hint: 'reuse a login regauth stored before (asks the keychain)'});
	}
	return items;
}

export function RegistryStep({state, dispatch, get, env, active, width, height, services}: StepProps) {
	const [remembered, setRemembered] = useState<Remembered>(undefined);
	const [problem, setProblem] = useState<string | undefined>();
	const keychainAvailable = Boolean(env && (env.regauthHelper || env.helpers.includes(HELPER_NAME)));
	const items = registryChoices(state.answers, remembered, keychainAvailable);
	useStepInput(
		'registry',
		(input, key) => {
			const latest = get();
			if (remembered === 'loading') return;
			const choices = registryChoices(latest.answers, remembered, keychainAvailable);
			if (key.upArrow || key.downArrow) {
				dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: choices.length});
				return;
			}
			const choice = choices[Math.min(latest.field, choices.length - 1)];
			if (!choice) return;
			if (input === 'x' && choice.value.startsWith('edit:')) {
				const index = Number(choice.value.slice(5));
				dispatch({type: 'answers', update: answers => ({...answers, credentials: answers.credentials.filter((_, position) => position !== index)})});
				dispatch({type: 'field', field: 0});
				return;
			}
			if (!key.return || choice.disabled) return;
			setProblem(undefined);
			if (choice.value === 'remembered') {
				setRemembered('loading');
				services.rememberedCredentials().then(result => {
					if (result.ok) setRemembered({servers: result.servers});
					else {
						setRemembered(undefined);
						setProblem(result.message);
					}
				});
			} else if (choice.value.startsWith('recall:')) {
				setRemembered('loading');
				services.recallCredential({registry: choice.value.slice(7), username: '', password: '', email: ''}).then(result => {
					setRemembered(undefined);
					if (!result.ok) {
						setProblem(result.message);
						return;
					}
					const index = get().answers.credentials.length;
					dispatch({type: 'answers', update: answers => ({...answers, credentials: [...answers.credentials, result.credential]})});
					dispatch({type: 'edit', index, field: 3});
				});
			} else if (choice.value === 'continue') {
				dispatch({type: 'next', step: 'targets'});
			} else if (choice.value.startsWith('edit:')) {
				dispatch({type: 'edit', index: Number(choice.value.slice(5)), field: 1});
			} else {
				const known = KNOWN_REGISTRIES.find(registry => `add:${registry.id}` === choice.value)!;
				const index = latest.answers.credentials.length;
				dispatch({
					type: 'answers',
					update: answers => ({
						...answers,
						credentials: [...answers.credentials, {registry: known.host, username: known.username ?? '', password: '', email: ''}],
					}),
				});
				// A fixed host needs no editing: start at the user name.
				dispatch({type: 'edit', index, field: known.host === '' || known.hostTemplate ? 0 : 1});
			}
		},
		active,
	);
	// The first screen: what regauth found here, then the first question (no separate start step).
	const first = state.answers.credentials.length === 0;
	const findingLines = first ? findingsHeight(env, width) + 2 : 0;
	return (
		<Box flexDirection="column" width={width}>
			{first ? (
				<Box flexDirection="column" marginBottom={1}>
					<Text bold>On this machine</Text>
					<FindingsList env={env} />
				</Box>
			) : null}
			<Text bold>Which registry?</Text>
			<Text dimColor>↑/↓ choose · Enter select{state.answers.credentials.length > 0 ? ' · add more, or continue' : ''}</Text>
			<Text> </Text>
			<ChoiceList
				items={items}
				index={Math.min(state.field, items.length - 1)}
				height={height - 4 - findingLines - (problem ? linesOf(problem, width) : 0)}
				width={width}
			/>
			{remembered === 'loading' ? (
				<Text>
					<Spinner type="dots" /> Asking the keychain…
				</Text>
			) : null}
			{problem ? <Text color="red">{problem}</Text> : null}
		</Box>
	);
}
