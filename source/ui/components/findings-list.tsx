// What regauth found on this machine, one line each, above the first question: the facts that
// change what a person should choose (plain-text secrets on disk, helpers, kubectl contexts).
import {Box, Text} from 'ink';
import type {Environment} from '../../environment.js';
import {findings} from '../findings.js';
import {linesOf} from './window.js';

const TONE = {ok: 'green', warn: 'yellow', info: undefined} as const;
const MARK = {ok: '✓', warn: '!', info: '·'} as const;

/** Lines the list takes at `width` columns (labels take 22). */
export function findingsHeight(env: Environment | null, width: number): number {
	if (env === null) return 1;
	return findings(env).reduce((sum, finding) => sum + linesOf(finding.value, width - 22), 0);
}

export function FindingsList({env}: {env: Environment | null}) {
	if (env === null) return <Text dimColor>Looking at this machine…</Text>;
	return (
		<Box flexDirection="column">
			{findings(env).map(finding => (
				<Box key={finding.label}>
					<Box width={2} flexShrink={0}>
						<Text color={TONE[finding.tone]}>{MARK[finding.tone]}</Text>
					</Box>
					<Box width={20} flexShrink={0}>
						<Text bold>{finding.label}</Text>
					</Box>
					<Text>{finding.value}</Text>
				</Box>
			))}
		</Box>
	);
}
