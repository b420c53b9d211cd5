// What a target declares about itself. Everything the rest of regauth knows about a target comes
// from here: the flags, their --help lines, the equivalent headless command, the wizard's option
// fields and their checks, where it writes, whether it can route to a credential helper.
// A declaration is light (no planning code) so the first screens can list targets before the
// planners load; the planner is a separate module (TargetPlanner) registered in targets/index.ts.
import {type Answers, defaultAnswers, type TargetId} from '../answers.js';
import type {Environment} from '../environment.js';
import type {TargetAnswerGroup} from './answers-of-targets.js';
import type {TargetContext, TargetOutput} from './context.js';

export interface Choice {
	value: string;
	label: string;
}

/** A command-line flag of an option. */
export interface FlagSpec {
	/** Without the dashes: 'secret-name'. */
	name: string;
	short?: string;
	/** Placeholder in --help ('NAME'); absent for a switch (a flag without a value). */
	value?: string;
	/** Given several times and/or comma-separated; the values are a list. */
	repeatable?: boolean;
	/** --help text, one string per line (continuation lines are indented by the help writer). */
	help: string[];
	/** The flag was given: put its values into the answers (a switch gets []). Choices are checked before. */
	parse(answers: Answers, values: string[]): Answers;
	/**
	 * The flag as the equivalent headless command gives it: a value per occurrence, true for a
	 * switch, [] or false when it would only repeat the default.
	 */
	emit(answers: Answers): string[] | boolean;
}

/** One question a target asks (a wizard field and, usually, a flag). */
export interface OptionSpec {
	/** Where the answer lives ('kubernetes.secretName'): the FieldIssue field and the wizard field id. */
	id: string;
	/** The wizard's label and the name in messages. */
	label: string;
	/** The wizard's one-line explanation. */
	hint: string;
	/** Absent for a wizard-only question (butane.secret: --butane-remote-url implies it). */
	flag?: FlagSpec;
	/** A choice (←/→ in the wizard, one of these values on the command line); otherwise typed text. */
	choices?: Choice[];
	/** The answer as the wizard edits it. */
	get(answers: Answers): string;
	/** The wizard's text (or choice value) into the answers. */
	set(answers: Answers, value: string): Answers;
	/** What is wrong with the answer (empty when fine): the wizard, --dry-run and apply all use it. */
	check?(answers: Answers): string[];
	/** Asked and checked only when this holds (the remote URL only for a remote secret). */
	when?(answers: Answers): boolean;
	/** Whether the answer matters at all; default: the target is chosen (rkt's kind also serves butane --butane-rkt). */
	relevant?(answers: Answers): boolean;
	/** This machine changes the field (kubectl's contexts become choices). */
	onMachine?(env: Environment | null): Partial<Pick<OptionSpec, 'hint' | 'choices' | 'set'>>;
}

/**
 * Where a target writes:
 * - user-config: a user's own file, merged (docker config.json); never staged except by --destdir
 * - system: a fixed machine directory (/etc/rkt/auth.d); the probe checks it is writable, and
 *   the file is staged under the output directory when it is not
 * - project: files the user takes elsewhere (manifests, archives), under --output-dir
 */
export type WriteSpec = {kind: 'user-config'; path: string} | {kind: 'system'; dir: string} | {kind: 'project'; path: string};

export interface TargetSpec<Id extends TargetId = TargetId> {
	id: Id;
	/** The wizard's list, plan titles, messages. */
	title: string;
	/** One line for the wizard's target list: what it writes. */
	description: string;
	/** How messages name what it writes ('Kubernetes Secrets'). */
	outputName: string;
	/** Its config can route a registry to a credential helper instead of holding the password. */
	credentialHelper: boolean;
	/** Its outputs never contain the secret (they point at a secret manager or a node plugin). */
	holdsNoSecret?: true;
	writes: WriteSpec[];
	/** --help: the heading of its section and lines shown under it before the flags. */
	help?: {heading: string; lines?: string[]};
	options: OptionSpec[];
	/** An image the user named for this target: the credential check asks for pull access to its repository. */
	checkImage?(answers: Answers): string;
	/** How `rotate` treats what it wrote (docs/lifecycle.md §4–§5); absent: files merged per registry. */
	lifecycle?: LifecycleSpec;
}

/** What a rotation needs to know about a target's files, besides planning them again. */
export interface LifecycleSpec {
	/** One file written whole from every registry of an apply: rotating one carries the others. */
	wholeFile?: true;
	/** One file per registry (its artifact id ends with `:<host>`): only that one is the registry's place. */
	filePerRegistry?: true;
	/** Where the file is written when the inventory records where it is served instead. */
	writtenPath?(recorded: string, outputDir: string): string;
	/** What the user does by hand after a rotation rewrote a file of it (`applied`: kubectl applied it). */
	afterRotation?(path: string, answers: Omit<Answers, 'credentials'>, applied: boolean): string | undefined;
}

/** The planning half of a target (heavy: loaded with plan()). */
export interface TargetPlanner {
	/** Absolute paths of existing files this target merges into (the probe reads them). */
	reads?(ctx: Pick<TargetContext, 'answers' | 'env'>): string[];
	plan(ctx: TargetContext): TargetOutput;
}

