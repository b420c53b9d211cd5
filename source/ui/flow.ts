// Which step follows which: the keychain question only matters for outputs that can use a
// credential helper (the target declarations say which); the others need the secret itself.
import type {Answers} from '../answers.js';
import {routesToHelper, targetSpec, writesProjectFiles} from '../targets/specs.js';
import type {StepId} from './state.js';

export function nextAfterTargets(answers: Answers): StepId {
	return answers.targets.some(routesToHelper) ? 'keychain' : nextAfterKeychain(answers);
}

export const STEP_TITLES: Record<StepId, string> = {
	registry: 'Registry',
	credentials: 'Credentials',
	targets: 'Targets',
	keychain: 'Keychain',
	options: 'Options',
	review: 'Review',
	apply: 'Apply',
};

export const STEP_ORDER: StepId[] = ['registry', 'credentials', 'targets', 'keychain', 'options', 'review', 'apply'];

/** After the keychain question: the options step only when a chosen target has options. */
export function nextAfterKeychain(answers: Answers): StepId {
	const asks = answers.targets.some(target => targetSpec(target).options.length > 0) || writesProjectFiles(answers.targets);
	return asks ? 'options' : 'review';
}
