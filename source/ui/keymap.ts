// What a key does, for every step: a pure function from the latest state and one key to the
// actions that follow (and the effects to start). One place decides, from the state the user
// sees, so keys typed ahead, pasted or piled into one chunk act exactly as if typed slowly.
import type {Answers, Credential, KeychainChoice, TargetId} from '../answers.js';
import type {ApplyMode} from '../apply/apply.js';
import type {Environment} from '../environment.js';
import type {Plan} from '../plan-types.js';
import {canMint} from '../registries/cloud-credentials.js';
import type {LoginStatus} from '../status/report.js';
import {TARGET_CATALOG as TARGETS} from '../targets/catalog.js';
import {type VerifyMode, verdict} from '../verify/verdict.js';
import {brokenConfigs} from './broken-configs.js';
import {
	type Choice,
	defaultKeychainIndex,
	type KeychainItem,
	keychainChoices,
	keychainWorks,
	registryChoices,
	reviewChoices,
	type StoreStatus,
	typeAhead,
} from './choices.js';
import {CERT_ROW, credentialRowOrder, KEY_ROW, rowAfter} from './client-cert-fields.js';
import {CREDENTIAL_FIELDS, IMPORT_ROW} from './credential-fields.js';
import {nextAfterTargets, previousStep} from './flow.js';
import type {Key} from './keys.js';
import {editLine} from './line-edit.js';
import {type LoginEffect, loginEntryKeys, loginPanelKeys, typingSecret} from './logins-keys.js';
import {withLogins} from './logins-view.js';
import {cycleChoice, optionFields} from './option-fields.js';
import {afterCredential, afterKeychain, OPEN_TOKEN_KEY, teamRegistry} from './profile-flow.js';
import {KNOWN_REGISTRIES} from './registries.js';
import {type Action, checkFor, type SetupState, type StepId, type WizardState} from './state.js';

export type Effect =
	/** A login's panel on the first screen: check, plan a rotation or logout, apply it. */
	| {kind: 'login'; effect: LoginEffect}
	| {kind: 'verify'; credential: Credential}
	| {kind: 'remembered'}
	| {kind: 'recall'; key: string}
	| {kind: 'keychain'; choice: KeychainChoice}
	| {kind: 'import'; path: string}
	| {kind: 'mint'; index: number}
	/** Open the team profile's token page (https only) with the platform's opener: the user asked. */
	| {kind: 'openUrl'; url: string}
	/** Read the machine again (a config fixed in another window); the answers stay. */
	| {kind: 'recheck'}
	// The keychain set-up (keychain-setup.ts) and the client certificate, grouped.
	/** Set a keychain up here (keychain/setup), asking through the step's own screens. */
	| {kind: 'keychainSetup'}
	/** The person's answer to the set-up's pending question: yes/no, a secret, or null (Esc: stop). */
	| {kind: 'setupReply'; answer: boolean | string | null}
	/** Check the client certificate pair typed on the credentials step, then the login with it. */
	| {kind: 'clientCert'; credential: Credential};

export type Command = Action | {type: 'effect'; effect: Effect} | {type: 'finish'; code: number};

export interface KeyContext {
	plan: Plan;
	env: Environment | null;
	stores: StoreStatus | undefined;
	/** Lines of the previewed file and the lines one page scrolls. */
	previewLength: () => number;
	previewPage: number;
	/** How far the left column can scroll, and one page of it. */
	leftMax: number;
	leftPage: number;
	/** How the credential checks judge (a result that stops the run keeps the form open). */
	verifyMode?: VerifyMode;
	/** The exit code once the apply step has finished (Enter then leaves). */
	finished?: number;
	/** The logins `regauth status` finds (first screen), and how far a login's panel scrolls. */
	logins?: readonly LoginStatus[];
	panelMax?: number;
}

