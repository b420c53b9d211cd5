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

/**
 * The number in "step N of STEP_COUNT". The registry list and a registry's credentials are one
 * step (the list comes back after each credential), so the counter never goes backwards while
 * the user moves on.
 */
export function stepNumber(step: StepId): number {
	return step === 'registry' ? 1 : STEP_ORDER.indexOf(step);
}

export const STEP_COUNT = stepNumber('apply');

/** After the keychain question: the options step only when a chosen target has options. */
export function nextAfterKeychain(answers: Answers): StepId {
	const asks = answers.targets.some(target => targetSpec(target).options.length > 0) || writesProjectFiles(answers.targets);
	return asks ? 'options' : 'review';
}

/** Esc: the step before this one in the flow as it applies to these answers (none before the first). */
export function previousStep(step: StepId, answers: Answers): StepId | undefined {
	switch (step) {
		case 'registry':
		case 'apply':
			return undefined;
		case 'credentials':
		case 'targets':
			return 'registry';
		case 'keychain':
			return 'targets';
		case 'options':
			return nextAfterTargets(answers) === 'keychain' ? 'keychain' : 'targets';
		case 'review':
			return nextAfterKeychain(answers) === 'options' ? 'options' : previousStep('options', answers);
	}
}
