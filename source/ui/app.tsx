// The Ink root: one key reader → the key map (keymap.ts) → the reducer (state.ts) and the
// effects (use-wizard-effects.ts); the steps are views. The form | preview layout is sized so
// the frame never exceeds the terminal (Ink clears the whole screen when a frame is taller).
import {Box, Text, useApp} from 'ink';
import {type ReactElement, useEffect, useMemo, useRef, useState} from 'react';
import type {Answers} from '../answers.js';
import type {Environment} from '../environment.js';
import type {CommandChecks} from '../headless-command.js';
import type {KeychainStatus} from '../keychain-status.js';
import type {PlanFacts} from '../plan.js';
import {emptyPlan, type Plan} from '../plan-types.js';
import type {VerifyResult} from '../verify/result.js';
import type {VerifyMode} from '../verify/verdict.js';
import {defaultKeychainIndex, keychainChoices, type StoreStatus} from './choices.js';
import {STEP_COUNT, STEP_TITLES, stepNumber} from './flow.js';
import {useClusters} from './hooks/use-clusters.js';
import {useKeys} from './hooks/use-keys.js';
import {useLogins} from './hooks/use-logins.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useWizardEffects} from './hooks/use-wizard-effects.js';
import {ACCEPT_DEFAULTS, type KeyContext, keyToCommands, PREVIEW_KEY, typing} from './keymap.js';
import type {Key} from './keys.js';
import {openLogin as panelLogin} from './logins-view.js';
import {optionFields} from './option-fields.js';
import {currentArtifact, PreviewPane, previewBody} from './preview/preview-pane.js';
import {OPEN_TOKEN_KEY, type WizardProfile} from './profile-flow.js';
import type {WizardServices} from './services.js';
import {checkFor, initialState, reducer, type StepId, type WizardState} from './state.js';
import {ApplyStep, type FinalReport} from './steps/apply.js';
import {CredentialsStep} from './steps/credentials.js';
import {KeychainStep, keychainBlocks} from './steps/keychain.js';
import {panelLayout} from './steps/logins.js';
import {OptionsStep} from './steps/options.js';
import {RegistryStep} from './steps/registry.js';
import {ReviewStep, reviewBlocks, reviewColumnHeight} from './steps/review.js';
import type {StepProps} from './steps/step-props.js';
import {TargetsStep} from './steps/targets.js';
import {useStore} from './store.js';

export const EXIT_CANCELLED = 130;
/** Below this the screen says so instead of drawing a broken layout (test/ui/layout.test.tsx). */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
/** At this width the preview sits beside the form; below it, underneath. */
export const WIDE_COLUMNS = 110;
/** Stacked and shorter than this, the preview is one line until focused (there is no room for both). */
export const COMPACT_BELOW_ROWS = 30;

/** The preview in one line: which file, and the key that shows it. */
function PreviewLine({plan, preview}: {plan: Plan; preview: WizardState['preview']}) {
	const artifact = currentArtifact(plan, preview);
	if (!artifact) return null;
	return (
		<Text wrap="truncate-end">
			<Text bold color="cyan">
				Preview ‹ {plan.artifacts.indexOf(artifact) + 1}/{plan.artifacts.length} ›
			</Text>{' '}
			{artifact.title}
			<Text dimColor> · {PREVIEW_KEY.label} shows the files</Text>
		</Text>
	);
}

const STEPS: Record<StepId, (props: StepProps) => ReactElement> = {
	registry: RegistryStep,
	credentials: CredentialsStep,
	targets: TargetsStep,
	keychain: KeychainStep,
	options: OptionsStep,
	review: ReviewStep,
	apply: ApplyStep,
};

function hasPreview(step: StepId): boolean {
	return step !== 'apply';
}

const HELP = [
	['Enter', 'next field / choose / continue'],
	['Esc', 'back one step (answers are kept); leaves the preview or this help; a review refused by a login check: the registry list'],
	['↑ / ↓, Tab', 'move between fields and items (Shift+Tab back)'],
	['Home / End, a letter', 'first / last item, the next item starting with that letter'],
	['Space, ← / →', 'toggle a target, change a choice'],
	['Text fields', 'Ctrl+A/E Home/End, Ctrl+U/K/W, Alt+B/F, Ctrl+←/→, Delete, Backspace'],
	['Enter on a login', 'first screen: a login on this machine; its panel checks it with the registry, rotates its secret or logs it out (Esc closes)'],
	[OPEN_TOKEN_KEY.label, 'credentials of a team profile registry with a token page: open it in the browser (https only)'],
	[ACCEPT_DEFAULTS.label, 'options: keep the rest as they are and go to the review'],
	[PREVIEW_KEY.label, 'switch between the form and the preview (Tab too, on lists)'],
	['PgUp / PgDn', 'scroll the review or the preview'],
	['In the preview', '← / → other file · ↑ / ↓ scroll · r reveal secrets · d diff against the file on disk'],
	['?', 'this help (when not typing in a field)'],
	['Ctrl+C', 'quit (exit code 130): nothing is written before the apply step; during it, it stops and says what was done'],
];