/** The key that accepts every remaining option as it is and goes to the review. */
export const ACCEPT_DEFAULTS = {name: 'ctrl', text: 'r', label: 'Ctrl+R'} as const;
/** The key that moves the focus to the preview and back, on every step. */
/** Gets a cloud registry's token from its CLI on the credentials step. */
export const MINT_KEY = {name: 'ctrl', text: 'g', label: 'Ctrl+G'} as const;
export const PREVIEW_KEY = {name: 'ctrl', text: 'p', label: 'Ctrl+P'} as const;

const is = (key: Key, name: Key['name'], text?: string) => key.name === name && (text === undefined || key.text === text);

/** Steps whose focused row is a text field: letters are text there, not commands. */
export function typing(state: WizardState, ctx: Pick<KeyContext, 'env'>): boolean {
	if (state.focus !== 'form') return false;
	if (typingSecret(state)) return true;
	if (state.step === 'credentials') return true;
	if (state.step === 'keychain' && state.setup?.phase === 'ask') return true;
	if (state.step === 'options') return optionFields(state.answers, ctx.env, state.profile?.optionsFixed)[state.field]?.kind === 'text';
	return false;
}

export function keyToCommands(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	if (state.help) return is(key, 'escape') || (is(key, 'text', '?') && !typing(state, ctx)) ? [{type: 'help', open: false}] : [];
	// A login's panel has the screen (and its own Esc): logins-keys.ts.
	if (state.step === 'registry' && state.logins.open !== undefined)
		return loginPanelKeys(state, key, {logins: ctx.logins ?? [], panelMax: ctx.panelMax ?? 0, panelPage: ctx.leftPage});
	if (state.step === 'apply') return applyKeys(key, ctx);
	// While the keychain set-up confirms, asks, runs or failed, it has the keys (Esc included).
	// (Ctrl+P still shows the files; the preview's own keys stay the preview's.)
	if (state.step === 'keychain' && state.setup && state.setup.phase !== 'done' && state.focus === 'form' && !is(key, PREVIEW_KEY.name, PREVIEW_KEY.text))
		return setupKeys(state, state.setup, key, ctx);
	if (is(key, 'escape')) {
		// A review refused by a credential check says "Esc goes back to the registry list": one
		// Esc goes there, the refused registry highlighted (Enter opens it), not one step back.
		const refused = state.step === 'review' && state.focus === 'form' ? refusedLogin(state, ctx) : undefined;
		if (refused !== undefined) {
			const items = registryChoices(state.answers, state.registry.remembered, keychainWorks(ctx.env, ctx.stores), brokenConfigs(ctx.env));
			return [
				{type: 'back', to: 'registry'},
				{
					type: 'field',
					field: Math.max(
						0,
						items.findIndex(item => item.value === `edit:${refused}`),
					),
				},
			];
		}
		const previous = previousStep(state.step, state.answers);
		const to = escapeStep(state, ctx.env);
		const back: Command[] = [to !== previous && to ? {type: 'back', to} : {type: 'back'}];
		// Back on the keychain step: the highlight on the answer given (or a store that works).
		if (state.focus === 'form' && to === 'keychain')
			back.push({type: 'field', field: defaultKeychainIndex(keychainChoices(ctx.env, ctx.stores, state.profile), state.answers.keychain)});
		return back;
	}
	if (is(key, PREVIEW_KEY.name, PREVIEW_KEY.text)) return [{type: 'toggleFocus'}];
	const scrollsLeft = state.step === 'review' || state.step === 'keychain';
	if ((key.name === 'pageUp' || key.name === 'pageDown') && !(scrollsLeft && state.focus === 'form')) {
		return [previewScroll(ctx, key.name === 'pageUp' ? -ctx.previewPage : ctx.previewPage)];
	}
	if (state.focus === 'preview') return previewKeys(key, ctx);
	if (is(key, 'text', '?') && !typing(state, ctx)) return [{type: 'help', open: true}];
	switch (state.step) {
		case 'registry':
			return registryKeys(state, key, ctx);
		case 'credentials':
			return credentialKeys(state, key, ctx);
		case 'targets':
			return targetKeys(state, key, ctx);
		case 'keychain':
			return keychainKeys(state, key, ctx);
		case 'options':
			return optionKeys(state, key, ctx);
		case 'review':
			return reviewKeys(state, key, ctx);
	}
}

