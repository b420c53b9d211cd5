// The frame never exceeds the terminal (Ink would clear the screen every render): preview
// beside the form from 110 columns, below it otherwise, re-laid out on resize.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {KEYS, startWizard} from './support/ink.js';

const answers = {
	...defaultAnswers(),
	keychain: {kind: 'regauth' as const},
	targets: ['docker' as const, 'kubernetes' as const],
	credentials: [
		{registry: 'quay.io', username: 'org+bot', password: 'p4ss', email: ''},
		{registry: 'ghcr.io', username: 'octo', password: 'tok', email: ''},
	],
};
answers.kubernetes.namespaces = Array.from({length: 12}, (_, index) => `ns${index}`);

const height = (frame: string) => frame.split('\n').length;

test('every step fits the terminal, narrow and wide, and the preview moves beside the form at 110 columns', async () => {
	for (const [columns, rows] of [
		[80, 24],
		[100, 30],
		[120, 40],
		[160, 20],
	] as const) {
		const wizard = await startWizard({answers, columns, rows});
		// Enter through start, registry, targets, keychain and every option field to the review.
		let frame = wizard.frame();
		for (let presses = 0; presses < 14 && !/Review/.test(frame); presses++) {
			assert.ok(height(frame) <= rows - 1, `${columns}×${rows}: frame of ${height(frame)} lines:\n${frame}`);
			for (const line of frame.split('\n')) assert.ok(line.length <= columns, `${columns}×${rows}: line too wide: ${line}`);
			frame = await wizard.press(KEYS.enter);
		}
		assert.ok(height(frame) <= rows - 1, `${columns}×${rows}: review frame of ${height(frame)} lines:\n${frame}`);
		const review = wizard.frame();
		assert.match(review, /Review/);
		// The preview follows the options, so it may show any file by now.
		const previewLine = review.split('\n').find(line => /‹ \d+\//.test(line));
		assert.ok(previewLine, review);
		if (columns >= 110) assert.match(previewLine, /\S.*‹ \d+\//, 'the preview shares its lines with the form');
		else if (rows < 30) assert.match(previewLine, /^Preview ‹ \d+\/\d+ › .* · Ctrl\+P shows the files/, 'short and stacked: the preview is one line');
		else assert.match(previewLine, /^│ ‹ \d+\//, 'the preview is below the form');
		wizard.unmount();
	}
});

test('a resize re-lays out the frame', async () => {
	const wizard = await startWizard({answers, columns: 140, rows: 40});
	assert.ok(
		wizard
			.frame()
			.split('\n')
			.some(line => /Which registry\?.*[│╭]/.test(line)),
		'wide: form and preview on the same lines',
	);
	const frame = await wizard.resize(90, 20);
	assert.ok(height(frame) <= 19, frame);
	assert.ok(!frame.split('\n').some(line => /Which registry\?.*[│╭]/.test(line)));
	const tiny = await wizard.resize(40, 10);
	assert.match(tiny, /needs at\s+least 60×20/);
	wizard.unmount();
});

test('the preview scrolls with PgDn while the form keeps focus, and switches files when focused', async () => {
	const wizard = await startWizard({answers, columns: 100, rows: 30});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.tab, KEYS.right);
	let frame = wizard.frame();
	assert.match(frame, /‹ 2\/\d+ › Secret regcred in ns0/);
	frame = await wizard.press(KEYS.pageDown);
	assert.match(frame, /lines [2-9]\d*–/);
	wizard.unmount();
});

test('with every target chosen, the focused option is always on screen, even at 80×24', async () => {
	const all = {...answers, targets: ['docker' as const, 'kubernetes' as const, 'podman' as const, 'butane' as const, 'rkt' as const, 'mesos' as const]};
	for (const [columns, rows] of [
		[80, 24],
		[100, 30],
	] as const) {
		const wizard = await startWizard({answers: all, columns, rows});
		let frame = await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter); // → options
		assert.match(frame, /Options/);
		for (let field = 0; field < 16 && !/Review/.test(frame); field++) {
			assert.match(frame, /^ ?› /m, `${columns}×${rows}: no focused field on screen:\n${frame}`);
			assert.ok(height(frame) <= rows - 1);
			frame = await wizard.press(KEYS.enter);
		}
		assert.match(frame, /Review/);
		assert.ok(height(frame) <= rows - 1);
		assert.match(frame, /more lines below \(PgDn\)|Next time, headless/);
		assert.doesNotMatch(frame, /taller terminal/);
		// Every line of the review is reachable: PgDn down to the headless command.
		for (let page = 0; page < 40 && !/Next time, headless/.test(frame); page++) frame = await wizard.press(KEYS.pageDown);
		assert.match(frame, /Next time, headless/);
		assert.ok(height(frame) <= rows - 1);
		wizard.unmount();
	}
});

test('a one-line file (the Ignition JSON) is wrapped in the preview, not cut off at its edge', async () => {
	const flatcar = {...answers, targets: ['butane' as const], credentials: answers.credentials.slice(0, 1)};
	const wizard = await startWizard({answers: flatcar, columns: 100, rows: 40});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.ctrlP, KEYS.right); // → options, the preview on the Ignition file
	let frame = wizard.frame();
	assert.match(frame, /Ignition config/);
	assert.match(frame, /↪ /, 'continuation lines');
	assert.ok(
		!/…\s*│/.test(
			frame
				.split('\n')
				.filter(line => line.includes('"ignition"'))
				.join('\n'),
		),
		'not truncated with an ellipsis',
	);
	frame = await wizard.press(KEYS.pageDown);
	assert.match(frame, /lines \d+–\d+ of \d+/);
	wizard.unmount();
});
