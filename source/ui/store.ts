// A reducer whose latest state can be read synchronously. Ink calls every input handler of one
// chunk (e.g. Down+Enter) before React re-renders; handlers that read `get()` instead of the
// rendered state see the result of the previous key, not a stale screen.
import {useCallback, useRef, useState} from 'react';

export interface Store<S, A> {
	state: S;
	dispatch: (action: A) => void;
	get: () => S;
}

export function useStore<S, A>(reducer: (state: S, action: A) => S, initial: () => S): Store<S, A> {
	const [state, setState] = useState(initial);
	const ref = useRef(state);
	const dispatch = useCallback(
		(action: A) => {
			ref.current = reducer(ref.current, action);
			setState(ref.current);
		},
		[reducer],
	);
	const get = useCallback(() => ref.current, []);
	return {state, dispatch, get};
}
