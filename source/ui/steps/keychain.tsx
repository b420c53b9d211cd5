// Step 3: where the secret is kept. The stores were checked while the first screen was shown:
// the highlight starts on one that works, the others say why they do not (and the fix) before
// Enter. Plain text only after its warning has been shown and the user confirms.
import {Text} from 'ink';
import Spinner from 'ink-spinner';
import type {Environment} from '../../environment.js';
import {keychainReach} from '../../keychain/choices.js';
import {keychainChoices, type StoreStatus} from '../choices.js';
import {ChoiceList} from '../components/choice-list.js';
import {type Block, ScrollColumn} from '../components/scroll-column.js';
import {linesOf} from '../components/window.js';
import type {WizardState} from '../state.js';
import type {StepProps} from './step-props.js';

export function keychainBlocks(state: WizardState, env: Environment | null, stores: StoreStatus | undefined, width: number): Block[] {
	const items = keychainChoices(env, stores);
	const index = Math.min(state.field, Math.max(0, items.length - 1));
	const highlighted = items[index];
	const hintLines = highlighted?.hint ? linesOf(highlighted.hint, width - 4) : 0;
	const blocks: Block[] = [
		{key: 'title', lines: 1, node: <Text bold>Where should the password be kept?</Text>},
		{key: 'intro', lines: linesOf(keychainReach(), width) + 1, node: <Text dimColor>{`${keychainReach()}\n`}</Text>},
		{key: 'list', lines: items.length + hintLines, node: <ChoiceList items={items} index={index} width={width} />},
	];
	const message =
		state.busy === 'keychain'
			? undefined
			: (state.keychain.problem ??
				(state.keychain.confirmPlain && highlighted?.warning
					? `! ${highlighted.warning} Press Enter again to keep it in plain text, or choose a keychain.`
					: undefined));
	if (state.busy === 'keychain')
		blocks.push({
			key: 'busy',
			lines: 2,
			node: (
				<Text>
					{'\n'}
					<Spinner type="dots" /> Checking the keychain…
				</Text>
			),
		});
	else if (message)
		blocks.push({
			key: 'message',
			lines: 1 + linesOf(message, width),
			node: <Text color={state.keychain.problem ? 'red' : 'yellow'}>{`\n${message}`}</Text>,
		});
	return blocks;
}

export function KeychainStep({state, env, stores, width, height}: StepProps) {
	return <ScrollColumn blocks={keychainBlocks(state, env, stores, width)} scroll={state.scroll} height={height} />;
}
