// Step 8: apply, owning the screen: each item with a spinner, then ✓ or ✗ and the reason;
// command output in an append-only log above; a summary with backups and what to do next.
import {Box, Static, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useEffect, useRef, useState} from 'react';
import type {ApplyResult, ItemResult} from '../../apply/apply.js';
import {linesOf, windowAround} from '../components/window.js';
import {useStepInput} from '../hooks/use-step-input.js';
import {nextSteps} from '../next-steps.js';
import type {StepProps} from './step-props.js';

const MARK: Record<ItemResult['status'], {mark: string; color?: string}> = {
	running: {mark: '…'},
	done: {mark: '✓', color: 'green'},
	unchanged: {mark: '=', color: 'gray'},
	failed: {mark: '✗', color: 'red'},
	skipped: {mark: '-', color: 'gray'},
	'not-attempted': {mark: '·', color: 'gray'},
};

export function ApplyStep({state, dispatch, get, plan, active, width, height, services, finish, refresh}: StepProps) {
	const [items, setItems] = useState<ItemResult[]>([]);
	const [log, setLog] = useState<Array<{key: number; text: string}>>([]);
	const [result, setResult] = useState<ApplyResult | undefined>();
	const [failure, setFailure] = useState<string | undefined>();
	const [cancelled, setCancelled] = useState(false);
	const controller = useRef(new AbortController());

	useEffect(() => {
		let lines = 0;
		dispatch({type: 'applying', phase: 'running'});
		services
			.apply(plan, state.answers, state.applyMode, {
				signal: controller.current.signal,
				onItem: item =>
					setItems(current => {
						const index = current.findIndex(existing => existing.id === item.id);
						return index === -1 ? [...current, item] : current.map((existing, position) => (position === index ? item : existing));
					}),
				onOutput: (_id, text) => setLog(current => [...current, {key: lines++, text}]),
			})
			.then(async outcome => {
				const cancelled = get().applying === 'cancelling';
				dispatch({type: 'applying', phase: 'done'});
				if (cancelled) {
					setCancelled(true);
					if (outcome.kind === 'done') setResult(outcome.result);
					// Let the summary be drawn, then leave with the cancel code.
					setTimeout(() => finish(130), 100);
					return;
				}
				if (outcome.kind === 'done') setResult(outcome.result);
				else if (outcome.kind === 'refused') setFailure(outcome.message);
				else {
					// A file changed since the preview: read the machine again and show the new plan.
					await refresh();
					dispatch({type: 'back'});
					dispatch({type: 'notice', text: `${outcome.message} The plan was made again from the current files: check it and apply again.`});
				}
			});
		return () => controller.current.abort();
		// Runs once: the plan shown when the user chose to apply is the one applied.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	useEffect(() => {
		if (state.applying === 'cancelling') controller.current.abort();
	}, [state.applying]);

	useStepInput(
		'apply',
		(_input, key) => {
			if (key.return && (result || failure)) finish(result?.ok ? 0 : 1);
		},
		active,
	);

	const backups = items.filter(item => item.backup);
	const next = result ? nextSteps(plan, items) : [];
	// The summary below the items, then as many items as fit, ending with the latest.
	const summaryLines =
		cancelled || failure
			? 2
			: result
				? 4 +
					(backups.length > 0 ? linesOf(`Backups: ${backups.map(item => item.backup).join(', ')}`, width) : 0) +
					next.reduce((sum, step) => sum + linesOf(step, width - 2), 0)
				: 0;
	const itemLines = items.map(item => linesOf(`  ${item.title} ${item.path ?? ''} — ${item.detail ?? ''}`, width));
	const slice = windowAround(itemLines, items.length - 1, Math.max(3, height - 1 - summaryLines));
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
			{slice.hiddenAbove > 0 ? <Text dimColor> ↑ {slice.hiddenAbove} more above</Text> : null}
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
			{failure ? <Text color="red">{failure}</Text> : null}
			{cancelled ? (
				<Text color="yellow">
					{items.some(item => item.kind === 'file' && item.status === 'done')
						? 'What was done stays: regauth undo puts the files back.'
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
					<Text color="cyan">Press Enter to finish.</Text>
				</>
			) : failure ? (
				<Text color="cyan">Press Enter to finish (nothing was written).</Text>
			) : null}
		</Box>
	);
}
