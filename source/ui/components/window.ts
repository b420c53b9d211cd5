// Fitting a column of rows into the lines a pane has: which rows to show so the focused one is
// visible, and how many are hidden above and below. Heights are estimates (a row knows how many
// lines it wraps to at a width), which is all a terminal layout needs to never clip the focus.

/**
 * `text` wrapped at `width` columns the way a reader expects: between words, a path longer than
 * the line after one of its "/" (never mid-name when a "/" allows), and no wrapped line starts
 * with the space it broke at. Ink then draws each line as it is (none is wider than the pane).
 */
export function wrapText(text: string, width: number): string {
	const usable = Math.max(1, width);
	return text
		.split('\n')
		.map(paragraph => {
			const lines: string[] = [];
			let line = '';
			for (const word of paragraph.split(' ').filter((part, index) => part !== '' || index === 0)) {
				const candidate = line === '' ? word : `${line} ${word}`;
				if ([...candidate].length <= usable) {
					line = candidate;
					continue;
				}
				if (line !== '') lines.push(line);
				line = '';
				let rest = word;
				while ([...rest].length > usable) {
					const chars = [...rest];
					const head = chars.slice(0, usable).join('');
					// Break after the last "/" that keeps something on the line; else cut at the width.
					const slash = head.lastIndexOf('/');
					const cut = slash > 0 ? [...head.slice(0, slash + 1)].length : usable;
					lines.push(chars.slice(0, cut).join(''));
					rest = chars.slice(cut).join('');
				}
				line = rest;
			}
			lines.push(line);
			return lines.join('\n');
		})
		.join('\n');
}

/** Lines `text` takes when wrapped at `width` columns (wrapText). */
export function linesOf(text: string, width: number): number {
	return wrapText(text, width).split('\n').length;
}

export interface WindowSlice {
	start: number;
	end: number;
	hiddenAbove: number;
	hiddenBelow: number;
}

/**
 * The rows [start, end) to draw in `budget` lines so that `focus` is visible, keeping one line
 * for each "more" marker that is needed. Rows before the focus are dropped first.
 */
export function windowAround(heights: number[], focus: number, budget: number): WindowSlice {
	const total = heights.reduce((sum, height) => sum + height, 0);
	if (total <= budget) return {start: 0, end: heights.length, hiddenAbove: 0, hiddenBelow: 0};
	const room = Math.max(1, budget - 2); // a marker above and one below
	let start = Math.min(Math.max(0, focus), heights.length - 1);
	let end = start + 1;
	let used = heights[start] ?? 1;
	// Grow downwards first (what comes next), then upwards (context).
	while (end < heights.length && used + heights[end]! <= room) used += heights[end++]!;
	while (start > 0 && used + heights[start - 1]! <= room) used += heights[--start]!;
	return {start, end, hiddenAbove: start, hiddenBelow: heights.length - end};
}
