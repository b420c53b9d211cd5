// The items of the wizard's lists, computed from the state and the machine (pure): the same
// function feeds the view and the key map, so the highlighted row is always the one Enter picks.
import {type Answers, checkRegistry, type KeychainChoice, resolveAnswers} from '../answers.js';
import type {Environment} from '../environment.js';
import {terminalText} from '../formats/terminal-text.js';
import {keychainOptions} from '../keychain/choices.js';
import type {KeychainProblem, KeychainStatus} from '../keychain/diagnose.js';
import {HELPER_NAME} from '../keychain/names.js';
import type {Plan} from '../plan-types.js';
import type {BrokenConfig} from './broken-configs.js';
import {SETUP_VALUE, setupEntry} from './keychain-setup.js';
import {type StorePolicy, storeRefusal} from './profile-stores.js';
import {KNOWN_REGISTRIES} from './registries.js';
import type {Remembered} from './state.js';

export interface Choice {
	label: string;
	value: string;
	hint?: string;
	disabled?: boolean;
	/**
	 * A short state drawn after the label, "(does not work here)": kept whole while a long label
	 * is cut to make room, so at 80 columns the state is never what falls off.
	 */
	status?: string;
}

function displayHost(registry: string): string {
	const checked = checkRegistry(registry);
	return checked.value?.host ?? (registry || 'docker.io');
}

/** Keychain stores checked while the first screen is shown, by helper name (regauth, pass…). */
export type StoreStatus = Record<string, KeychainStatus>;

/** undefined: the stores were not checked (the wizard then trusts what is on PATH). */
export function keychainWorks(env: Environment | null, stores: StoreStatus | undefined): boolean {
	const own = Boolean(env && (env.regauthHelper || env.helpers.includes(HELPER_NAME)));
	return own && (stores === undefined || stores[HELPER_NAME]?.ok === true);
}

export function registryChoices(answers: Answers, remembered: Remembered, keychainAvailable: boolean, broken: readonly BrokenConfig[] = []): Choice[] {
	const items: Choice[] = [];
	const count = answers.credentials.length;
	if (count > 0) {
		const problems = resolveAnswers(answers).issues.filter(issue => issue.field.startsWith('credentials.'));
		items.push({
			value: 'continue',
			label: `Continue with ${count} ${count === 1 ? 'registry' : 'registries'}`,
			hint: problems.length > 0 ? `first fix: ${problems[0]!.label}: ${problems[0]!.message}` : 'choose what to configure next',
			disabled: problems.length > 0,
		});
		answers.credentials.forEach((credential, index) => {
			items.push({
				value: `edit:${index}`,
				label: terminalText(`✎ ${displayHost(credential.registry)} — ${credential.username || '(no user yet)'}`),
				hint: 'Enter edits it · x removes it',
			});
		});
	}
	for (const known of KNOWN_REGISTRIES) items.push({value: `add:${known.id}`, label: `${count > 0 ? '+ ' : ''}${known.label}`, hint: known.hint});
	if (remembered) {
		const configured = new Set(answers.credentials.map(credential => checkRegistry(credential.registry).value?.key));
		for (const [key, username] of Object.entries(remembered.servers)) {
			if (configured.has(key)) continue;
			items.push({
				value: `recall:${key}`,
				label: terminalText(`↺ ${key} — ${username}`),
				hint: 'remembered in the keychain: no need to type the password again',
			});
		}
	} else if (keychainAvailable) {
		items.push({value: 'remembered', label: '↺ Credentials remembered in the keychain…', hint: 'reuse a login regauth stored before (asks the keychain)'});
	}
	// A config regauth cannot merge into, for a target still chosen: deal with it now, not at the
	// review. Appended (the machine read can finish after keys were typed: the rows above stay put).
	const blocking = broken.filter(config => answers.targets.includes(config.target));
	if (blocking.length > 0) {
		items.push({
			value: 'recheck',
			label: `⟳ Check ${blocking.map(config => config.path).join(' and ')} again`,
			hint: 'after fixing it in another window or editor: nothing you typed here is lost',
		});
		for (const config of blocking)
			items.push({
				value: `skip:${config.target}`,
				label: `Leave ${config.title} out (its file stays as it is)`,
				hint: 'the other targets are configured as usual; the targets step can add it back',
			});
	}
	return items;
}

export interface KeychainItem extends Choice {
	choice: KeychainChoice;
	warning?: string;
	/** The store was checked and does not work here: why, and the fix, in the wizard's terms. */
	problem?: string;
	/** Still being checked. */
	checking: boolean;
	/** The "set one up here" entry (keychain-setup.ts): Enter starts the set-up, it is no store. */
	setup?: boolean;
}

function helperOf(choice: KeychainChoice): string | undefined {
	return choice.kind === 'regauth' ? HELPER_NAME : choice.kind === 'helper' ? choice.name : undefined;
}