export interface AppProps {
	initialAnswers: Answers;
	/** The team profile the user accepted (the wizard then starts at the first registry's user name). */
	profile?: WizardProfile;
	env: Environment | null;
	/** Keychain stores checked on this machine; undefined when they are not checked. */
	stores?: StoreStatus;
	/** kubectl's contexts were asked for and the answer is in; default: when env is known. */
	kubeRead?: boolean;
	/** The last check of the chosen keychain (a fact plan() takes; the wizard's probe writes an item). */
	keychain?: KeychainStatus | undefined;
	/** How the credential checks judge (--verify, --verify=strict, --no-verify); default 'on'. */
	verifyMode?: VerifyMode;
	/** The client certificate the wizard was started with (--cert-file/--key-file). */
	clientCert?: {certFile: string; keyFile: string};
	/** The check flags the wizard was started with (--ca-file, --insecure, --verify-timeout): the equivalent command repeats them. */
	checkFlags?: CommandChecks;
	/** regauth as the user ran it (self-command.ts); default `regauth`. */
	self?: string;
	services: WizardServices;
	refresh: () => Promise<void>;
	/** Called once with the exit code and what to leave in the terminal; the caller unmounts. */
	onExit: (code: number, report?: FinalReport, answers?: Answers) => void;
}

/** What the review says instead of a flag when the checks stop the run. */
export const VERIFY_WAY_OUT =
	'Nothing is written until the registry accepts the login: Esc goes back to the registry list, the refused registry highlighted; Enter opens it to fix its credentials.';

