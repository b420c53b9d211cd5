// Step 7: everything that would happen, before it happens: files (new, merged, unchanged),
// commands, warnings, and the same run as a headless command for next time.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {ApplyMode} from '../../apply/apply.js';
import {octal} from '../../formats/file-mode.js';
import {artifactStatus, type Plan} from '../../plan-types.js';
import type {VerifyResult} from '../../verify/result.js';
import {verdict} from '../../verify/verdict.js';
import {type Choice, ChoiceList} from '../components/choice-list.js';
import {linesOf} from '../components/window.js';
import {useStepInput} from '../hooks/use-step-input.js';
import {checkFor} from '../state.js';
import type {StepProps} from './step-props.js';

export function reviewChoices(plan: Plan): Choice[] {
	const problems = [
		...plan.issues.map(issue => `${issue.label}: ${issue.message}`),
		...plan.notes.filter(note => note.level === 'error').map(note => note.message),
	];
	const runnable = plan.commands.filter(command => command.role === 'deploy' || command.role === 'alternative');
	const disabled = problems.length > 0;
	const reason = disabled ? `cannot apply: ${problems[0]}` : undefined;
	const choices: Choice[] = [
		{
			value: 'files',
			label: 'Write the files',
			hint: reason ?? `${plan.artifacts.filter(artifact => artifact.changed).length} file(s) change; backups beside each; regauth undo reverts`,
			disabled,
		},
	];
	if (runnable.length > 0) {
		choices.push({value: 'commands', label: 'Run the commands', hint: reason ?? runnable.map(command => command.title).join(' · '), disabled});
		choices.push({
			value: 'both',
			label: 'Write the files and run the commands',
			hint: reason ?? 'files first, then the commands; stops at the first failure',
			disabled,
		});
	}
	return choices;
}

const STATE_COLOR = {new: 'green', merge: 'yellow', unchanged: 'gray', refused: 'red'} as const;

export function ReviewStep({state, dispatch, get, plan, active, width, height}: StepProps) {
	const choices = reviewChoices(plan);
	useStepInput(
		'review',
		(_input, key) => {
			if (key.upArrow || key.downArrow) {
				dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: choices.length});
				return;
			}
			if (!key.return) return;
			const choice = choices[Math.min(get().field, choices.length - 1)];
			if (!choice || choice.disabled) return;
			dispatch({type: 'applyMode', mode: choice.value as ApplyMode});
			dispatch({type: 'next', step: 'apply'});
		},
		active,
	);
	const checks = state.answers.credentials
		.map(credential => checkFor(state, credential)?.result)
		.filter((result): result is VerifyResult => result !== undefined && result !== 'checking');
	const warnings = [
		...plan.issues.map(issue => ({level: 'error' as const, message: `${issue.label}: ${issue.message}`})),
		...verdict(checks, 'on').notes.filter(note => note.level !== 'info'),
		...plan.notes.filter(note => note.level !== 'info'),
	];
	const infos = [...verdict(checks, 'on').notes, ...plan.notes].filter(note => note.level === 'info');
	const staged = plan.artifacts.filter(artifact => artifact.install && artifact.install.length > 0);

	// Sections in the order they matter; whatever does not fit the pane is counted, not clipped.
	const blocks: Array<{key: string; lines: number; node: ReactNode}> = [];
	const add = (key: string, lines: number, node: ReactNode) => {
		blocks.push({key, lines, node});
	};
	for (const [index, note] of warnings.entries()) {
		add(
			`w${index}`,
			linesOf(`! ${note.message}`, width),
			<Text color={note.level === 'error' ? 'red' : 'yellow'}>
				{note.level === 'error' ? '✗' : '!'} {note.message}
			</Text>,
		);
	}
	if (staged.length > 0) {
		add(
			'staged',
			2,
			<Box marginTop={1}>
				<Text bold>Staged, to put in place afterwards</Text>
			</Box>,
		);
		for (const artifact of staged)
			add(`s${artifact.id}`, linesOf(`$ ${artifact.install!.join(' && ')}`, width), <Text>$ {artifact.install!.join(' && ')}</Text>);
	}
	const gap = warnings.length > 0 || staged.length > 0 ? 1 : 0;
	add(
		'headless',
		gap + 1 + linesOf(plan.headless, width),
		<Box flexDirection="column" marginTop={gap}>
			<Text bold>Next time, headless</Text>
			<Text wrap="wrap">{plan.headless}</Text>
		</Box>,
	);
	add(
		'files',
		2,
		<Box marginTop={1}>
			<Text bold>Files</Text>
		</Box>,
	);
	for (const artifact of plan.artifacts) {
		const status = artifact.status ?? artifactStatus(artifact);
		add(
			`f${artifact.id}`,
			1,
			<Box>
				<Box width={15} flexShrink={0}>
					<Text color={STATE_COLOR[status]}>
						{status.padEnd(9)} {octal(artifact.mode)}
					</Text>
				</Box>
				<Text wrap="truncate-start">{artifact.path}</Text>
			</Box>,
		);
	}
	if (plan.commands.length > 0) {
		add('commands', 1, <Text bold>Commands</Text>);
		for (const command of plan.commands) {
			add(
				`c${command.id}`,
				1,
				<Text wrap="truncate-end" dimColor={command.role === 'alternative'}>
					$ {command.display}
				</Text>,
			);
		}
	}
	for (const [index, note] of infos.entries()) add(`i${index}`, linesOf(`i ${note.message}`, width), <Text dimColor>i {note.message}</Text>);

	const selected = choices[Math.min(state.field, choices.length - 1)];
	const choiceLines = choices.length + (selected?.hint ? linesOf(selected.hint, width - 2) : 0);
	let budget = Math.max(0, height - 3 - choiceLines - (state.notice ? linesOf(state.notice, width) : 0));
	const shown: typeof blocks = [];
	for (const block of blocks) {
		if (block.lines > budget - 1 && shown.length < blocks.length - 1) break;
		shown.push(block);
		budget -= block.lines;
	}
	const hidden = blocks.slice(shown.length).reduce((sum, block) => sum + block.lines, 0);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Review</Text>
			{state.notice ? <Text color="yellow">! {state.notice}</Text> : null}
			<ChoiceList items={choices} index={Math.min(state.field, choices.length - 1)} />
			<Text> </Text>
			{shown.map(block => (
				<Box key={block.key} flexDirection="column">
					{block.node}
				</Box>
			))}
			{hidden > 0 ? <Text dimColor>… {hidden} more lines: a taller terminal shows them; Tab shows each file in the preview.</Text> : null}
		</Box>
	);
}
