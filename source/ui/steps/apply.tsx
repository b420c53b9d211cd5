// Step 6: apply, owning the screen: each item with a spinner, then ✓ or ✗ and the reason;
// command output in an append-only log above; a summary with backups and what to do next.
// The same summary (and the headless command) is what stays in the terminal after the wizard.
import {Box, Static, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useEffect, useRef, useState} from 'react';
import type {ApplyResult, ItemResult} from '../../apply/apply.js';
import {terminalText} from '../../formats/terminal-text.js';
import {linesOf, windowAround} from '../components/window.js';
import {nextSteps} from '../next-steps.js';
import type {StepProps} from './step-props.js';

/** What the wizard leaves in the terminal when it ends, and how it ended. */
export interface FinalReport {
	code: number;
	/** Items in the list (how far it scrolls). */
	lines: number;
	text: string;
}

const MARK: Record<ItemResult['status'], {mark: string; color?: string}> = {
	running: {mark: '…'},
	done: {mark: '✓', color: 'green'},
	unchanged: {mark: '=', color: 'gray'},
	failed: {mark: '✗', color: 'red'},
	skipped: {mark: '-', color: 'gray'},
	'not-attempted': {mark: '·', color: 'gray'},
};

/** An item as drawn: its detail quotes a command's error output, its path may name foreign files. */
function shownItem(item: ItemResult): ItemResult {
	return {
		...item,
		title: terminalText(item.title),
		...(item.path ? {path: terminalText(item.path)} : {}),
		...(item.detail ? {detail: terminalText(item.detail)} : {}),
	};
}

function itemLine(item: ItemResult): string {
	return `${MARK[item.status].mark} ${item.title}${item.path ? ` ${item.path}` : ''}${item.detail ? ` — ${item.detail}` : ''}`;
}

/** For the terminal after the wizard: the title and outcome, the path whole on its own line. */
function summaryLines(item: ItemResult): string[] {
	return [`  ${MARK[item.status].mark} ${item.title}${item.detail ? ` — ${item.detail}` : ''}`, ...(item.path ? [`      ${item.path}`] : [])];
}

/** The plain-text summary printed after the wizard's screen is gone. */
export function summaryText(heading: string, items: ItemResult[], next: string[], headless: string, extra: string[] = []): string {
	const backups = items.filter(item => item.backup).map(item => item.backup);
	return [
		`regauth: ${heading}`,
		...items.flatMap(summaryLines),
		...extra.map(line => `  ${line}`),
		...(backups.length > 0 ? ['', 'Backups:', ...backups.map(path => `  ${path}`)] : []),
		...(next.length > 0 ? ['', 'Next:', ...next.map(step => `  ${step}`)] : []),
		...(headless ? ['', 'Next time, headless:', `  ${headless}`] : []),
		'',
	].join('\n');
}

