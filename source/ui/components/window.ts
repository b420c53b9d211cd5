// Fitting a column of rows into the lines a pane has: which rows to show so the focused one is
// visible, and how many are hidden above and below. Heights are estimates (a row knows how many
// lines it wraps to at a width), which is all a terminal layout needs to never clip the focus.

/** Lines `text` takes when word-wrapped at `width` columns, as Ink wraps it. */
export function linesOf(text: string, width: number): number {
	const usable = Math.max(1, width);
	let total = 0;
	for (const paragraph of text.split('\n')) {
		let lines = 1;
		let column = 0;
		for (const word of paragraph.split(' ')) {
			let length = [...word].length;
			const needed = column === 0 ? length : column + 1 + length;
			if (needed <= usable) {
				column = needed;
				continue;
			}
			if (column > 0) lines++;
			// A word longer than the line is cut into pieces of the full width.
			while (length > usable) {
				lines++;
				length -= usable;
			}
			column = length;
		}
		total += lines;
	}
	return total;
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
