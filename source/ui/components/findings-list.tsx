// What regauth found on this machine, one line each, below the first question: the facts that
// change what a person should choose (plain-text secrets on disk, helpers, kubectl contexts).
import {Box, Text} from 'ink';
import type {Environment} from '../../environment.js';
import {findings} from '../findings.js';
import {linesOf, windowAround} from './window.js';

const TONE = {ok: 'green', warn: 'yellow', info: undefined} as const;
const MARK = {ok: '✓', warn: '!', info: '·'} as const;
const LABEL = 20;

export function FindingsList({env, kubeRead, width, height}: {env: Environment | null; kubeRead: boolean; width: number; height: number}) {
	if (env === null) return <Text dimColor>Looking at this machine…</Text>;
	const all = findings(env, kubeRead);
	const slice = windowAround(
		all.map(finding => linesOf(finding.value, width - LABEL - 2)),
		0,
		height,
	);
	return (
		<Box flexDirection="column">
			{all.slice(slice.start, slice.end).map(finding => (
				<Box key={finding.label}>
					<Box width={2} flexShrink={0}>
						<Text color={TONE[finding.tone]}>{MARK[finding.tone]}</Text>
					</Box>
					<Box width={LABEL} flexShrink={0}>
						<Text bold>{finding.label}</Text>
					</Box>
					<Text>{finding.value}</Text>
				</Box>
			))}
			{slice.hiddenBelow > 0 ? <Text dimColor> ↓ {slice.hiddenBelow} more</Text> : null}
		</Box>
	);
}