export function ApplyStep({state, dispatch, get, plan, width, height, services, finish, refresh, onReport, self}: StepProps) {
	const [items, setItems] = useState<ItemResult[]>([]);
	const [log, setLog] = useState<Array<{key: number; text: string}>>([]);
	const [result, setResult] = useState<ApplyResult | undefined>();
	const [failure, setFailure] = useState<string | undefined>();
	const [cancelled, setCancelled] = useState(false);
	const controller = useRef(new AbortController());
	const latestItems = useRef<ItemResult[]>([]);

	// biome-ignore lint/correctness/useExhaustiveDependencies: runs once; the plan shown when the user chose to apply is the one applied.
	useEffect(() => {
		let lines = 0;
		dispatch({type: 'applying', phase: 'running'});
		services
			.apply(plan, state.answers, state.applyMode, {
				signal: controller.current.signal,
				onItem: received =>
					setItems(current => {
						const item = shownItem(received);
						const index = current.findIndex(existing => existing.id === item.id);
						const next = index === -1 ? [...current, item] : current.map((existing, position) => (position === index ? item : existing));
						latestItems.current = next;
						return next;
					}),
				// Command output (kubectl, docker) is the program's, not regauth's.
				onOutput: (_id, text) => setLog(current => [...current, {key: lines++, text: terminalText(text)}]),
			})
			.then(async outcome => {
				const wasCancelled = get().applying === 'cancelling';
				dispatch({type: 'applying', phase: 'done'});
				const done = outcome.kind === 'done' && outcome.result.items.length > 0 ? outcome.result.items.map(shownItem) : latestItems.current;
				if (wasCancelled) {
					setCancelled(true);
					if (outcome.kind === 'done') setResult(outcome.result);
					const wrote = done.some(item => item.kind === 'file' && item.status === 'done');
					const report = {
						code: 130,
						lines: done.length,
						text: summaryText('cancelled', done, [], '', [wrote ? `What was done stays: ${self} undo puts the files back.` : 'Nothing was written.']),
					};
					// Let the summary be drawn, then leave with the cancel code.
					setTimeout(() => finish(130, report), 100);
					return;
				}
				if (outcome.kind === 'done') {
					setResult(outcome.result);
					const next = nextSteps(plan, done, self);
					onReport({
						code: outcome.result.ok ? 0 : 1,
						lines: done.length,
						text: summaryText(outcome.result.ok ? 'done' : 'finished with a failure', done, next, plan.headless),
					});
				} else if (outcome.kind === 'refused') {
					const message = terminalText(outcome.message, {multiline: true});
					setFailure(message);
					onReport({code: 1, lines: 0, text: summaryText('not applied; nothing was written', [], [], plan.headless, [message])});
				} else {
					// A file changed since the preview: read the machine again and show the new plan.
					await refresh();
					dispatch({type: 'next', step: 'review'});
					dispatch({type: 'notice', text: `${terminalText(outcome.message)} The plan was made again from the current files: check it and apply again.`});
				}
			});
		return () => controller.current.abort();
	}, []);

	useEffect(() => {
		if (state.applying === 'cancelling') controller.current.abort();
	}, [state.applying]);

	const backups = items.filter(item => item.backup);
	const next = result ? nextSteps(plan, items, self) : [];
	// The summary below the items, then as many items as fit, ending with the latest (↑ scrolls back).
	const summaryLines =
		cancelled || failure
			? 2
			: result
				? 4 +
					(backups.length > 0 ? linesOf(`Backups: ${backups.map(item => item.backup).join(', ')}`, width) : 0) +
					next.reduce((sum, step) => sum + linesOf(step, width - 2), 0)
				: 0;
	const itemLines = items.map(item => linesOf(itemLine(item), width));
	const focus = Math.max(0, items.length - 1 - state.scroll);
	const slice = windowAround(itemLines, focus, Math.max(3, height - 1 - summaryLines));
	return (
		<Box flexDirection="column" width={width}>
			<Static items={log}>
				{line => (
					<Text key={line.key} dimColor>
						│ {line.text}
					</Text>
				)}
			</Static>
			<Text bold>
				{cancelled
					? 'Cancelled'
					: state.applying === 'cancelling'
						? 'Cancelling…'
						: result
							? result.ok
								? 'Done'
								: 'Finished with a failure'
							: failure
								? 'Not applied'
								: 'Applying…'}
			</Text>
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more above (↑/PgUp)</Text> : null}
			{items.slice(slice.start, slice.end).map(item => {
				const look = MARK[item.status];
				return (
					<Box key={item.id}>
						<Box width={2} flexShrink={0}>
							{item.status === 'running' ? <Spinner type="dots" /> : <Text color={look.color}>{look.mark}</Text>}
						</Box>
						<Text wrap="wrap">
							{item.title}
							{item.path ? <Text dimColor> {item.path}</Text> : null}
							{item.detail ? <Text color={item.status === 'failed' ? 'red' : undefined}> — {item.detail}</Text> : null}
						</Text>
					</Box>
				);
			})}
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more below (↓/PgDn)</Text> : null}
			{failure ? <Text color="red">{failure}</Text> : null}
			{cancelled ? (
				<Text color="yellow">
					{items.some(item => item.kind === 'file' && item.status === 'done')
						? `What was done stays: ${self} undo puts the files back.`
						: 'Nothing was written.'}
				</Text>
			) : result ? (
				<>
					<Text> </Text>
					{backups.length > 0 ? <Text>Backups: {backups.map(item => item.backup).join(', ')}</Text> : null}
					<Text bold>Next</Text>
					{next.map(step => (
						<Box key={step} paddingLeft={2}>
							<Text>{step}</Text>
						</Box>
					))}
					<Text color="cyan">Press Enter to finish: this summary stays in the terminal.</Text>
				</>
			) : failure ? (
				<Text color="cyan">Press Enter to finish (nothing was written).</Text>
			) : null}
		</Box>
	);
}
