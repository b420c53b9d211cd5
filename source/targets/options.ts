// The checks of every target's options, from their declarations: the same checks the wizard runs
// on each field, so --dry-run, apply and the wizard agree.
import {type Answers, type FieldIssue, resolveAnswers, type TargetId} from '../answers.js';
import type {OptionSpec} from './declaration.js';
import {allOptions} from './specs.js';

/** The option's answer matters: its target is chosen (or another that uses it, see relevant()). */
export function isRelevant(target: TargetId, option: OptionSpec, answers: Answers): boolean {
	return option.relevant ? option.relevant(answers) : answers.targets.includes(target);
}

/** The option is asked now: relevant (its target, or another that uses it, is chosen), and its condition holds. */
export function isAsked(target: TargetId, option: OptionSpec, answers: Answers): boolean {
	return isRelevant(target, option, answers) && (option.when?.(answers) ?? true);
}

/** Problems with the options of the chosen targets, each naming its field, label and flag. */
export function optionIssues(answers: Answers): FieldIssue[] {
	return allOptions().flatMap(({target, option}) =>
		isAsked(target, option, answers)
			? (option.check?.(answers) ?? []).map(message => ({
					field: option.id,
					label: option.label,
					flag: option.flag ? `--${option.flag.name}` : '',
					message,
				}))
			: [],
	);
}

/** Every problem with the answers: credentials and targets first, then the options. */
export function answerIssues(answers: Answers): FieldIssue[] {
	return [...resolveAnswers(answers).issues, ...optionIssues(answers)];
}
