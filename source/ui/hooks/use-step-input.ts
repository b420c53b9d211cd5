// A step's key handler: active only while the step has the focus, and deaf to keys that are
// being held for the next screen (see type-ahead.ts).
import {useInput, type Key} from 'ink';
import {useTypeAheadValue} from './type-ahead.js';

export function useStepInput(handler: (input: string, key: Key) => void, active: boolean): void {
	const typeAhead = useTypeAheadValue();
	useInput(
		(input, key) => {
			if (!typeAhead.swallowing()) handler(input, key);
		},
		{isActive: active},
	);
}
