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
import {TextField} from '../components/text-field.js';
import {linesOf, wrapText} from '../components/window.js';
import {SETUP_LABEL} from '../keychain-setup.js';
import type {SetupState, WizardState} from '../state.js';
import type {StepProps} from './step-props.js';

export function keychainBlocks(state: WizardState, env: Environment | null, stores: StoreStatus | undefined, width: number): Block[] {
	if (state.setup && state.setup.phase !== 'done') return setupBlocks(state.setup, state.cursor, width);
	const items = keychainChoices(env, stores, state.profile);
	const index = Math.min(state.field, Math.max(0, items.length - 1));
	const highlighted = items[index];
	const hintLines = highlighted?.hint ? linesOf(highlighted.hint, width - 4) : 0;
	const message =
		state.busy === 'keychain'
			? undefined
			: (state.keychain.problem ??
				(state.keychain.confirmPlain && highlighted?.warning
					? `! ${highlighted.warning} Press Enter again to keep it in plain text, or choose a keychain.`
					: undefined));
	// While a store's problem or the plain-file warning is shown, the intro (read already) makes
	// room for it: at 60×20 it would otherwise sit below the fold.
	const blocks: Block[] = [
		{key: 'title', lines: 1, node: <Text bold>Where should the password be kept?</Text>},
		...(message ? [] : [{key: 'intro', lines: linesOf(keychainReach(), width) + 1, node: <Text dimColor>{`${keychainReach()}\n`}</Text>}]),
		{key: 'list', lines: items.length + hintLines, node: <ChoiceList items={items} index={index} width={width} />},
	];
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
			node: <Text color={state.keychain.problem ? 'red' : 'yellow'}>{`\n${wrapText(message, width)}`}</Text>,
		});
	else if (state.setup?.phase === 'done' && state.setup.message) {
		// After a set-up: what works now (highlighted above) and what to know about it.
		const done = `\n${wrapText(state.setup.message, width)}`;
		const next = (state.setup.next ?? []).map(line => wrapText(`- ${line}`, width)).join('\n');
		blocks.push({key: 'setup-done', lines: linesOf(done, width), node: <Text color="green">{done}</Text>});
		if (next) blocks.push({key: 'setup-next', lines: linesOf(next, width), node: <Text dimColor>{next}</Text>});
		// What the set-up did, step by step, as it said while it ran.
		const steps = `\nWhat was done:\n${state.setup.lines.map(line => wrapText(line, width)).join('\n')}`;
		blocks.push({key: 'setup-lines', lines: linesOf(steps, width), node: <Text dimColor>{steps}</Text>});
	}
	return blocks;
}

/** The set-up's screens: its progress so far, then what it asks now (or how it ended). */
function setupBlocks(setup: SetupState, cursor: number | undefined, width: number): Block[] {
	const text = (key: string, value: string, props: {color?: string; dimColor?: boolean; bold?: boolean} = {}): Block => {
		const wrapped = wrapText(value, width);
		return {key, lines: linesOf(wrapped, width), node: <Text {...props}>{wrapped}</Text>};
	};
	const blocks: Block[] = [text('title', `${SETUP_LABEL}`, {bold: true})];
	if (setup.lines.length > 0) blocks.push(text('lines', setup.lines.join('\n')));
	switch (setup.phase) {
		case 'confirm':
			blocks.push(text('details', `\n${setup.details ?? ''}`));
			blocks.push(text('question', `\n${setup.question ?? 'Go on?'} Enter goes on · Esc goes back to the list (nothing changed yet)`, {color: 'cyan'}));
			break;
		case 'ask': {
			const label = /keyring/i.test(setup.prompt ?? '') ? 'Keyring password' : 'Passphrase';
			blocks.push(text('prompt', `\n${setup.prompt ?? label}${setup.twice ? ', twice to be sure it is typed right' : ''}:`));
			const field = (entry: 0 | 1, fieldLabel: string, value: string): Block => ({
				key: `entry-${entry}`,
				lines: 2,
				node: (
					<TextField
						label={fieldLabel}
						value={value}
						cursor={setup.entry === entry ? cursor : undefined}
						focus={setup.entry === entry}
						mask="•"
						hint={`${[...value].length} characters typed (masked)`}
						width={width}
					/>
				),
			});
			blocks.push(field(0, label, setup.secret));
			if (setup.twice) blocks.push(field(1, 'Again, to check', setup.again));
			if (setup.error) blocks.push(text('error', setup.error, {color: 'red'}));
			blocks.push(
				text('keys', `Enter ${setup.twice && setup.entry === 0 ? 'goes to the second entry' : 'goes on'} · Esc stops (nothing more changes)`, {dimColor: true}),
			);
			break;
		}
		case 'running':
			blocks.push({
				key: 'running',
				lines: 2,
				node: (
					<Text>
						{'\n'}
						<Spinner type="dots" /> Working… (making a GPG key can take a minute; Ctrl+C quits)
					</Text>
				),
			});
			break;
		case 'failed':
			blocks.push(text('failed', `\n✗ ${setup.message ?? 'The set-up did not finish.'}`, {color: 'red'}));
			blocks.push(text('keys', '\nEnter tries again · Esc goes back to the list', {color: 'cyan'}));
			break;
		default:
			break;
	}
	return blocks;
}

export function KeychainStep({state, env, stores, width, height}: StepProps) {
	return <ScrollColumn blocks={keychainBlocks(state, env, stores, width)} scroll={state.scroll} height={height} />;
}
