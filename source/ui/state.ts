// The wizard's state and every change to it, as a reducer: keys dispatch actions and each
// action is computed from the latest state, so fast input (several keys in one chunk) can never
// act on a stale screen. Pure; the components only render it and dispatch.
import type {Answers, Credential} from '../answers.js';
import type {ApplyMode} from '../apply/apply.js';
import type {VerifyResult} from '../verify/result.js';
import {previousStep, stepNumber} from './flow.js';
import {initialLogins, type LoginChange, type LoginsState, loginsReducer} from './logins-state.js';
import type {WizardProfile} from './profile-flow.js';

export type StepId = 'registry' | 'credentials' | 'targets' | 'keychain' | 'options' | 'review' | 'apply';

export interface PreviewState {
	/** Which artifact is shown (by id, so it stays put while the plan changes). */
	id: string | undefined;
	scroll: number;
	/** Secrets shown in clear; reset whenever the preview loses focus or the step changes. */
	revealed: boolean;
	/** Show merges as a diff against the file on disk. */
	diff: boolean;
}

export interface WizardState {
	step: StepId;
	history: StepId[];
	answers: Answers;
	/** Index of the credential the credentials step edits. */
	editing: number;
	/** Focused field (or highlighted item) of the current step. */
	field: number;
	focus: 'form' | 'preview';
	preview: PreviewState;
	help: boolean;
	applyMode: ApplyMode;
	/** Credential checks by registry, for the exact user and password they checked. */
	checks: CredentialCheck[];
	/** The apply step: running (Ctrl+C cancels it first), cancelling, or done. */
	applying: 'no' | 'running' | 'cancelling' | 'done';
	/** Text fields as typed, by field id, where the answer stores a parsed form (lists). */
	drafts: Record<string, string>;
	/** A one-off notice shown at the top of the current step (e.g. "re-planned"). */
	notice?: string;
	/** Cursor in the focused text field (code points); undefined: at the end of the value. */
	cursor: number | undefined;
	/** The highest step number shown so far: the counter never goes back while moving on. */
	reached: number;
	/** Text fields the user has left (`credential:field`): only those show "is required". */
	left: string[];
	/** The left column's scroll offset (review, keychain problems, the done list). */
	scroll: number;
	/** Something the next keys must wait for (a check, a lookup): they are held, then replayed. */
	busy: 'verify' | 'keychain' | 'remembered' | 'recall' | 'import' | 'mint' | 'recheck' | 'login' | undefined;
	registry: {remembered: Remembered; problem?: string};
	/** touched: the user moved the keychain list's highlight (the app no longer moves it after a check). */
	keychain: {problem?: string; confirmPlain: boolean; touched?: boolean};
	importer: {path: string; result?: {ok: boolean; message: string}};
	/** The logins on this machine, on the first screen: check, rotate, log out (logins-state.ts). */
	logins: LoginsState;
	/** The team profile the user accepted: its answers are fixed, only the rest is asked. */
	profile?: WizardProfile;
	/** Setting a keychain up from the keychain step (keychain/setup); undefined: the list is shown. */
	setup?: SetupState;
	/** The client certificate the credential check presents (the headless --cert-file/--key-file). */
	clientCert: ClientCertState;
}

/**
 * The keychain set-up as the wizard runs it: it says what it will do (confirm), asks what it
 * needs (ask: a masked entry, twice for a new secret), streams its progress (running), then ends
 * (done: the store that works now is highlighted; failed: the set-up's own message).
 */
export interface SetupState {
	phase: 'confirm' | 'ask' | 'running' | 'done' | 'failed';
	/** Progress lines so far, cleaned for the terminal. */
	lines: string[];
	/** confirm: the question and the steps it will take. */
	question?: string;
	details?: string;
	/** ask: the prompt; twice for a new secret (the second entry must match). */
	prompt?: string;
	twice?: boolean;
	/** ask: what was typed (never drawn, never logged), and which entry has the cursor. */
	secret: string;
	again: string;
	entry: 0 | 1;
	/** ask: why the last entry was refused (the two entries differ, empty). */
	error?: string;
	/** done or failed: what to say (failed: the set-up's message), and what to do next. */
	message?: string;
	next?: string[];
	/** done: the helper that works now (highlighted in the list). */
	store?: string;
}

/** The client certificate pair the wizard presents, as typed (paths), and what checking them said. */
export interface ClientCertState {
	certFile: string;
	keyFile: string;
	/** The pair in use for checks and the plan, once its files were checked. */
	inUse?: {certFile: string; keyFile: string};
	problem?: string;
}

