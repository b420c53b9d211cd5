// A labelled single-line input, drawn from the wizard's state (the value and the cursor; keys
// are edited by line-edit.ts through the key map). Unfocused, ink-text-input draws the value,
// the mask or the placeholder; the focused field and a secret too long for its line are drawn
// here (docs/ink-notes.md §ink-select-input and ink-text-input as the drawing layer). A long
// value scrolls sideways around the cursor; a long secret is one line, "•••••••• 2048 characters".
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {memo} from 'react';
import {terminalText} from '../../formats/terminal-text.js';
import {wrapText} from './window.js';

export interface TextFieldProps {
	label: string;
	value: string;
	/** Code points before the cursor; undefined: at the end. */
	cursor?: number | undefined;
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

/** The pointer, the longest field label ("containerd version") and a space (test/ui/field-labels.test.ts). */
export const LABEL_WIDTH = 21;

/** The visible part of a value: [before cursor, at cursor, after], fitted to `width` columns. */
export function fitLine(value: string, cursor: number | undefined, width: number, mask?: string): {before: string; at: string; after: string} {
	const chars = [...value];
	const at = Math.max(0, Math.min(cursor ?? chars.length, chars.length));
	if (mask) {
		// One more column than the value for the cursor at its end.
		if (chars.length + 1 <= width) return {before: mask.repeat(at), at: at < chars.length ? mask : ' ', after: mask.repeat(Math.max(0, chars.length - at - 1))};
		return {before: `${mask.repeat(8)} ${chars.length} characters`, at: ' ', after: ''};
	}
	if (chars.length + 1 <= width) return {before: chars.slice(0, at).join(''), at: chars[at] ?? ' ', after: chars.slice(at + 1).join('')};
	// Scroll sideways: keep the cursor in view, mark cut ends with "…".
	const room = Math.max(3, width - 2);
	let start = Math.max(0, at - Math.floor(room / 2));
	start = Math.min(start, Math.max(0, chars.length + 1 - room));
	const end = Math.min(chars.length, start + room);
	return {
		before: `${start > 0 ? '…' : ''}${chars.slice(start, at).join('')}`,
		at: chars[at] ?? ' ',
		after: `${chars.slice(at + 1, end).join('')}${end < chars.length ? '…' : ''}`,
	};
}

export function TextField({label, value, cursor, focus, mask, placeholder, error, hint, width}: TextFieldProps) {
	const inputWidth = Math.max(10, width - LABEL_WIDTH - 1);
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={LABEL_WIDTH} flexShrink={0}>
					{/* One line whatever the label: the steps count one line per field. */}
					<Text color={focus ? 'cyan' : undefined} bold={focus} wrap="truncate-end">
						{focus ? '› ' : '  '}
						{label}
					</Text>
				</Box>
				<Box width={inputWidth} height={1} overflow="hidden">
					{focus ? (
						<FocusedValue value={value} cursor={cursor} width={inputWidth} mask={mask} placeholder={placeholder} />
					) : (
						<UnfocusedValue value={value} width={inputWidth} mask={mask} placeholder={placeholder} />
					)}
				</Box>
			</Box>
			{/* Wrapped by the function the options window counts lines with (window.ts). */}
			{error ? (
				<Box paddingLeft={LABEL_WIDTH}>
					<Text color="red">{wrapText(`✗ ${error}`, Math.max(10, width - LABEL_WIDTH))}</Text>
				</Box>
			) : hint ? (
				<Box paddingLeft={LABEL_WIDTH}>
					<Text dimColor>{wrapText(hint, Math.max(10, width - LABEL_WIDTH))}</Text>
				</Box>
			) : null}
		</Box>
	);
}

const ignore = () => {};

/** A placeholder in the field's one line, cut with "…" when longer (a wrapped one would be clipped mid-word). */
export function fitPlaceholder(placeholder: string | undefined, width: number): string {
	const chars = [...(placeholder ?? '')];
	return chars.length <= width
		? chars.join('')
		: `${chars
				.slice(0, Math.max(0, width - 1))
				.join('')
				.trimEnd()}…`;
}

/**
 * ink-text-input, unfocused (no key handler of its own): the value, its mask or the placeholder.
 * Memoised on its four strings and numbers: typing in one field does not redraw the others.
 */
const UnfocusedValue = memo(function UnfocusedValue({
	value,
	width,
	mask,
	placeholder,
}: {
	value: string;
	width: number;
	mask?: string | undefined;
	placeholder?: string | undefined;
}) {
	// Its mask is one character per UTF-16 unit on one wrapping line: a secret longer than the
	// field is drawn here instead, as "•••••••• N characters".
	if (mask && value.length + 1 > width) return <Text>{fitLine(value, undefined, width, mask).before}</Text>;
	if (mask) return <TextInput value={value} mask={mask} focus={false} onChange={ignore} />;
	// A pasted or remembered value may hold control characters: drawn as escapes, never sent raw;
	// a long one shows its end, cut with "…", in the field's one line.
	const fitted = fitLine(terminalText(value), undefined, width);
	return <TextInput value={fitted.before + fitted.after} placeholder={fitPlaceholder(placeholder, width)} focus={false} onChange={ignore} />;
});

/**
 * The focused field, drawn here: ink-text-input 6.0 keeps its cursor in its own state (it starts
 * at the end, moves only on its own ←/→), so a mid-line cursor set by the key map's readline keys
 * (Ctrl+A, Alt+B, Home…) cannot be shown through it.
 */
function FocusedValue({
	value,
	cursor,
	width,
	mask,
	placeholder,
}: {
	value: string;
	cursor: number | undefined;
	width: number;
	mask?: string | undefined;
	placeholder?: string | undefined;
}) {
	const hint = fitPlaceholder(placeholder, width);
	if (value === '' && hint) {
		return (
			<Text>
				<Text inverse>{hint[0]}</Text>
				<Text dimColor>{hint.slice(1)}</Text>
			</Text>
		);
	}
	const fitted = fitLine(value, cursor, width, mask);
	return (
		<Text wrap="truncate-end">
			{terminalText(fitted.before)}
			<Text inverse>{terminalText(fitted.at)}</Text>
			{terminalText(fitted.after)}
		</Text>
	);
}
