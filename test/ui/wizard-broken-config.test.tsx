// P10: a config.json regauth cannot merge into is dealt with on the first screen — leave that
// target out, or fix the file elsewhere and check it again — without retyping anything.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {KEYS, startWizard, testEnvironment} from './support/ink.js';

const config = '/home/dev/.docker/config.json';
const broken = testEnvironment({files: {[config]: {exists: true, mode: 0o600, text: '{"auths": {\n  "ghcr.io": {"auth": "eDp5"},\n}\n'}}});
const fixed = testEnvironment({files: {[config]: {exists: true, mode: 0o600, text: '{"auths": {"ghcr.io": {"auth": "eDp5"}}}\n'}}});
const typed = (): Answers => ({
	...defaultAnswers(),
	keychain: {kind: 'file'},
	targets: ['docker', 'kubernetes'],
	credentials: [{registry: 'quay.io', username: 'typed-user', password: 'typed-secret', email: ''}],
});

test('P10: the first screen offers to check a malformed config.json again; once fixed, the same answers go on', async () => {
	let machine = broken;
	const wizard = await startWizard({env: broken, answers: typed(), reread: () => machine, columns: 120, rows: 40});
	let frame = await wizard.waitFor(/Check \/home\/dev\/\.docker\/config\.json again/);
	assert.match(frame, /\/home\/dev\/\.docker\/config\.json is not valid JSON/);
	assert.match(frame, /Leave Docker out/);
	// Still broken: said so, nothing else changes.
	frame = await wizard.press(KEYS.end, KEYS.up); // the "check again" row
	frame = await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Still not usable/);
	// Fixed in another window: checked again, the rows go away and the typed answers are all there.
	machine = fixed;
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Checked again: the file reads fine now/);
	assert.doesNotMatch(frame, /Leave Docker out|Check .* again/);
	assert.match(frame, /✎ quay\.io — typed-user/);
	await wizard.press(KEYS.home, KEYS.enter); // Continue → targets
	frame = await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter); // → keychain (plain, confirmed) → options
	frame = await wizard.press(KEYS.ctrlR);
	assert.match(frame, /Review/);
	assert.doesNotMatch(frame, /cannot apply/);
	wizard.unmount();
});

test('P10: leaving Docker out on the first screen: its file is not planned, the other targets are', async () => {
	const wizard = await startWizard({env: broken, answers: typed(), columns: 120, rows: 40});
	await wizard.waitFor(/Leave Docker out/);
	let frame = await wizard.press(KEYS.end, KEYS.enter);
	assert.match(frame, /Docker left out: its file stays as it is/);
	assert.doesNotMatch(frame, /Leave Docker out/);
	assert.doesNotMatch(frame, /Docker config\.json \((refused|merge)\)/, 'the preview no longer plans the broken file');
	await wizard.press(KEYS.home, KEYS.enter); // Continue → targets
	frame = await wizard.press(KEYS.enter); // kubernetes only: no keychain step → options
	frame = await wizard.press(KEYS.ctrlR);
	assert.match(frame, /Review/);
	assert.doesNotMatch(frame, /cannot apply/);
	assert.doesNotMatch(frame, /\.docker\/config\.json/);
	wizard.unmount();
});