/** Registries regauth's keychain remembers (after the user asked to look), by key → user. */
export type Remembered = undefined | {servers: Record<string, string>};

export interface CredentialCheck {
	registry: string;
	username: string;
	password: string;
	result: VerifyResult | 'checking';
}

export type Action =
	| {type: 'next'; step: StepId; field?: number}
	/** Esc: one step back in the flow, or to `to` (a refused review goes to the registry list). */
	| {type: 'back'; to?: StepId}
	| {type: 'answers'; update: (answers: Answers) => Answers}
	| {type: 'draft'; id: string; text: string; update: (answers: Answers) => Answers}
	| {type: 'edit'; index: number; field: number}
	| {type: 'field'; field: number}
	| {type: 'move'; delta: number; count: number}
	| {type: 'toggleFocus'}
	| {type: 'focus'; focus: 'form' | 'preview'}
	| {type: 'previewFile'; ids: string[]; delta: number}
	| {type: 'previewScroll'; delta: number; max: number}
	| {type: 'previewTo'; id: string}
	| {type: 'reveal'}
	| {type: 'diff'}
	| {type: 'help'; open?: boolean}
	/** A change to the first screen's logins (logins-state.ts). */
	| {type: 'login'; change: LoginChange}
	| {type: 'applyMode'; mode: ApplyMode}
	| {type: 'notice'; text?: string}
	| {type: 'check'; check: CredentialCheck}
	| {type: 'uncheck'; credential: Credential}
	| {type: 'applying'; phase: WizardState['applying']}
	| {type: 'cursor'; cursor: number | undefined}
	| {type: 'leave'; id: string}
	| {type: 'scroll'; delta: number; max: number}
	| {type: 'busy'; busy: WizardState['busy']}
	| {type: 'remembered'; remembered: Remembered; problem?: string}
	| {type: 'keychainProblem'; problem?: string; confirmPlain?: boolean; touched?: boolean}
	| {type: 'importPath'; path: string}
	| {type: 'imported'; result?: {ok: boolean; message: string}}
	// The keychain set-up and the client certificate (grouped: see SetupState, ClientCertState).
	| {type: 'setup'; update: (setup: SetupState | undefined) => SetupState | undefined}
	| {type: 'clientCert'; update: (cert: ClientCertState) => ClientCertState};

/** `clientCert`: the pair the wizard was started with (--cert-file/--key-file), as the rows' first value. */
export function initialState(answers: Answers, profile?: WizardProfile, clientCert?: {certFile: string; keyFile: string}): WizardState {
	return {
		// With a profile the registries are known: start at the first one's user name.
		step: profile ? 'credentials' : 'registry',
		history: profile ? ['registry'] : [],
		answers,
		editing: 0,
		field: profile ? 1 : 0,
		...(profile ? {profile} : {}),
		focus: 'form',
		preview: {id: undefined, scroll: 0, revealed: false, diff: true},
		help: false,
		applyMode: 'files',
		drafts: {},
		checks: [],
		logins: initialLogins(),
		applying: 'no',
		cursor: undefined,
		reached: 1,
		left: [],
		scroll: 0,
		busy: undefined,
		registry: {remembered: undefined},
		keychain: {confirmPlain: false},
		importer: {path: ''},
		clientCert: clientCert ? {...clientCert, inUse: clientCert} : {certFile: '', keyFile: ''},
	};
}

export function sameCredential(a: Credential | CredentialCheck, b: Credential | CredentialCheck): boolean {
	return a.registry === b.registry && a.username === b.username && a.password === b.password;
}

/** The check made for exactly this credential, if any. */
export function checkFor(state: Pick<WizardState, 'checks'>, credential: Credential): CredentialCheck | undefined {
	return state.checks.find(check => sameCredential(check, credential));
}

/** Leaving a just-added registry without typing anything takes it back out. */
function dropUntouched(answers: Answers, index: number): Answers {
	const credential = answers.credentials[index];
	if (credential?.username !== '' || credential.password !== '') return answers;
	return {...answers, credentials: answers.credentials.filter((_, position) => position !== index)};
}

const masked = (preview: PreviewState): PreviewState => ({...preview, revealed: false});

