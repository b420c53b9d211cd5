// Step 5: everything that would happen, before it happens: files (new, merged, unchanged),
// commands, warnings, and the same run as a headless command for next time. Paths and
// commands are wrapped whole; the column scrolls with PgUp/PgDn when it is taller than the pane.
import {Box, Text} from 'ink';
import type {Environment} from '../../environment.js';
import {octal} from '../../formats/file-mode.js';
import {terminalText} from '../../formats/terminal-text.js';
import type {Plan} from '../../plan-types.js';
import type {VerifyMode} from '../../verify/verdict.js';
import {reviewChoices} from '../choices.js';
import {ChoiceList} from '../components/choice-list.js';
import {type Block, ScrollColumn} from '../components/scroll-column.js';
import {linesOf, wrapText} from '../components/window.js';
import {STEP_ORDER} from '../flow.js';
import {escapeStep, refusedLogin} from '../keymap.js';
import type {WizardState} from '../state.js';
import {wizardWords} from '../wizard-words.js';
import type {StepProps} from './step-props.js';

export {reviewChoices};

const STATE_COLOR = {new: 'green', merge: 'yellow', unchanged: 'gray', refused: 'red'} as const;
const STATUS_WIDTH = 15;

/** The review's content below the actions, in the order it matters, each with its height. */
export function reviewBlocks(state: WizardState, plan: Plan, width: number, env: Environment | null, verifyMode: VerifyMode): Block[] {
	const seen = new Set<string>();
	// The same warning from two targets (docker and podman both store base64) is said once.
	const once = <T extends {message: string}>(note: T) => !seen.has(note.message) && Boolean(seen.add(note.message));
	// Why apply is refused (field problems, files that cannot be produced, the checks), then the
	// plan's warnings; the checks' notes are in plan.notes (the wizard passes them as facts).
	const words = {keychainWayBack: keychainWayBack(state, env, verifyMode)};
	const shown = <T extends {message: string}>(note: T) => ({...note, message: wizardWords(terminalText(note.message, {multiline: true}), words)});
	// A login that stops the run is said once, as the refusal: not again as "Not verified: …".
	const refused = (note: {message: string}) =>
		note.message.startsWith(NOT_VERIFIED) && plan.refusals.some(refusal => refusal.includes(note.message.slice(NOT_VERIFIED.length)));
	const warnings = [
		...plan.refusals.map(message => ({level: 'error' as const, message})),
		...plan.notes.filter(note => note.level !== 'info' && !refused(note)),
	]
		.map(shown)
		.filter(once);
	const infos = plan.notes
		.filter(note => note.level === 'info')
		.map(shown)
		.filter(once);
	const staged = plan.artifacts.filter(artifact => artifact.install && artifact.install.length > 0);
	const blocks: Block[] = [];
	const add = (key: string, lines: number, node: Block['node']) => blocks.push({key, lines, node});

	if (state.profile) {
		// Which answers came from the team profile (the rest the user gave here).
		add('profile', 1, <Text bold>From the team profile {state.profile.shown}</Text>);
		for (const [index, line] of state.profile.fixed.entries())
			add(
				`p${index}`,
				linesOf(line, width - 2),
				<Box paddingLeft={2}>
					<Text>{wrapText(line, width - 2)}</Text>
				</Box>,
			);
		add('profile-gap', 1, <Text> </Text>);
	}
	add('files', 1, <Text bold>Files</Text>);
	for (const artifact of plan.artifacts) {
		const status = artifact.status;
		add(
			`f${artifact.id}`,
			linesOf(artifact.path, width - STATUS_WIDTH),
			<Box>
				<Box width={STATUS_WIDTH} flexShrink={0}>
					<Text color={STATE_COLOR[status]}>
						{status.padEnd(9)} {octal(artifact.mode)}
					</Text>
				</Box>
				<Text>{wrapText(artifact.path, width - STATUS_WIDTH)}</Text>
			</Box>,
		);
	}
	if (plan.commands.length > 0) {
		add('commands', 2, <Text bold>{'\n'}Commands</Text>);
		for (const command of plan.commands)
			add(
				`c${command.id}`,
				linesOf(`$ ${command.display}`, width),
				<Text dimColor={command.role === 'alternative'}>{wrapText(`$ ${command.display}`, width)}</Text>,
			);
	}
	if (warnings.length > 0) add('warnings-gap', 1, <Text> </Text>);
	for (const [index, note] of warnings.entries()) {
		add(
			`w${index}`,
			linesOf(`! ${note.message}`, width),
			<Text color={note.level === 'error' ? 'red' : 'yellow'}>{wrapText(`${note.level === 'error' ? '✗' : '!'} ${note.message}`, width)}</Text>,
		);
	}
	if (staged.length > 0) {
		add('staged', 2, <Text bold>{'\n'}Staged, to put in place afterwards</Text>);
		for (const artifact of staged)
			add(`s${artifact.id}`, linesOf(`$ ${artifact.install!.join(' && ')}`, width), <Text>{wrapText(`$ ${artifact.install!.join(' && ')}`, width)}</Text>);
	}
	add(
		'headless',
		2 + linesOf(plan.headless, width),
		<Box flexDirection="column" marginTop={1}>
			<Text bold>Next time, headless (printed again when the wizard ends)</Text>
			<Text>{wrapText(plan.headless, width)}</Text>
		</Box>,
	);
	for (const [index, note] of infos.entries())
		add(`i${index}`, linesOf(`i ${note.message}`, width), <Text dimColor>{wrapText(`i ${note.message}`, width)}</Text>);
	return blocks;
}