/** The fixes for a store that does not work, naming the wizard's own entries instead of flags. */
export function wizardAdvice(problem: KeychainProblem, others: string[]): string {
	const advice = problem.advice.filter(line => !/--keychain/.test(line));
	const alternatives = others.length > 0 ? [`Or choose ${others.map(label => `“${label}”`).join(' or ')} in this list`] : [];
	return [`${problem.message}.`, ...[...advice, ...alternatives].map(line => `- ${line}.`)].join('\n');
}

export function keychainChoices(env: Environment | null, stores: StoreStatus | undefined, policy?: StorePolicy): KeychainItem[] {
	if (!env) return [];
	const options = keychainOptions(env);
	const items: KeychainItem[] = options.map(option => {
		// A store the team profile refuses: shown (the list is the machine's) but never picked.
		const refused = storeRefusal(policy, option.choice);
		if (refused)
			return {
				label: option.label,
				status: 'not allowed by the team',
				value: JSON.stringify(option.choice),
				choice: option.choice,
				hint: `not allowed by the team profile ${policy!.shown}`,
				disabled: true,
				problem: refused,
				checking: false,
			};
		const helper = helperOf(option.choice);
		const status = helper ? stores?.[helper] : undefined;
		const broken = option.available && status && !status.ok ? status.problem : undefined;
		const checking = stores !== undefined && option.available && helper !== undefined && status === undefined;
		const others = options
			.filter(
				other =>
					other !== option &&
					other.available &&
					// Never advise a store the team profile refuses.
					!storeRefusal(policy, other.choice) &&
					(helperOf(other.choice) === undefined || stores?.[helperOf(other.choice)!]?.ok !== false),
			)
			.map(other => other.label);
		return {
			label: option.label,
			...(!option.available ? {status: 'not available'} : broken ? {status: 'does not work here'} : checking ? {status: 'checking…'} : {}),
			value: JSON.stringify(option.choice),
			choice: option.choice,
			hint: broken ? terminalText(broken.message) : option.hint,
			disabled: !option.available || Boolean(broken),
			...(broken ? {problem: terminalText(wizardAdvice(broken, others), {multiline: true})} : {}),
			...(option.warning ? {warning: option.warning} : {}),
			checking,
		};
	});
	// No store works here: offer to set one up (appended, so the rows above stay put).
	const entry = setupEntry(env, items, stores !== undefined);
	if (entry) items.push({...entry, value: SETUP_VALUE, choice: {kind: 'file'}, checking: false, setup: true});
	return items;
}

/**
 * The highlighted row when the step opens: the answer already given unless it is known not to
 * work, else the first store in the list's order (keychains before the plain file) not known to
 * fail. A store still being checked counts as one that may work: the highlight must not settle
 * on a worse store (the plain file) only because a keychain's check has not finished; if that
 * check fails, the app moves the highlight on — unless the user has moved it (P5/P6).
 */
export function defaultKeychainIndex(items: KeychainItem[], current: KeychainChoice): number {
	const given = items.findIndex(item => item.value === JSON.stringify(current) && !item.disabled);
	if (given !== -1) return given;
	const candidate = items.findIndex(item => !item.disabled && !item.setup);
	return Math.max(0, candidate);
}

/** `self`: regauth as the user ran it (self-command.ts), so the hint names an undo that runs. */
export function reviewChoices(plan: Plan, self = 'regauth'): Choice[] {
	// The plan decides whether apply may run (field problems, blocked files, the checks); the
	// review says the first reason here and every one below.
	const runnable = plan.commands.filter(command => command.role === 'deploy' || command.role === 'alternative');
	const disabled = !plan.canApply;
	const reason = disabled ? `cannot apply: ${terminalText(firstLine(plan.refusals[0] ?? 'see below'))}` : undefined;
	const changed = plan.artifacts.filter(artifact => artifact.changed).length;
	const choices: Choice[] = [
		{
			value: 'files',
			label: 'Write the files',
			hint: reason ?? `${changed} ${changed === 1 ? 'file changes' : 'files change'}; backups beside each; ${self} undo reverts them`,
			disabled,
		},
	];
	if (runnable.length > 0) {
		choices.push({value: 'commands', label: 'Run the commands', hint: reason ?? runnable.map(command => command.title).join(' · '), disabled});
		choices.push({
			value: 'both',
			label: 'Write the files and run the commands',
			hint: reason ?? 'files first, then the commands; stops at the first failure',
			disabled,
		});
	}
	return choices;
}

const firstLine = (text: string) => text.split('\n')[0]!;

/** Type-ahead on a list: the next item after `from` whose label starts with `letter` (ignoring marks). */
export function typeAhead(items: Choice[], from: number, letter: string): number | undefined {
	const wanted = letter.toLowerCase();
	for (let step = 1; step <= items.length; step++) {
		const index = (from + step) % items.length;
		const label = items[index]!.label.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
		if (label.startsWith(wanted)) return index;
	}
	return undefined;
}
