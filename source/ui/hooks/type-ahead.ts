// Keys typed ahead of the screen. A key handler is subscribed in an effect after each commit, so
// a key that arrives between a change (Enter → the next step, the next field) and that effect
// would go to the old screen's handlers or to none: lost, or worse, acted on twice. The wizard
// holds such keys and replays them once the new screen listens. Ctrl+C is never held.
import {useStdin} from 'ink';
import {createContext, useContext, useEffect, useRef} from 'react';

export interface TypeAhead {
	/** True while the key being delivered is held for later: handlers must ignore it. */
	swallowing(): boolean;
}

export const TypeAheadContext = createContext<TypeAhead>({swallowing: () => false});

export function useTypeAheadValue(): TypeAhead {
	return useContext(TypeAheadContext);
}

/**
 * @param layout a string that changes whenever a different handler should get the next key
 *               (step, field, focus); read from the latest state (`current`) and as rendered.
 */
export function useTypeAhead(current: () => string, rendered: string, onInterrupt: () => void): TypeAhead {
	const {internal_eventEmitter: emitter} = useStdin();
	const listening = useRef<string | undefined>(undefined);
	const queue = useRef<string[]>([]);
	const swallow = useRef(false);
	const replaying = useRef(false);
	const interrupt = useRef(onInterrupt);
	interrupt.current = onInterrupt;

	useEffect(() => {
		const onInput = (event: string) => {
			// Ctrl+C can arrive inside a chunk of text ("ci\x03") when keys pile up while the
			// program is busy; Ink only reports it alone. It must work however it arrives.
			if (event !== '\u0003' && event.includes('\u0003')) {
				interrupt.current();
				return;
			}
			if (event === '\u0003' || replaying.current) return;
			if (current() === listening.current && queue.current.length === 0) return;
			queue.current.push(event);
			swallow.current = true;
			// Every listener runs synchronously within this emit; the flag is for them only.
			queueMicrotask(() => {
				swallow.current = false;
			});
		};
		// First in line, so the decision is made before any handler sees the key.
		emitter.prependListener('input', onInput);
		return () => {
			emitter.removeListener('input', onInput);
		};
	}, [emitter, current]);

	// After every commit: children's handlers are subscribed (their effects ran first).
	useEffect(() => {
		listening.current = rendered;
		while (queue.current.length > 0 && current() === listening.current) {
			const event = queue.current.shift()!;
			replaying.current = true;
			try {
				emitter.emit('input', event);
			} finally {
				replaying.current = false;
			}
		}
	});

	return useRef<TypeAhead>({swallowing: () => swallow.current}).current;
}