/** verify/verdict.ts words a check that did not verify so. */
const NOT_VERIFIED = 'Not verified: ';

/** How the user reaches the keychain step from this review, as the keys do it (keymap.ts). */
export function keychainWayBack(state: WizardState, env: Environment | null, verifyMode: VerifyMode): string | undefined {
	if (refusedLogin(state, {verifyMode}) !== undefined) return 'Esc goes to the registry list; once the refused login is fixed, Continue leads to it';
	let at: WizardState = state;
	for (let presses = 1; presses <= STEP_ORDER.length; presses++) {
		const to = escapeStep(at, env);
		if (!to) return undefined;
		if (to === 'keychain') return presses === 1 ? 'Esc goes back to it' : presses === 2 ? 'Esc twice goes back to it' : `Esc ${presses} times goes back to it`;
		at = {...at, step: to};
	}
	return undefined;
}

/**
 * Lines the scrolled part of the review gets: the pane less the title, the actions and the notice.
 * `self` is required: the hint it names wraps to two lines when long, and counting the hint the
 * view does not draw made the column one line taller than its room (the marker below was cut).
 */
export function reviewColumnHeight(state: WizardState, plan: Plan, width: number, height: number, self: string): number {
	const choices = reviewChoices(plan, self);
	const selected = choices[Math.min(state.field, choices.length - 1)];
	const choiceLines = choices.length + (selected?.hint ? linesOf(selected.hint, width - 4) : 0);
	const noticeLines = state.notice ? linesOf(`! ${state.notice}`, width) : 0;
	return Math.max(3, height - 2 - choiceLines - noticeLines);
}

export function ReviewStep({state, plan, env, width, height, self, verifyMode}: StepProps) {
	const choices = reviewChoices(plan, self);
	const index = Math.min(state.field, choices.length - 1);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Review</Text>
			{state.notice ? <Text color="yellow">! {state.notice}</Text> : null}
			<ChoiceList items={choices} index={index} width={width} />
			<Text> </Text>
			<ScrollColumn
				blocks={reviewBlocks(state, plan, width, env, verifyMode)}
				scroll={state.scroll}
				height={reviewColumnHeight(state, plan, width, height, self)}
			/>
		</Box>
	);
}
