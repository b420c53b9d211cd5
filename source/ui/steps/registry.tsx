// Step 1: which registry. Known registries come with a hint on which credential they want;
// registries already added can be edited or removed; several can be configured in one run.
// The list comes first and what regauth found on this machine below it, so the list never
// moves when the machine read finishes: keys typed early act on what the user saw.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {brokenConfigs} from '../broken-configs.js';
import {keychainWorks, registryChoices} from '../choices.js';
import {ChoiceList} from '../components/choice-list.js';
import {FindingsList} from '../components/findings-list.js';
import {linesOf, windowAround, wrapText} from '../components/window.js';
import {RECHECKED} from '../hooks/use-wizard-effects.js';
import {LOGIN_PREFIX, openLogin, withLogins} from '../logins-view.js';
import {LoginPanel} from './logins.js';
import type {StepProps} from './step-props.js';

/** Rows the list may use at least, whatever the findings need (80×24 shows five entries and more). */
const MIN_LIST_ROWS = 8;

export function RegistryStep({state, env, stores, kubeRead, width, height, logins = [], loginProblems = [], self}: StepProps) {
	// A login chosen from the list: its panel has the screen.
	const open = openLogin(state.logins, logins);
	if (open) return <LoginPanel state={state} login={open} width={width} height={height} self={self} />;
	const broken = brokenConfigs(env).filter(config => state.answers.targets.includes(config.target));
	// The logins on this machine come after the registries (logins-view.ts withLogins).
	const items = withLogins(registryChoices(state.answers, state.registry.remembered, keychainWorks(env, stores), broken), logins, state.logins, new Date());
	// What the last "check again" found, or a target just left out; else the broken files, once.
	const notice =
		state.notice === RECHECKED
			? broken.length === 0
				? {color: 'green', text: '✓ Checked again: the file reads fine now.'}
				: {color: 'red', text: `✗ Still not usable: ${broken.map(config => `${config.path} is ${config.message}`).join('; ')}.`}
			: state.notice
				? {color: 'green', text: `✓ ${state.notice}`}
				: broken.length > 0
					? {
							color: 'yellow',
							text: `! ${broken.map(config => `${config.path} is ${config.message}`).join('; ')}: regauth will not change it. The last entries of the list deal with it (End).`,
						}
					: undefined;
	const noticeLines = notice ? linesOf(notice.text, width) : 0;
	const first = state.answers.credentials.length === 0;
	const problem = state.registry.problem;
	const problemLines = (problem ? linesOf(problem, width) : 0) + noticeLines;
	const listRows = Math.max(MIN_LIST_ROWS, height - 3 - problemLines - (first ? 6 : 0));
	const selected = items[Math.min(state.field, items.length - 1)];
	// Logins below the list's window: one line says they are there (they are the list's last entries).
	const focus = Math.min(state.field, items.length - 1);
	const shownUpTo = windowAround(
		items.map((item, position) => 1 + (position === focus && item.hint ? linesOf(item.hint, width - 4) : 0)),
		focus,
		listRows,
	).end;
	const hiddenLogins = items.slice(shownUpTo).filter(item => item.value.startsWith(LOGIN_PREFIX)).length;
	// An untrusted inventory hides what regauth wrote (rotate is then not offered): say why, once.
	const loginsProblem = loginProblems.length > 0 ? `! Logins: ${loginProblems.join('; ')}` : '';
	const loginsLine =
		hiddenLogins > 0 ? `● ${hiddenLogins} login${hiddenLogins === 1 ? '' : 's'} on this machine further down the list (↓): check, rotate, log out` : '';
	const listUsed = Math.min(listRows, items.length + (selected?.hint ? linesOf(selected.hint, width - 4) : 0));
	// Below the list: a margin line and the heading, then the findings themselves.
	const findingsRows = height - 2 - listUsed - problemLines - 2 - (loginsLine ? 1 : 0) - (loginsProblem ? linesOf(loginsProblem, width) : 0);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Which registry?</Text>
			<Text dimColor>↑/↓ choose · Enter select{state.answers.credentials.length > 0 ? ' · add more, or continue' : ' · or type its first letter'}</Text>
			<ChoiceList items={items} index={state.field} height={listRows} width={width} />
			{loginsLine ? (
				<Text color="cyan" wrap="truncate-end">
					{loginsLine}
				</Text>
			) : null}
			{loginsProblem ? <Text color="yellow">{wrapText(loginsProblem, width)}</Text> : null}
			{notice ? <Text color={notice.color}>{wrapText(notice.text, width)}</Text> : null}
			{state.busy === 'recheck' ? (
				<Text>
					<Spinner type="dots" /> Reading the files again…
				</Text>
			) : null}
			{state.busy === 'remembered' || state.busy === 'recall' ? (
				<Text>
					<Spinner type="dots" /> Asking the keychain…
				</Text>
			) : null}
			{problem ? <Text color="red">{wrapText(problem, width)}</Text> : null}
			{first && findingsRows > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>On this machine</Text>
					<FindingsList env={env} kubeRead={kubeRead} width={width} height={findingsRows} />
				</Box>
			) : null}
		</Box>
	);
}
