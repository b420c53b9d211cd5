// Keys typed ahead of the screen. Two things go wrong with fast typing in Ink 6:
// - Keys that pile up while the program is busy arrive in one chunk (" \r", "ci\x03"), and Ink
//   splits a chunk only at escape sequences: " \r" is neither Space nor Enter, and a Ctrl+C in it
//   is typed text. Such chunks are split here into single keys and runs of text.
// - A key handler is subscribed in an effect after each commit, so a key that arrives between a
//   change (Enter → the next step, the next field) and that effect would go to the old screen's
//   handlers or to none. Such keys are held and replayed once the new screen listens.
// Handlers must ignore a key while swallowing() is true: it is being split or held.
import {useStdin} from 'ink';
import {createContext, useContext, useEffect, useRef} from 'react';

export interface TypeAhead {
	swallowing(): boolean;
}

export const TypeAheadContext = createContext<TypeAhead>({swallowing: () => false});

export function useTypeAheadValue(): TypeAhead {
	return useContext(TypeAheadContext);
}

const CONTROL = /[\x00-\x1f\x7f]/;

/** Single keys and runs of plain text; undefined when the event is one key already. */
export function splitKeys(event: string): string[] | undefined {
	if (event.length < 2 || event.startsWith('\u001B') || !CONTROL.test(event)) return undefined;
	return event.match(/[\x00-\x1f\x7f]|[^\x00-\x1f\x7f]+/g) ?? undefined;
}

/**
 * @param current  which handler should get the next key, from the latest state (a string that
 *                 changes with the step, field and focus)
 * @param rendered the same, as last rendered
 */
export function useTypeAhead(current: () => string, rendered: string): TypeAhead {
	const {internal_eventEmitter: emitter} = useStdin();
	const listening = useRef<string | undefined>(undefined);
	const queue = useRef<string[]>([]);
	const swallow = useRef(false);
	const replaying = useRef(false);

	useEffect(() => {
		const swallowThisEvent = () => {
			swallow.current = true;
			// Every listener runs synchronously within this emit; the flag is for them only.
			queueMicrotask(() => {
				swallow.current = false;
			});
		};
		const onInput = (event: string) => {
			if (replaying.current) return;
			const pieces = splitKeys(event);
			if (pieces) {
				for (const piece of pieces) {
					swallow.current = false;
					emitter.emit('input', piece);
				}
				swallowThisEvent();
				return;
			}
			if (event === '\u0003') return; // Ctrl+C is never held
			if (current() === listening.current && queue.current.length === 0) return;
			queue.current.push(event);
			swallowThisEvent();
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
			swallow.current = false;
			try {
				emitter.emit('input', event);
			} finally {
				replaying.current = false;
			}
		}
	});

	return useRef<TypeAhead>({swallowing: () => swallow.current}).current;
}
