// The Ink root: one top-level key handler (Esc back, Ctrl+C cancel, Tab between form and
// preview, ? help, preview keys), the step router, and the form | preview layout sized so the
// frame never exceeds the terminal (Ink clears the whole screen when a frame is taller).
import {Box, Text, useApp, useInput} from 'ink';
import {type ReactElement, useCallback, useEffect, useMemo, useState} from 'react';
import type {Answers} from '../answers.js';
import type {Environment} from '../environment.js';
import {emptyPlan, type Plan} from '../plan-types.js';
import {STEP_ORDER, STEP_TITLES} from './flow.js';
import {TypeAheadContext, useTypeAhead} from './hooks/type-ahead.js';
import {useClusters} from './hooks/use-clusters.js';
import {LatestStateContext} from './hooks/use-step-input.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {PreviewPane, previewBody} from './preview/preview-pane.js';
import type {WizardServices} from './services.js';
import {initialState, reducer, type StepId, type WizardState} from './state.js';
import {ApplyStep} from './steps/apply.js';
import {CredentialsStep} from './steps/credentials.js';
import {KeychainStep} from './steps/keychain.js';
import {OptionsStep} from './steps/options.js';
import {RegistryStep} from './steps/registry.js';
import {ReviewStep} from './steps/review.js';
import type {StepProps} from './steps/step-props.js';
import {TargetsStep} from './steps/targets.js';
import {useStore} from './store.js';

export const EXIT_CANCELLED = 130;
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** At this width the preview sits beside the form; below it, underneath. */
export const WIDE_COLUMNS = 110;

const STEPS: Record<StepId, (props: StepProps) => ReactElement> = {
	registry: RegistryStep,
	credentials: CredentialsStep,
	targets: TargetsStep,
	keychain: KeychainStep,
	options: OptionsStep,
	review: ReviewStep,
	apply: ApplyStep,
};

/** Which handler gets the next key: a change here means keys wait for the new screen. */
function layoutOf(state: WizardState): string {
	return `${state.step}|${state.editing}|${state.field}|${state.focus}|${state.help}`;
}

/** Steps whose form is being typed into: `?` is text there, not help. */
function typing(state: WizardState): boolean {
	return state.focus === 'form' && (state.step === 'credentials' || state.step === 'options');
}

function hasPreview(step: StepId): boolean {
	return step !== 'apply';
}

const HELP = [
	['Enter', 'next field / choose / continue'],
	['Esc', 'back one step (answers are kept); leaves the preview or this help'],
	['↑ / ↓', 'move between fields and items'],
	['Space, ← / →', 'toggle a target, change a choice'],
	['Tab', 'switch between the form and the preview'],
	['PgUp / PgDn', 'scroll the preview (also while typing)'],
	['In the preview', '← / → other file · ↑ / ↓ scroll · r reveal secrets · d diff against the file on disk'],
	['?', 'this help (when not typing in a field)'],
	['Ctrl+C', 'quit (exit code 130): nothing is written before the apply step; during it, it stops and says what was done'],
];

export interface AppProps {
	initialAnswers: Answers;
	env: Environment | null;
	services: WizardServices;
	refresh: () => Promise<void>;
	/** Called once with the exit code; the caller unmounts. */
	onExit: (code: number) => void;
}

