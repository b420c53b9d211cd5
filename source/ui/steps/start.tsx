import {Box, Text} from 'ink';
import {findings} from '../findings.js';
import {useStepInput} from '../hooks/use-step-input.js';
import type {StepProps} from './step-props.js';

const TONE = {ok: 'green', warn: 'yellow', info: undefined} as const;
const MARK = {ok: '✓', warn: '!', info: '·'} as const;

export function StartStep({env, dispatch, active, width}: StepProps) {
	useStepInput(
		'start',
		(_input, key) => {
			if (key.return) dispatch({type: 'next', step: 'registry'});
		},
		active,
	);
	return (
		<Box flexDirection="column" width={width}>
			<Text>Sets up registry logins for Docker, Kubernetes, Podman, Flatcar, rkt and Mesos, and previews every file before writing it.</Text>
			<Text> </Text>
			<Text bold>On this machine</Text>
			{env === null ? (
				<Text dimColor>Looking at this machine…</Text>
			) : (
				findings(env).map(finding => (
					<Box key={finding.label}>
						<Text color={TONE[finding.tone]}>{MARK[finding.tone]} </Text>
						<Box width={20} flexShrink={0}>
							<Text bold>{finding.label}</Text>
						</Box>
						<Text wrap="wrap">{finding.value}</Text>
					</Box>
				))
			)}
			<Text> </Text>
			<Text color="cyan">Press Enter to start.</Text>
		</Box>
	);
}