/**
 * Where Esc goes from this step (a refused review aside: refusedLogin). One step back in the
 * flow; with a team profile that sets every option, the options step has nothing to ask and is
 * skipped.
 */
export function escapeStep(state: Pick<WizardState, 'step' | 'answers' | 'profile'>, env: Environment | null): StepId | undefined {
	const previous = previousStep(state.step, state.answers);
	const skip = state.profile && previous === 'options' && optionFields(state.answers, env, state.profile.optionsFixed).length === 0;
	return skip ? previousStep('options', state.answers) : previous;
}

function previewScroll(ctx: KeyContext, delta: number): Action {
	return {type: 'previewScroll', delta, max: Math.max(0, ctx.previewLength() - ctx.previewPage)};
}

function previewKeys(key: Key, ctx: KeyContext): Command[] {
	if (key.name === 'tab') return [{type: 'toggleFocus'}];
	if (key.name === 'left' || key.name === 'right')
		return [{type: 'previewFile', ids: ctx.plan.artifacts.map(artifact => artifact.id), delta: key.name === 'left' ? -1 : 1}];
	if (key.name === 'up' || key.name === 'down') return [previewScroll(ctx, key.name === 'up' ? -1 : 1)];
	if (key.name === 'home') return [previewScroll(ctx, -Infinity)];
	if (key.name === 'end') return [previewScroll(ctx, Infinity)];
	if (is(key, 'text', 'r')) return [{type: 'reveal'}];
	if (is(key, 'text', 'd')) return [{type: 'diff'}];
	return [];
}

/** ↑/↓ (wrapping), Home/End and type-ahead over a list; undefined when the key is not a list key. */
function listMove(state: WizardState, key: Key, items: Choice[]): Command[] | undefined {
	const count = items.length;
	if (key.name === 'up' || key.name === 'down') return [{type: 'move', delta: key.name === 'up' ? -1 : 1, count}];
	if (key.name === 'home') return [{type: 'field', field: 0}];
	if (key.name === 'end') return [{type: 'field', field: Math.max(0, count - 1)}];
	if (key.name === 'text' && key.text && [...key.text].length === 1 && key.text !== ' ') {
		const found = typeAhead(items, state.field, key.text);
		return found === undefined ? [] : [{type: 'field', field: found}];
	}
	return undefined;
}

function registryKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	const items = withLogins(
		registryChoices(state.answers, state.registry.remembered, keychainWorks(ctx.env, ctx.stores), brokenConfigs(ctx.env)),
		ctx.logins ?? [],
		state.logins,
		new Date(),
	);
	const choice = items[Math.min(state.field, items.length - 1)];
	const login = choice ? loginEntryKeys(choice.value, key, ctx.logins ?? []) : undefined;
	if (login) return login;
	if (is(key, 'text', 'x') && choice?.value.startsWith('edit:')) {
		const index = Number(choice.value.slice(5));
		return [
			{type: 'answers', update: answers => ({...answers, credentials: answers.credentials.filter((_, position) => position !== index)})},
			{type: 'field', field: 0},
		];
	}
	if (key.name === 'tab') return [{type: 'toggleFocus'}];
	const moved = listMove(state, key, items);
	if (moved) return moved;
	if (key.name !== 'enter' || !choice || choice.disabled) return [];
	if (choice.value === 'remembered') return [{type: 'effect', effect: {kind: 'remembered'}}];
	if (choice.value === 'recheck') return [{type: 'effect', effect: {kind: 'recheck'}}];
	if (choice.value.startsWith('skip:')) {
		const target = choice.value.slice(5) as TargetId;
		return [
			{type: 'answers', update: answers => ({...answers, targets: answers.targets.filter(id => id !== target)})},
			{type: 'notice', text: `${TARGETS.find(each => each.id === target)?.title ?? target} left out: its file stays as it is.`},
			{type: 'field', field: 0},
		];
	}
	if (choice.value.startsWith('recall:')) return [{type: 'effect', effect: {kind: 'recall', key: choice.value.slice(7)}}];
	if (choice.value === 'continue') return [{type: 'next', step: 'targets'}];
	if (choice.value.startsWith('edit:')) return [{type: 'edit', index: Number(choice.value.slice(5)), field: 1}];
	const known = KNOWN_REGISTRIES.find(registry => `add:${registry.id}` === choice.value);
	if (!known) return [];
	const index = state.answers.credentials.length;
	return [
		{
			type: 'answers',
			update: answers => ({...answers, credentials: [...answers.credentials, {registry: known.host, username: known.username ?? '', password: '', email: ''}]}),
		},
		// A fixed host needs no editing: start at the user name.
		{type: 'edit', index, field: known.host === '' || known.hostTemplate ? 0 : 1},
	];
}