// ---- building blocks for declarations ----------------------------------------------------

type Group = TargetAnswerGroup;
type StringKeys<G extends Group> = {[K in keyof Answers[G]]: Answers[G][K] extends string ? K : never}[keyof Answers[G]];

/** Read and write one string answer of a target's options (answers.kubernetes.secretName). */
export function field<G extends Group, K extends StringKeys<G>>(group: G, key: K) {
	return {
		get: (answers: Answers): string => answers[group][key] as string,
		put: (answers: Answers, value: string): Answers => ({...answers, [group]: {...answers[group], [key]: value}}),
	};
}

const DEFAULTS = defaultAnswers();

/** A problem list from a single check. */
export const problems = (message: string | undefined): string[] => (message ? [message] : []);

/**
 * A typed text option with a value flag: the wizard trims it, the flag takes it as given, and
 * the headless command repeats it only when it differs from the default.
 */
export function textOption<G extends Group, K extends StringKeys<G>>(spec: {
	group: G;
	key: K;
	label: string;
	hint: string;
	flag: {name: string; short?: string; value: string; help: string[]};
	check?: (value: string) => string | undefined;
}): OptionSpec {
	const {get, put} = field(spec.group, spec.key);
	return {
		id: `${spec.group}.${String(spec.key)}`,
		label: spec.label,
		hint: spec.hint,
		get,
		set: (answers, value) => put(answers, value.trim()),
		...(spec.check ? {check: (answers: Answers) => problems(spec.check!(get(answers)))} : {}),
		flag: {
			...spec.flag,
			parse: (answers, [value]) => put(answers, value ?? ''),
			emit: answers => (get(answers) === get(DEFAULTS) ? [] : [get(answers)]),
		},
	};
}

/** A choice option whose flag takes one of the choice values. */
export function choiceOption<G extends Group, K extends StringKeys<G>>(spec: {
	group: G;
	key: K;
	label: string;
	hint: string;
	choices: Choice[];
	flag: {name: string; value: string; help: string[]};
}): OptionSpec {
	const {get, put} = field(spec.group, spec.key);
	return {
		id: `${spec.group}.${String(spec.key)}`,
		label: spec.label,
		hint: spec.hint,
		choices: spec.choices,
		get,
		set: put,
		flag: {...spec.flag, parse: (answers, [value]) => put(answers, value ?? ''), emit: answers => (get(answers) === get(DEFAULTS) ? [] : [get(answers)])},
	};
}

/** Split a typed or flag list ("a, b c") into its items. */
export const words = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

type ListKeys<G extends Group> = {[K in keyof Answers[G]]: Answers[G][K] extends string[] ? K : never}[keyof Answers[G]];

/** A list option: typed comma-separated in the wizard, a repeatable (and comma-splitting) flag. */
export function listOption<G extends Group, K extends ListKeys<G>>(spec: {
	group: G;
	key: K;
	label: string;
	hint: string;
	flag: {name: string; short?: string; value: string; help: string[]};
	check?: (values: string[]) => string[];
}): OptionSpec {
	const get = (answers: Answers): string[] => answers[spec.group][spec.key] as string[];
	const put = (answers: Answers, values: string[]): Answers => ({...answers, [spec.group]: {...answers[spec.group], [spec.key]: values}});
	return {
		id: `${spec.group}.${String(spec.key)}`,
		label: spec.label,
		hint: spec.hint,
		get: answers => get(answers).join(', '),
		set: (answers, value) => put(answers, words(value)),
		...(spec.check ? {check: (answers: Answers) => spec.check!(get(answers))} : {}),
		flag: {...spec.flag, repeatable: true, parse: put, emit: get},
	};
}

type BooleanKeys<G extends Group> = {[K in keyof Answers[G]]: Answers[G][K] extends boolean ? K : never}[keyof Answers[G]];

/** A yes/no option: a switch on the command line, a choice in the wizard. */
export function switchOption<G extends Group, K extends BooleanKeys<G>>(spec: {
	group: G;
	key: K;
	label: string;
	hint: string;
	choices: [no: string, yes: string];
	flag: {name: string; help: string[]};
	check?: (answers: Answers) => string[];
}): OptionSpec {
	const get = (answers: Answers): boolean => answers[spec.group][spec.key] as boolean;
	const put = (answers: Answers, value: boolean): Answers => ({...answers, [spec.group]: {...answers[spec.group], [spec.key]: value}});
	return {
		id: `${spec.group}.${String(spec.key)}`,
		label: spec.label,
		hint: spec.hint,
		choices: [
			{value: 'no', label: spec.choices[0]},
			{value: 'yes', label: spec.choices[1]},
		],
		get: answers => (get(answers) ? 'yes' : 'no'),
		set: (answers, value) => put(answers, value === 'yes'),
		...(spec.check ? {check: spec.check} : {}),
		flag: {...spec.flag, parse: answers => put(answers, true), emit: answers => get(answers)},
	};
}
