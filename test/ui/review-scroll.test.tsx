// The review's scrolled column at 80×24 and 120×40 when the action hint wraps to two lines (a
// long runnable name for undo, as from a checkout): the "more lines" counts add up on every
// page, the marker below is on screen, and PgDn reaches the last line.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {KEYS, startWizard} from './support/ink.js';

const answers = {
	...defaultAnswers(),
	keychain: {kind: 'regauth' as const},
	targets: ['docker' as const, 'kubernetes' as const, 'podman' as const, 'butane' as const, 'rkt' as const, 'mesos' as const],
	credentials: [{registry: 'quay.io', username: 'org+bot', password: 'p4ss', email: ''}],
};
// As selfCommand() names a checkout's CLI run with node: long enough to wrap the hint.
const SELF = 'node /home/dev/src/github.com/example/regauth-checkout/dist/cli.js';

interface Page {
	above: number;
	below: number;
	lines: string[];
}

/** The review column as drawn: the lines between its markers (or its first heading and the pane's end). */
function readPage(frame: string, formWidth: number): Page {
	const left = frame.split('\n').map(line => line.slice(0, formWidth).trimEnd());
	const aboveAt = left.findIndex(line => /^ ↑ \d+ more lines above/.test(line));
	const start = aboveAt === -1 ? left.indexOf(' Files') : aboveAt + 1;
	assert.ok(start > 0, `no review column in:\n${frame}`);
	const belowAt = left.findIndex(line => /^ ↓ \d+ more lines below/.test(line));
	let end = belowAt;
	if (end === -1) {
		end = left.findIndex((line, index) => index > start && /^(Preview|Enter next)/.test(line));
		while (end > start && left[end - 1] === '') end--;
	}
	return {
		above: aboveAt === -1 ? 0 : Number(/(\d+)/.exec(left[aboveAt]!)![1]),
		below: belowAt === -1 ? 0 : Number(/(\d+)/.exec(left[belowAt]!)![1]),
		lines: left.slice(start, end),
	};
}

for (const [columns, rows, formWidth] of [
	[80, 24, 80],
	[120, 40, 72],
] as const) {
	test(`${columns}×${rows}: a two-line action hint naming the runnable undo; the column's counts match what is drawn, to the last line`, async () => {
		const wizard = await startWizard({answers, columns, rows, self: SELF});
		await wizard.waitFor(/Preview ‹|╭/); // the plan is loaded
		let frame = await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter, KEYS.ctrlR);
		assert.match(frame, /❯ Write the files/);
		// The hint names undo as the user ran regauth, wrapped under the action.
		const leftText = frame
			.split('\n')
			.map(line => line.slice(0, formWidth))
			.join(' ')
			.replace(/\s+/g, ' ');
		assert.match(leftText, new RegExp(`backups beside each; ${SELF.replace(/[./]/g, '\\$&')} undo reverts them`));
		const pages: Page[] = [];
		for (let turn = 0; turn < 40; turn++) {
			assert.ok(frame.split('\n').length <= rows - 1, `a frame taller than the terminal:\n${frame}`);
			const page = readPage(frame, formWidth);
			pages.push(page);
			if (page.below === 0) break;
			frame = await wizard.press(KEYS.pageDown);
		}
		const total = pages[0]!.lines.length + pages[0]!.below;
		assert.ok(pages.length > 1, 'the review is longer than the screen');
		for (const [index, page] of pages.entries())
			assert.equal(
				page.above + page.lines.length + page.below,
				total,
				`page ${index}: ${page.above} above + ${page.lines.length} drawn + ${page.below} below ≠ ${total}`,
			);
		const last = pages.at(-1)!;
		assert.equal(last.below, 0, 'PgDn reaches the end');
		assert.match(last.lines.join('\n'), /docker-credential-regauth\.$/, 'the last note is drawn whole');
		// The same lines, page after page, put together without a gap or a repeat at the seams.
		const seen = pages.flatMap(page => page.lines.map((line, offset) => [page.above + offset, line] as const));
		const byLine = new Map<number, string>();
		for (const [at, line] of seen) {
			if (byLine.has(at)) assert.equal(line, byLine.get(at), `line ${at} drawn differently on two pages`);
			byLine.set(at, line);
		}
		assert.equal(byLine.size, total, 'every line of the column was drawn');
		wizard.unmount();
	});
}