export function reducer(state: WizardState, action: Action): WizardState {
	switch (action.type) {
		case 'next':
			return {
				...arrive(state, action.step),
				history: [...state.history, state.step],
				field: action.field ?? 0,
				focus: 'form',
				preview: masked(state.preview),
				notice: undefined,
			};
		case 'back': {
			if (state.help) return {...state, help: false};
			if (state.focus === 'preview') return {...state, focus: 'form', preview: masked(state.preview)};
			// One step back in the flow (not in the history: the registry list is reached again
			// after each credential, and Esc there must not re-open the last one).
			const previous = action.to ?? previousStep(state.step, state.answers);
			if (!previous) return state;
			const answers = state.step === 'credentials' ? dropUntouched(state.answers, state.editing) : state.answers;
			return {
				...state,
				answers,
				step: previous,
				reached: stepNumber(previous),
				history: [...state.history, state.step],
				field: 0,
				preview: masked(state.preview),
				notice: undefined,
				cursor: undefined,
				scroll: 0,
				keychain: {confirmPlain: false},
				setup: undefined,
			};
		}
		case 'answers':
			return {...state, answers: action.update(state.answers)};
		case 'draft':
			return {...state, drafts: {...state.drafts, [action.id]: action.text}, answers: action.update(state.answers)};
		case 'edit':
			return {
				...arrive(state, 'credentials'),
				history: [...state.history, state.step],
				editing: action.index,
				field: action.field,
				focus: 'form',
				notice: undefined,
			};
		case 'field':
			return {...state, field: action.field, cursor: undefined};
		case 'move':
			return {...state, cursor: undefined, field: action.count === 0 ? 0 : (state.field + action.delta + action.count) % action.count};
		case 'toggleFocus':
			return state.focus === 'form' ? {...state, focus: 'preview'} : {...state, focus: 'form', preview: masked(state.preview)};
		case 'focus':
			return {...state, focus: action.focus, preview: action.focus === 'form' ? masked(state.preview) : state.preview};
		case 'previewFile': {
			if (action.ids.length === 0) return state;
			const current = Math.max(0, action.ids.indexOf(state.preview.id ?? ''));
			const next = (current + action.delta + action.ids.length) % action.ids.length;
			return {...state, preview: {...state.preview, id: action.ids[next], scroll: 0, revealed: false}};
		}
		case 'previewTo':
			return state.preview.id === action.id ? state : {...state, preview: {...state.preview, id: action.id, scroll: 0, revealed: false}};
		case 'previewScroll':
			return {...state, preview: {...state.preview, scroll: Math.max(0, Math.min(action.max, state.preview.scroll + action.delta))}};
		case 'reveal':
			return {...state, preview: {...state.preview, revealed: !state.preview.revealed}};
		case 'diff':
			return {...state, preview: {...state.preview, diff: !state.preview.diff, scroll: 0}};
		case 'help':
			return {...state, help: action.open ?? !state.help};
		case 'login':
			return {...state, logins: loginsReducer(state.logins, action.change)};
		case 'applyMode':
			return {...state, applyMode: action.mode};
		case 'notice':
			return {...state, notice: action.text};
		case 'applying':
			return {...state, applying: action.phase};
		case 'uncheck':
			return {...state, checks: state.checks.filter(check => !sameCredential(check, action.credential))};
		case 'check':
			return {...state, checks: [...state.checks.filter(check => !sameCredential(check, action.check)), action.check]};
		case 'cursor':
			return {...state, cursor: action.cursor};
		case 'leave':
			return state.left.includes(action.id) ? state : {...state, left: [...state.left, action.id]};
		case 'scroll':
			return {...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.delta))};
		case 'busy':
			return {...state, busy: action.busy};
		case 'remembered':
			return {...state, registry: {remembered: action.remembered, ...(action.problem ? {problem: action.problem} : {})}};
		case 'keychainProblem':
			return {
				...state,
				keychain: {
					confirmPlain: action.confirmPlain ?? false,
					...(action.problem ? {problem: action.problem} : {}),
					...(action.touched || state.keychain.touched ? {touched: true} : {}),
				},
				scroll: 0,
			};
		case 'importPath':
			return {...state, importer: {path: action.path}};
		case 'imported':
			return {...state, importer: {path: action.result?.ok ? '' : state.importer.path, ...(action.result ? {result: action.result} : {})}};
		case 'setup':
			return {...state, setup: action.update(state.setup), cursor: undefined, scroll: 0};
		case 'clientCert':
			return {...state, clientCert: action.update(state.clientCert)};
	}
}

/** Entering a step: a fresh cursor and scroll; the counter moves on, never back. */
function arrive(state: WizardState, step: StepId): WizardState {
	return {
		...state,
		step,
		cursor: undefined,
		scroll: 0,
		reached: Math.max(state.reached, stepNumber(step)),
		keychain: {confirmPlain: false},
		setup: undefined,
	};
}
