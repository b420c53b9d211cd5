// A step's key handler: active only while the step has the focus, deaf to keys that are being
// held for the next screen (type-ahead.ts), and to keys that arrive after the wizard has moved
// on to another step but before this one unmounted (a held Enter must not act twice).
import {type Key, useInput} from 'ink';
import {createContext, useContext} from 'react';
import type {StepId, WizardState} from '../state.js';
import {useTypeAheadValue} from './type-ahead.js';

/** The latest wizard state, for handlers (see store.ts). */
export const LatestStateContext = createContext<() => WizardState | undefined>(() => undefined);

export function useStepInput(step: StepId, handler: (input: string, key: Key) => void, active: boolean): void {
	const typeAhead = useTypeAheadValue();
	const latest = useContext(LatestStateContext);
	useInput(
		(input, key) => {
			if (typeAhead.swallowing()) return;
			const state = latest();
			if (state && state.step !== step) return;
			handler(input, key);
		},
		{isActive: active},
	);
}