function setCredentialField(index: number, field: (typeof CREDENTIAL_FIELDS)[number]['key'], value: string): Action {
	return {
		type: 'answers',
		update: answers => ({
			...answers,
			credentials: answers.credentials.map((item, position) => {
				if (position !== index) return item;
				const {fromKeychain, ...rest} = item;
				// A typed user or password is no longer the remembered one.
				return field === 'username' || field === 'password' ? {...rest, [field]: value} : {...item, [field]: value};
			}),
		}),
	};
}

function fieldMove(to: number, id: string): Command[] {
	return [
		{type: 'leave', id},
		{type: 'field', field: to},
	];
}

function credentialKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	const index = state.editing;
	const credential = state.answers.credentials[index];
	if (!credential) return [];
	const id = `${index}:${state.field}`;
	const order = credentialRowOrder(state, credential);
	// Moving past a field with the arrows is not leaving it: only Tab and Enter count (errors
	// such as "is required" wait until then).
	if (key.name === 'up' || key.name === 'down') return [{type: 'field', field: rowAfter(order, state.field, key.name === 'up' ? -1 : 1)}];
	if (key.name === 'tab') return fieldMove(rowAfter(order, state.field, key.shift ? -1 : 1), id);
	if (state.field >= CERT_ROW) return clientCertKeys(state, credential, key);
	if (key.name === 'enter') return credentialEnter(state, credential, id, ctx);
	// A cloud registry's token from its CLI (aws, gcloud, az, gh) instead of a pasted one.
	if (is(key, 'ctrl', MINT_KEY.text) && canMint(credential.registry)) return [{type: 'effect', effect: {kind: 'mint', index}}];
	if (is(key, OPEN_TOKEN_KEY.name, OPEN_TOKEN_KEY.text)) {
		const url = teamRegistry(state, credential)?.['token-url'];
		return url ? [{type: 'effect', effect: {kind: 'openUrl', url}}] : [];
	}
	const spec = CREDENTIAL_FIELDS[state.field];
	const value = spec ? credential[spec.key] : state.importer.path;
	const edited = editLine({value, cursor: state.cursor ?? [...value].length}, key);
	if (!edited) return [];
	const commands: Command[] = [];
	if (edited.value !== value) commands.push(spec ? setCredentialField(index, spec.key, edited.value) : {type: 'importPath', path: edited.value});
	commands.push({type: 'cursor', cursor: edited.value === value || edited.cursor !== [...edited.value].length ? edited.cursor : undefined});
	return commands;
}