export function App({initialAnswers, env, services, refresh, onExit}: AppProps) {
	const {exit} = useApp();
	const {state, dispatch, get} = useStore(reducer, () => initialState(initialAnswers));
	const typeAhead = useTypeAhead(
		useCallback(() => layoutOf(get()), [get]),
		layoutOf(state),
	);
	const {columns, rows} = useTerminalSize();
	// The one plan everything on screen reads; recomputed on every answer change (keystroke).
	// Until a registry is added there is nothing to preview: the first plan (its first call
	// compiles the targets and formats, ~15 ms) is made then, not before the first frame.
	// plan() and what it needs (the targets, the YAML library) load right after the first frame.
	const [makePlan, setMakePlan] = useState<Planner | undefined>();
	useEffect(() => {
		void import('../plan.js').then(module => setMakePlan(() => module.plan));
	}, []);
	const planned = state.answers.credentials.length > 0;
	const machine = useClusters(state.answers, env, state.step === 'options' || state.step === 'review', services);
	const plan = useMemo(() => (planned && makePlan ? makePlan(state.answers, machine ?? emptyEnv) : NO_PLAN), [planned, makePlan, state.answers, machine]);

	const finish = (code: number) => {
		onExit(code);
		exit();
	};

	const bodyHeight = Math.max(1, rows - 3);
	const wide = columns >= WIDE_COLUMNS;
	const preview = hasPreview(state.step);
	const formWidth = preview && wide ? Math.floor(columns * 0.46) : columns;
	// Stacked: the form gets the larger share; the preview scrolls anyway.
	const formHeight = preview && !wide ? Math.max(6, Math.floor(bodyHeight * 0.6)) : bodyHeight;
	const previewWidth = wide ? columns - formWidth : columns;
	const previewHeight = wide ? bodyHeight : bodyHeight - formHeight;
	const previewPage = Math.max(1, previewHeight - 6);

	useInput((input, key) => {
		const latest = get();
		if (key.ctrl && input === 'c') {
			// While files are being written and commands run, stop them first and show what was
			// done (it stays; regauth undo reverts it); the apply step then exits with 130.
			if (latest.applying === 'running') dispatch({type: 'applying', phase: 'cancelling'});
			else finish(EXIT_CANCELLED);
			return;
		}
		if (typeAhead.swallowing()) return;
		if (latest.step === 'apply') return;
		if (key.escape) {
			dispatch({type: 'back'});
			return;
		}
		if (!hasPreview(latest.step)) return;
		// Only the scroll keys need the preview's length (a diff of the shown file): not every key typed.
		const scroll = (delta: number) =>
			dispatch({type: 'previewScroll', delta, max: Math.max(0, previewBody(plan, latest.preview, previewWidth).length - previewPage)});
		if (key.tab) dispatch({type: 'toggleFocus'});
		else if (key.pageDown) scroll(previewPage);
		else if (key.pageUp) scroll(-previewPage);
		else if (input === '?' && !typing(latest)) dispatch({type: 'help'});
		else if (latest.focus === 'preview') {
			if (key.leftArrow || key.rightArrow) dispatch({type: 'previewFile', ids: plan.artifacts.map(artifact => artifact.id), delta: key.leftArrow ? -1 : 1});
			else if (key.upArrow || key.downArrow) scroll(key.upArrow ? -1 : 1);
			else if (key.home) scroll(-Infinity);
			else if (key.end) scroll(Infinity);
			else if (input === 'r') dispatch({type: 'reveal'});
			else if (input === 'd') dispatch({type: 'diff'});
		}
	});

	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return (
			<Text color="yellow">
				The terminal is {columns}×{rows}; regauth needs at least {MIN_COLUMNS}×{MIN_ROWS}. Enlarge the window (Ctrl+C quits).
			</Text>
		);
	}

	const Step = STEPS[state.step];
	const stepNumber = STEP_ORDER.indexOf(state.step) + 1;
	const active = state.focus === 'form' && !state.help;
	const stepProps: StepProps = {state, dispatch, get, plan, env, width: formWidth - 2, height: formHeight, active, services, finish, refresh};
	const hints =
		state.step === 'apply'
			? 'Enter finishes when it is done · Ctrl+C cancels'
			: state.focus === 'preview'
				? '←/→ file · ↑/↓ scroll · r reveal · d diff · Tab/Esc back to the form · Ctrl+C quit'
				: `Enter next · Esc back${preview ? ' · Tab preview · PgUp/PgDn scroll' : ''} · ${typing(state) ? '' : '? help · '}Ctrl+C quit`;

	return (
		<TypeAheadContext.Provider value={typeAhead}>
			<LatestStateContext.Provider value={get}>
				<Box flexDirection="column" width={columns} height={rows - 1}>
					<Box>
						<Text bold color="cyan">
							regauth
						</Text>
						<Text dimColor>
							{'  '}step {stepNumber} of {STEP_ORDER.length} · {STEP_TITLES[state.step]}
							{state.answers.credentials.length > 0
								? ` · ${state.answers.credentials.length} registr${state.answers.credentials.length === 1 ? 'y' : 'ies'}`
								: ''}
						</Text>
					</Box>
					<Box flexDirection={wide ? 'row' : 'column'} height={bodyHeight}>
						<Box width={formWidth} height={formHeight} paddingX={1} overflow="hidden" flexDirection="column" flexShrink={0}>
							{state.help ? (
								<Box flexDirection="column">
									<Text bold>Keys</Text>
									{HELP.map(([keys, what]) => (
										<Box key={keys}>
											<Box width={16} flexShrink={0}>
												<Text color="cyan">{keys}</Text>
											</Box>
											<Text>{what}</Text>
										</Box>
									))}
									<Text dimColor>Esc or ? closes this help.</Text>
								</Box>
							) : (
								// flexShrink 0: taller content is clipped at the bottom, never squeezed line by line.
								<Box flexDirection="column" flexShrink={0}>
									<Step {...stepProps} />
								</Box>
							)}
						</Box>
						{preview ? (
							<PreviewPane plan={plan} preview={state.preview} focused={state.focus === 'preview'} width={previewWidth} height={previewHeight} />
						) : null}
					</Box>
					<Text dimColor wrap="truncate-end">
						{hints}
					</Text>
				</Box>
			</LatestStateContext.Provider>
		</TypeAheadContext.Provider>
	);
}

type Planner = (answers: Answers, env: Environment) => Plan;

const NO_PLAN: Plan = emptyPlan();

const emptyEnv: Environment = {cwd: process.cwd(), home: '', uid: 0, vars: {}, files: {}, helpers: [], programs: {}, kube: null, writable: {}};
