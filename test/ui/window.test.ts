import assert from 'node:assert/strict';
import {test} from 'node:test';
import {linesOf, windowAround} from '../../source/ui/components/window.js';

test('everything fits: no window', () => {
	assert.deepEqual(windowAround([1, 1, 2], 2, 10), {start: 0, end: 3, hiddenAbove: 0, hiddenBelow: 0});
});

test('the focused row is always inside the window, with room for the markers', () => {
	const heights = Array.from({length: 20}, (_, index) => (index % 3 === 0 ? 2 : 1));
	for (let focus = 0; focus < heights.length; focus++) {
		for (const budget of [3, 5, 8, 12]) {
			const slice = windowAround(heights, focus, budget);
			assert.ok(focus >= slice.start && focus < slice.end, `focus ${focus} budget ${budget}`);
			const used = heights.slice(slice.start, slice.end).reduce((a, b) => a + b, 0) + (slice.hiddenAbove > 0 ? 1 : 0) + (slice.hiddenBelow > 0 ? 1 : 0);
			assert.ok(used <= Math.max(budget, heights[focus]! + 2), `focus ${focus} budget ${budget} used ${used}`);
		}
	}
});

test('wrapped lines are counted by width', () => {
	assert.equal(linesOf('abcdef', 3), 2);
	assert.equal(linesOf('a\nbcd', 2), 3);
	assert.equal(linesOf('', 10), 1);
});
