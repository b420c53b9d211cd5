// The key map without rendering: raw keys decoded as the wizard decodes them, each key's commands
// applied to the state by the reducer; effects and finish collected for the test to look at.

import type {Environment} from '../../../source/environment.js';
import {emptyPlan} from '../../../source/plan-types.js';
import {type Command, type KeyContext, keyToCommands} from '../../../source/ui/keymap.js';
import {decodeKeys} from '../../../source/ui/keys.js';
import {reducer, type WizardState} from '../../../source/ui/state.js';

export function pressWith(context: KeyContext, state: WizardState, raw: string): {state: WizardState; effects: Command[]} {
	const effects: Command[] = [];
	for (const key of decodeKeys(raw)) {
		for (const command of keyToCommands(state, key, context)) {
			if (command.type === 'effect' || command.type === 'finish') effects.push(command);
			else state = reducer(state, command);
		}
	}
	return {state, effects};
}

/** A key context with no plan, an empty preview and no window to scroll; `overrides` for the rest. */
export function keyContext(env: Environment, overrides: Partial<KeyContext> = {}): KeyContext {
	return {plan: emptyPlan(), env, stores: undefined, previewLength: () => 0, previewPage: 10, leftMax: 0, leftPage: 10, ...overrides};
}
