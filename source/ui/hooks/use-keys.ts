// The wizard's one key reader. Ink's useInput names Backspace and Delete alike and splits a
// chunk only at escape sequences ("token\r" typed ahead is one unnamed event), so the raw events
// Ink's stdin reader emits are decoded here (keys.ts), each key handed to one stable handler.
// The handler reads the latest state (store.ts), never the rendered one: a key that arrives
// before the next frame acts on the state the previous keys left, and nothing is lost while a
// step's view is replaced.
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {type Key, keyDecoder} from '../keys.js';

export function useKeys(handler: (key: Key) => void): void {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	const latest = useRef(handler);
	latest.current = handler;
	useEffect(() => {
		if (isRawModeSupported) setRawMode(true);
		const decode = keyDecoder();
		const onInput = (event: string) => {
			for (const key of decode(event)) latest.current(key);
		};
		emitter.on('input', onInput);
		return () => {
			emitter.removeListener('input', onInput);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [emitter, setRawMode, isRawModeSupported]);
}
