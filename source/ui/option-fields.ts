// The options step asks only what the chosen targets need. The fields come from the targets'
// declarations (targets/*/spec.ts), so the wizard asks and checks what the flags do.
import type {Answers, TargetId} from '../answers.js';
import type {Environment} from '../environment.js';
import {isAsked} from '../targets/options.js';
import {allOptions, writesProjectFiles} from '../targets/specs.js';

export interface OptionField {
	id: string;
	target?: TargetId;
	label: string;
	hint: string;
	/** choice: ←/→ cycles through `choices`; text: typed. */
	kind: 'text' | 'choice';
	choices?: Array<{value: string; label: string}>;
	get(answers: Answers): string;
	set(answers: Answers, value: string): Answers;
	check?(value: string): string | undefined;
	/** Asked only when this holds (e.g. the remote URL only for a remote secret). */
	when?(answers: Answers): boolean;
}

const OUTPUT_DIR: OptionField = {
	id: 'outputDir',
	label: 'Output dir',
	hint: 'where project files (manifests, archives, provisioning configs) are written',
	kind: 'text',
	get: a => a.outputDir,
	set: (a, value) => ({...a, outputDir: value}),
	check: value => (value.trim() === '' ? 'Output dir is required, e.g. ./regauth.' : undefined),
};

/** The key a team profile's fixed option is named by: `target:id`, or the output directory's id. */
export const optionKey = (field: Pick<OptionField, 'id' | 'target'>): string => (field.target ? `${field.target}:${field.id}` : field.id);

/**
 * The fields for the chosen targets, in target order, then the output directory. `fixed`: the
 * options a team profile sets (optionKey), which are not asked.
 */
export function optionFields(answers: Answers, env: Environment | null, fixed: readonly string[] = []): OptionField[] {
	const fields = allFields(answers, env);
	return fixed.length === 0 ? fields : fields.filter(field => !fixed.includes(optionKey(field)));
}

function allFields(answers: Answers, env: Environment | null): OptionField[] {
	const fields = allOptions()
		.filter(({target, option}) => isAsked(target, option, answers))
		.map(({target, option}): OptionField => {
			const spec = {...option, ...option.onMachine?.(env)};
			const check = spec.check;
			return {
				id: spec.id,
				target,
				label: spec.label,
				hint: spec.hint,
				kind: spec.choices ? 'choice' : 'text',
				...(spec.choices ? {choices: spec.choices} : {}),
				get: spec.get,
				set: spec.set,
				// The value as the field would store it, checked by the target's own rule.
				...(check ? {check: (value: string) => check(spec.set(answers, value))[0]} : {}),
				...(spec.when ? {when: spec.when} : {}),
			};
		});
	return writesProjectFiles(answers.targets) ? [...fields, OUTPUT_DIR] : fields;
}

export function cycleChoice(field: OptionField, answers: Answers, delta: number): Answers {
	const choices = field.choices ?? [];
	if (choices.length === 0) return answers;
	const current = choices.findIndex(choice => choice.value === field.get(answers));
	const next = choices[(Math.max(0, current) + delta + choices.length) % choices.length]!;
	return field.set(answers, next.value);
}