function credentialEnter(state: WizardState, credential: Credential, id: string, ctx: KeyContext): Command[] {
	if (state.field === IMPORT_ROW) {
		const path = state.importer.path.trim();
		return path === '' ? fieldMove(0, id) : [{type: 'effect', effect: {kind: 'import', path}}];
	}
	if (state.field < CREDENTIAL_FIELDS.length - 1) return fieldMove(state.field + 1, id);
	const firstBad = CREDENTIAL_FIELDS.findIndex(field => field.check(credential[field.key]));
	if (firstBad !== -1)
		return [...CREDENTIAL_FIELDS.map((_, position) => ({type: 'leave' as const, id: `${state.editing}:${position}`})), {type: 'field', field: firstBad}];
	const check = checkFor(state, credential);
	if (!check)
		return [
			{type: 'leave', id},
			{type: 'effect', effect: {kind: 'verify', credential}},
		];
	if (check.result === 'checking') return [];
	// A result that stops the run (a rejected login; with --verify=strict anything not verified)
	// keeps the form, since plan() would refuse to write it: Enter then checks again (the
	// registry may be up now). Otherwise Enter again goes on anyway; the review keeps the warning.
	return verdict([check.result], ctx.verifyMode ?? 'on').failures.length > 0
		? [{type: 'effect', effect: {kind: 'verify', credential}}]
		: afterCredential(state, ctx.env, ctx.stores);
}

/** The first registry whose check stops the run (the same judgement plan() refuses with). */
export function refusedLogin(state: WizardState, ctx: Pick<KeyContext, 'verifyMode'>): number | undefined {
	const index = state.answers.credentials.findIndex(credential => {
		const result = checkFor(state, credential)?.result;
		return result !== undefined && result !== 'checking' && verdict([result], ctx.verifyMode ?? 'on').failures.length > 0;
	});
	return index === -1 ? undefined : index;
}

function toggle(answers: Answers, id: TargetId): Answers {
	const chosen = answers.targets.includes(id) ? answers.targets.filter(target => target !== id) : [...answers.targets, id];
	// Keep the list in the wizard's order so the plan and the headless command read the same.
	return {...answers, targets: TARGETS.map(target => target.id).filter(target => chosen.includes(target))};
}

function targetKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	if (key.name === 'tab') return [{type: 'toggleFocus'}];
	if (is(key, 'text', ' ')) {
		const target = TARGETS[state.field];
		return target ? [{type: 'answers', update: answers => toggle(answers, target.id)}] : [];
	}
	const moved = listMove(
		state,
		key,
		TARGETS.map(target => ({label: target.title, value: target.id})),
	);
	if (moved) return moved;
	if (key.name !== 'enter' || state.answers.targets.length === 0) return [];
	const next = nextAfterTargets(state.answers);
	if (next !== 'keychain') return [{type: 'next', step: state.profile ? afterKeychain(state, ctx.env) : next}];
	// The highlight starts on the answer given if that store works, else on the first that does;
	// the preview shows it at once.
	const items = keychainChoices(ctx.env, ctx.stores, state.profile);
	const field = defaultKeychainIndex(items, state.answers.keychain);
	const item = items[field];
	return [
		...(item && !item.disabled && !item.checking ? [{type: 'answers' as const, update: (answers: Answers) => ({...answers, keychain: item.choice})}] : []),
		{type: 'next', step: 'keychain', field},
	];
}

function keychainKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	const items = keychainChoices(ctx.env, ctx.stores, state.profile);
	if (key.name === 'tab') return [{type: 'toggleFocus'}];
	if (key.name === 'pageUp' || key.name === 'pageDown')
		return [{type: 'scroll', delta: key.name === 'pageUp' ? -ctx.leftPage : ctx.leftPage, max: ctx.leftMax}];
	const moved = listMove(state, key, items);
	if (moved) {
		// The preview follows the highlight: a store that works becomes the answer at once.
		const after = moved.find((command): command is Extract<Action, {type: 'field'}> => command.type === 'field');
		const target = after ? after.field : moved[0]?.type === 'move' ? (state.field + moved[0].delta + items.length) % Math.max(1, items.length) : undefined;
		const item: KeychainItem | undefined = target === undefined ? undefined : items[target];
		return [
			...moved,
			// The user chose where the highlight is: a check that ends later no longer moves it.
			{type: 'keychainProblem', touched: true},
			...(item && !item.disabled && !item.checking && !item.setup
				? [{type: 'answers' as const, update: (answers: Answers) => ({...answers, keychain: item.choice})}]
				: []),
		];
	}
	if (key.name !== 'enter') return [];
	const item = items[state.field];
	if (!item) return [];
	if (item.setup) return [{type: 'keychainProblem'}, {type: 'effect', effect: {kind: 'keychainSetup'}}];
	if (item.problem) return [{type: 'keychainProblem', problem: item.problem}];
	// A store still being checked is picked as any other: the keychain effect checks it now.
	if (item.disabled) return [];
	if (item.warning && !state.keychain.confirmPlain) return [{type: 'keychainProblem', confirmPlain: true}];
	return [{type: 'effect', effect: {kind: 'keychain', choice: item.choice}}];
}

function optionKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	const fields = optionFields(state.answers, ctx.env, state.profile?.optionsFixed);
	const field = fields[state.field];
	const firstBad = () => fields.findIndex(candidate => candidate.check?.(state.drafts[candidate.id] ?? candidate.get(state.answers)));
	if (is(key, ACCEPT_DEFAULTS.name, ACCEPT_DEFAULTS.text)) {
		const bad = firstBad();
		return bad === -1 ? [{type: 'next', step: 'review'}] : [{type: 'field', field: bad}];
	}
	if (key.name === 'up' || key.name === 'down' || key.name === 'tab') {
		const delta = key.name === 'up' || (key.name === 'tab' && key.shift) ? -1 : 1;
		return [{type: 'move', delta, count: fields.length}];
	}
	if (key.name === 'enter') {
		if (state.field < fields.length - 1) return [{type: 'field', field: state.field + 1}];
		const bad = firstBad();
		return bad === -1 ? [{type: 'next', step: 'review'}] : [{type: 'field', field: bad}];
	}
	if (!field) return [];
	if (field.kind === 'choice') {
		if (key.name === 'left' || key.name === 'right' || is(key, 'text', ' '))
			return [{type: 'answers', update: answers => cycleChoice(field, answers, key.name === 'left' ? -1 : 1)}];
		return [];
	}
	const value = state.drafts[field.id] ?? field.get(state.answers);
	const edited = editLine({value, cursor: state.cursor ?? [...value].length}, key);
	if (!edited) return [];
	const commands: Command[] = [];
	if (edited.value !== value) commands.push({type: 'draft', id: field.id, text: edited.value, update: answers => field.set(answers, edited.value)});
	commands.push({type: 'cursor', cursor: edited.cursor === [...edited.value].length ? undefined : edited.cursor});
	return commands;
}

function reviewKeys(state: WizardState, key: Key, ctx: KeyContext): Command[] {
	const choices = reviewChoices(ctx.plan);
	if (key.name === 'tab') return [{type: 'toggleFocus'}];
	if (key.name === 'pageUp' || key.name === 'pageDown')
		return [{type: 'scroll', delta: key.name === 'pageUp' ? -ctx.leftPage : ctx.leftPage, max: ctx.leftMax}];
	const moved = listMove(state, key, choices);
	if (moved) return moved;
	if (key.name !== 'enter') return [];
	const choice = choices[Math.min(state.field, choices.length - 1)];
	if (!choice || choice.disabled) return [];
	return [
		{type: 'applyMode', mode: choice.value as ApplyMode},
		{type: 'next', step: 'apply'},
	];
}

function applyKeys(key: Key, ctx: KeyContext): Command[] {
	if (key.name === 'enter' && ctx.finished !== undefined) return [{type: 'finish', code: ctx.finished}];
	// The list follows the latest item; scrolling counts back from it, so ↑ goes up.
	const scroll = (delta: number): Command[] => [{type: 'scroll', delta, max: ctx.leftMax}];
	if (key.name === 'up' || key.name === 'down') return scroll(key.name === 'up' ? 1 : -1);
	if (key.name === 'pageUp' || key.name === 'pageDown') return scroll(key.name === 'pageUp' ? ctx.leftPage : -ctx.leftPage);
	if (key.name === 'home' || key.name === 'end') return scroll(key.name === 'home' ? Infinity : -Infinity);
	return [];
}

