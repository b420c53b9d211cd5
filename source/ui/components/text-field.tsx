// A labelled single-line input: ink-text-input draws it (cursor, mask); text-edit.ts decides
// what each change really does, so pastes, held Backspace and fast typing are handled right.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useEffect, useRef, useState} from 'react';
import {useTypeAheadValue} from '../hooks/type-ahead.js';
import {applyEdit} from './text-edit.js';

export interface TextFieldProps {
	label: string;
	value: string;
	onChange: (value: string) => void;
	onSubmit?: (value: string) => void;
	focus: boolean;
	/** Mask character for secrets; the value is never drawn when set. */
	mask?: string;
	placeholder?: string;
	/** Validation message shown under the field while it is wrong. */
	error?: string;
	/** A dim line under the field (what to enter, or how much was typed). */
	hint?: string;
	width: number;
}

export const LABEL_WIDTH = 18;

export function TextField({label, value, onChange, onSubmit, focus, mask, placeholder, error, hint, width}: TextFieldProps) {
	// latest: what the field holds (every dispatched change is in `value` by the next render).
	// rendered: what ink-text-input's key handler was built from. Ink re-subscribes that handler
	// in an effect after each commit, so until then keys still go to the old one: advance
	// `rendered` in an effect too (a child's effects run before its parent's).
	const latest = useRef(value);
	const rendered = useRef(value);
	const [epoch, setEpoch] = useState(0);
	const typeAhead = useTypeAheadValue();
	latest.current = value;
	useEffect(() => {
		rendered.current = value;
	});

	const change = (next: string) => {
		// A key held for the next screen: ink-text-input still saw it, this field must not.
		if (typeAhead.swallowing()) {
			setEpoch(current => current + 1);
			return;
		}
		const result = applyEdit(latest.current, rendered.current, next);
		latest.current = result.value;
		if (result.adjusted) setEpoch(current => current + 1); // remount: cursor back to the end
		if (result.value !== rendered.current) onChange(result.value);
	};

	const inputWidth = Math.max(10, width - LABEL_WIDTH - 2);
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={LABEL_WIDTH} flexShrink={0}>
					<Text color={focus ? 'cyan' : undefined} bold={focus}>
						{focus ? '› ' : '  '}
						{label}
					</Text>
				</Box>
				<Box width={inputWidth} overflow="hidden">
					<TextInput
						key={epoch}
						value={value}
						onChange={change}
						onSubmit={() => onSubmit?.(latest.current)}
						focus={focus}
						{...(mask ? {mask} : {})}
						placeholder={placeholder ?? ''}
						showCursor={focus}
					/>
				</Box>
			</Box>
			{error ? (
				<Box paddingLeft={LABEL_WIDTH}>
					<Text color="red">✗ {error}</Text>
				</Box>
			) : hint ? (
				<Box paddingLeft={LABEL_WIDTH}>
					<Text dimColor>{hint}</Text>
				</Box>
			) : null}
		</Box>
	);
}