export function App({
	initialAnswers,
	profile,
	env,
	stores,
	kubeRead,
	keychain,
	verifyMode = 'on',
	clientCert,
	checkFlags,
	self = 'regauth',
	services,
	refresh,
	onExit,
}: AppProps) {
	const {exit} = useApp();
	const {state, dispatch, get} = useStore(reducer, () => initialState(initialAnswers, profile, clientCert));
	const {columns, rows} = useTerminalSize();
	// The one plan everything on screen reads; recomputed on every answer change (keystroke).
	// plan() and what it needs (the targets, the YAML library) load right after the first frame.
	const [makePlan, setMakePlan] = useState<Planner | undefined>();
	useEffect(() => {
		void import('../plan.js').then(module => setMakePlan(() => module.plan));
	}, []);
	const planned = state.answers.credentials.length > 0;
	// What effects learnt goes to plan() as facts: the keychain check and the credential checks
	// of the credentials as they stand, judged by the run's mode (so --verify=strict gates here too).
	const results = useMemo(
		() =>
			state.answers.credentials
				.map(credential => checkFor({checks: state.checks}, credential)?.result)
				.filter((result): result is VerifyResult => result !== undefined && result !== 'checking'),
		[state.answers.credentials, state.checks],
	);
	const certInUse = state.clientCert.inUse;
	const facts = useMemo<PlanFacts>(
		() => ({
			...(keychain ? {keychain} : {}),
			...(certInUse ? {clientCert: certInUse} : {}),
			verification: {mode: verifyMode, results, wayOut: VERIFY_WAY_OUT},
			...(checkFlags ? {checks: {...checkFlags, mode: verifyMode}} : {}),
		}),
		[keychain, certInUse, verifyMode, results, checkFlags],
	);
	const machine = useClusters(state.answers, env, state.step === 'options' || state.step === 'review', services);
	const plan = useMemo(
		() => (planned && makePlan ? makePlan(state.answers, machine ?? emptyEnv, facts) : NO_PLAN),
		[planned, makePlan, state.answers, machine, facts],
	);
	const [report, setReport] = useState<FinalReport | undefined>();
	// Until the keychain question is answered, the preview assumes a store that works here (the
	// one the keychain step will highlight), not one the machine read found broken.
	useEffect(() => {
		const latest = get();
		// A team profile's store is the team's answer: kept (checked after the credentials).
		if (!stores || latest.reached >= stepNumber('keychain') || latest.profile?.store) return;
		const items = keychainChoices(env, stores, latest.profile);
		const item = items[defaultKeychainIndex(items, latest.answers.keychain)];
		if (item && !item.disabled && !item.checking && item.value !== JSON.stringify(latest.answers.keychain))
			dispatch({type: 'answers', update: answers => ({...answers, keychain: item.choice})});
	}, [env, stores, get, dispatch]);
	// On the keychain step, a store check that ends moves the highlight to the store that works —
	// unless the user moved it (their keys are never overridden), or a problem or set-up is shown.
	useEffect(() => {
		const latest = get();
		if (latest.step !== 'keychain' || latest.keychain.touched || latest.keychain.problem || latest.setup || latest.busy === 'keychain') return;
		const items = keychainChoices(env, stores, latest.profile);
		const field = defaultKeychainIndex(items, latest.answers.keychain);
		const item = items[field];
		if (field !== latest.field) dispatch({type: 'field', field});
		if (item && !item.disabled && !item.checking && !item.setup && item.value !== JSON.stringify(latest.answers.keychain))
			dispatch({type: 'answers', update: answers => ({...answers, keychain: item.choice})});
	}, [env, stores, get, dispatch]);
	// The preview follows the option being edited: a file of that option's target (unless one of
	// them is shown already, so the user's own choice of file stays).
	const optionTarget = state.step === 'options' ? optionFields(state.answers, env, state.profile?.optionsFixed)[state.field]?.target : undefined;
	useEffect(() => {
		if (!optionTarget || get().focus === 'preview') return;
		if (currentArtifact(plan, get().preview)?.target === optionTarget) return;
		const artifact = plan.artifacts.find(candidate => candidate.target === optionTarget);
		if (artifact) dispatch({type: 'previewTo', id: artifact.id});
	}, [optionTarget, plan, get, dispatch]);
	const [ended, setEnded] = useState(false);
	// The logins on this machine (first screen), read once the machine is; a login's panel has the whole screen.
	const {logins, problems: loginProblems} = useLogins(services, env !== null, state.logins.version);
	const openLogin = state.step === 'registry' ? panelLogin(state.logins, logins) : undefined;

	const finish = (code: number, final?: FinalReport) => {
		onExit(code, final ?? report, get().answers);
		// The last frame is empty: what stays in the terminal is the summary the caller prints.
		setEnded(true);
		setTimeout(() => exit(), 0);
	};

	const bodyHeight = Math.max(1, rows - 3);
	const wide = columns >= WIDE_COLUMNS;
	const preview = hasPreview(state.step) && !openLogin;
	// On the review the left column is the content: the preview gets the smaller share.
	const reviewing = (state.step === 'review' || (state.step === 'keychain' && state.keychain.problem !== undefined)) && state.focus === 'form';
	const formWidth = preview && wide ? Math.floor(columns * (reviewing ? 0.6 : 0.46)) : columns;
	// Stacked: an empty preview takes one line; otherwise the form gets the larger share.
	const emptyPreview = plan.artifacts.length === 0;
	// Short and stacked (80×24): the form has the screen and the preview is one line until it is
	// focused, then it has the screen. Taller: the two share it.
	const compact = preview && !wide && rows < COMPACT_BELOW_ROWS;
	const previewFocused = state.focus === 'preview';
	const formHeight =
		!preview || wide
			? bodyHeight
			: compact
				? previewFocused
					? 0
					: bodyHeight - 1
				: emptyPreview
					? bodyHeight - 1
					: reviewing
						? Math.max(6, bodyHeight - 6)
						: Math.max(6, Math.floor(bodyHeight * 0.6));
	const previewWidth = wide ? columns - formWidth : columns;
	const previewHeight = wide ? bodyHeight : bodyHeight - formHeight;
	const previewPage = Math.max(1, previewHeight - 6);
	const innerWidth = formWidth - 2;

	// What the key map needs besides the state, as last rendered.
	const leftBlocks =
		state.step === 'review'
			? reviewBlocks(state, plan, innerWidth, env, verifyMode)
			: state.step === 'keychain'
				? keychainBlocks(state, env, stores, innerWidth)
				: [];
	const leftLines = leftBlocks.reduce((sum, block) => sum + block.lines, 0);
	const leftHeight = state.step === 'review' ? reviewColumnHeight(state, plan, innerWidth, formHeight, self) : formHeight;
	const context = useRef<KeyContext>({plan, env, stores, previewLength: () => 0, previewPage, leftMax: 0, leftPage: 1});
	context.current = {
		plan,
		env,
		stores,
		verifyMode,
		// Only the scroll keys need the preview's length (a diff of the shown file): not every key typed.
		previewLength: () => previewBody(plan, get().preview, previewWidth).length,
		previewPage,
		// Scrolled to the end, the column shows its last `room` lines under the "above" marker.
		leftMax: state.step === 'apply' ? (report?.lines ?? 0) : Math.max(0, leftLines - Math.max(1, leftHeight - 2)),
		leftPage: Math.max(1, leftHeight - 3),
		...(report ? {finished: report.code} : {}),
		logins,
		panelMax: openLogin ? panelLayout(state.logins, openLogin, innerWidth, formHeight, self, state.busy === 'login').max : 0,
	};

	// Keys that arrive while a check or lookup runs wait for its outcome, then act on it.
	const held = useRef<Key[]>([]);
	const runEffect = useWizardEffects(get, dispatch, services, () => ({env: context.current.env, stores: context.current.stores}), refresh);
	const handle = (key: Key) => {
		const latest = get();
		if (key.name === 'ctrl' && key.text === 'c') {
			// While files are being written and commands run, stop them first and show what was
			// done (it stays; regauth undo reverts it); the apply step then exits with 130.
			if (latest.applying === 'running') dispatch({type: 'applying', phase: 'cancelling'});
			else finish(EXIT_CANCELLED, report ?? {code: EXIT_CANCELLED, lines: 0, text: cancelledText(latest.step)});
			return;
		}
		if (latest.busy) {
			held.current.push(key);
			return;
		}
		for (const command of keyToCommands(latest, key, context.current)) {
			if (command.type === 'effect') {
				void runEffect(command.effect).then(() => {
					while (held.current.length > 0 && !get().busy) handle(held.current.shift()!);
				});
			} else if (command.type === 'finish') finish(command.code);
			else dispatch(command);
		}
	};
	useKeys(handle);

	if (ended) return <Text> </Text>;
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return (
			<Text color="yellow">
				The terminal is {columns}×{rows}; regauth needs at least {MIN_COLUMNS}×{MIN_ROWS}. Enlarge the window (Ctrl+C quits).
			</Text>
		);
	}

	const Step = STEPS[state.step];
	const active = state.focus === 'form' && !state.help;
	const stepProps: StepProps = {
		state,
		dispatch,
		get,
		plan,
		env,
		stores,
		kubeRead: kubeRead ?? env !== null,
		self,
		verifyMode,
		width: innerWidth,
		height: formHeight,
		active,
		services,
		finish,
		refresh,
		onReport: setReport,
		logins,
		loginProblems,
	};
	const hints =
		state.step === 'apply'
			? 'Enter finishes when it is done · ↑/↓ PgUp/PgDn scroll · Ctrl+C cancels'
			: state.focus === 'preview'
				? `←/→ file · ↑/↓ scroll · r reveal · d diff · ${PREVIEW_KEY.label}/Esc back to the form · Ctrl+C quit`
				: `Enter next · Esc back${preview ? ` · ${PREVIEW_KEY.label} preview` : ''} · ${typing(state, {env}) ? '' : '? help · '}Ctrl+C quit`;

	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<Box>
				<Text bold color="cyan">
					regauth
				</Text>
				<Text dimColor wrap="truncate-end">
					{'  '}step {state.reached} of {STEP_COUNT} · {STEP_TITLES[state.step]}
					{state.answers.credentials.length > 0 ? ` · ${state.answers.credentials.length} registr${state.answers.credentials.length === 1 ? 'y' : 'ies'}` : ''}
				</Text>
			</Box>
			<Box flexDirection={wide ? 'row' : 'column'} height={bodyHeight}>
				<Box width={formWidth} height={formHeight} paddingX={formHeight > 0 ? 1 : 0} overflow="hidden" flexDirection="column" flexShrink={0}>
					{state.help ? (
						<Box flexDirection="column">
							<Text bold>Keys</Text>
							{HELP.map(([keys, what]) => (
								<Box key={keys}>
									<Box width={22} flexShrink={0}>
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
				{preview && !wide && emptyPreview ? (
					<Text dimColor wrap="truncate-end">
						Preview: nothing to write yet; the files appear {compact ? `here (${PREVIEW_KEY.label})` : 'below'} as you answer.
					</Text>
				) : compact && !previewFocused ? (
					<PreviewLine plan={plan} preview={state.preview} />
				) : preview ? (
					<PreviewPane plan={plan} preview={state.preview} focused={state.focus === 'preview'} width={previewWidth} height={previewHeight} wide={wide} />
				) : null}
			</Box>
			<Text dimColor wrap="truncate-end">
				{hints}
			</Text>
		</Box>
	);
}

function cancelledText(step: StepId): string {
	return step === 'apply' ? 'regauth: cancelled.\n' : 'regauth: cancelled; nothing was written.\n';
}

type Planner = (answers: Answers, env: Environment, facts: PlanFacts) => Plan;

const NO_PLAN: Plan = emptyPlan();

const emptyEnv: Environment = {cwd: process.cwd(), home: '', uid: 0, vars: {}, files: {}, helpers: [], programs: {}, kube: null, writable: {}};