// ── The keychain set-up on the keychain step (keychain-setup.ts) ──────────────────────────────

const setupUpdate = (change: Partial<SetupState>): Action => ({type: 'setup', update: setup => (setup ? {...setup, ...change} : setup)});
const reply = (answer: boolean | string | null): Command => ({type: 'effect', effect: {kind: 'setupReply', answer}});

function setupKeys(state: WizardState, setup: SetupState, key: Key, ctx: KeyContext): Command[] {
	if (key.name === 'pageUp' || key.name === 'pageDown')
		return [{type: 'scroll', delta: key.name === 'pageUp' ? -ctx.leftPage : ctx.leftPage, max: ctx.leftMax}];
	switch (setup.phase) {
		case 'confirm':
			if (key.name === 'enter') return [setupUpdate({phase: 'running'}), reply(true)];
			if (is(key, 'escape')) return [reply(false)];
			return [];
		case 'ask':
			return setupAskKeys(state, setup, key);
		case 'failed':
			// Enter tries again from the start (the set-up reuses what it made); Esc: back to the list.
			if (key.name === 'enter')
				return [
					{type: 'setup', update: () => undefined},
					{type: 'effect', effect: {kind: 'keychainSetup'}},
				];
			if (is(key, 'escape')) return [{type: 'setup', update: () => undefined}];
			return [];
		default:
			// Running: gpg and the keychain cannot be stopped half way; Ctrl+C still quits.
			return [];
	}
}

function setupAskKeys(state: WizardState, setup: SetupState, key: Key): Command[] {
	if (is(key, 'escape')) return [reply(null)];
	const second = setup.twice === true && setup.entry === 1;
	if (setup.twice && (key.name === 'tab' || key.name === 'up' || key.name === 'down')) return [setupUpdate({entry: second ? 0 : 1})];
	if (key.name === 'enter') {
		const typed = second ? setup.again : setup.secret;
		// An empty secret would leave the store unprotected (the set-up refuses it too).
		if (typed === '') return [setupUpdate({error: 'Type it first: an empty one would leave the keychain unprotected.'})];
		if (setup.twice && !second) return [setupUpdate({entry: 1, error: undefined})];
		if (setup.twice && setup.again !== setup.secret)
			return [setupUpdate({secret: '', again: '', entry: 0, error: 'The two entries differ: type it again, twice.'})];
		// The secret leaves the state as it goes to the set-up.
		return [setupUpdate({phase: 'running', secret: '', again: '', error: undefined}), reply(setup.secret)];
	}
	const value = second ? setup.again : setup.secret;
	const edited = editLine({value, cursor: state.cursor ?? [...value].length}, key);
	if (!edited) return [];
	const commands: Command[] = [];
	if (edited.value !== value) commands.push(setupUpdate(second ? {again: edited.value, error: undefined} : {secret: edited.value, error: undefined}));
	commands.push({type: 'cursor', cursor: edited.cursor === [...edited.value].length ? undefined : edited.cursor});
	return commands;
}

// ── The client certificate rows on the credentials step (client-cert-fields.ts) ──────────────

function clientCertKeys(state: WizardState, credential: Credential, key: Key): Command[] {
	const which = state.field === KEY_ROW ? 'keyFile' : 'certFile';
	if (key.name === 'enter') {
		// Enter on the certificate goes to its key; on the key, the pair is checked, then the login with it.
		if (which === 'certFile') return [{type: 'field', field: KEY_ROW}];
		return [{type: 'effect', effect: {kind: 'clientCert', credential}}];
	}
	const value = state.clientCert[which];
	const edited = editLine({value, cursor: state.cursor ?? [...value].length}, key);
	if (!edited) return [];
	const commands: Command[] = [];
	if (edited.value !== value) commands.push({type: 'clientCert', update: cert => ({...cert, [which]: edited.value, problem: undefined})});
	commands.push({type: 'cursor', cursor: edited.cursor === [...edited.value].length ? undefined : edited.cursor});
	return commands;
}
