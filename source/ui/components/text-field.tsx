// A labelled single-line input, drawn from the wizard's state (the value and the cursor; keys
// are edited by line-edit.ts through the key map). A long value scrolls sideways around the
// cursor; a long secret is one line, "•••••••• 2048 characters", never a screen of dots.
import {Box, Text} from 'ink';

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

export const LABEL_WIDTH = 18;

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
	const shown = fitLine(value, cursor, inputWidth, mask);
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
					{value === '' && !focus ? (
						<Text dimColor>{placeholder ?? ''}</Text>
					) : value === '' && placeholder ? (
						<Text>
							<Text inverse>{placeholder[0]}</Text>
							<Text dimColor>{placeholder.slice(1)}</Text>
						</Text>
					) : (
						<Text wrap="truncate-end">
							{shown.before}
							{focus ? <Text inverse>{shown.at}</Text> : shown.at}
							{shown.after}
						</Text>
					)}
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
