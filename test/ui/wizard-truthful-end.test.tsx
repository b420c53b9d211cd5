// P4: after the apply, what the wizard says happened is what happened, and the commands it
// suggests run from where the user is.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import type {ItemResult} from '../../source/apply/apply.js';
import {fakeServices, KEYS, startWizard} from './support/ink.js';

const answers = (): Answers => ({
	...defaultAnswers(),
	keychain: {kind: 'file'},
	credentials: [{registry: '127.0.0.1:5055', username: 'u', password: 'p', email: ''}],
});

/** Plain config.json (confirmed) → review; then the action `moves` down and Enter. */
async function applyWith(services: ReturnType<typeof fakeServices>, moves: number, self?: string) {
	const wizard = await startWizard({services, answers: answers(), columns: 120, rows: 40, ...(self ? {self} : {})});
	await wizard.press(KEYS.enter, KEYS.enter); // → targets → keychain
	await wizard.press(KEYS.end, KEYS.enter, KEYS.enter); // plain config.json, confirmed → review
	for (let index = 0; index < moves; index++) await wizard.press(KEYS.down);
	await wizard.press(KEYS.enter);
	await wizard.waitFor(/Press Enter to finish/);
	await wizard.press(KEYS.enter);
	return wizard.report()?.text ?? '';
}

test('P4: after a failed docker login, Next does not say the pull works with the new login', async () => {
	const services = fakeServices({
		apply: async (plan, _answers, mode, callbacks) => {
			const items: ItemResult[] = plan.modes[mode].commands.map(id => ({
				id,
				kind: 'command' as const,
				title: 'docker login 127.0.0.1:5055',
				status: 'failed' as const,
				detail: 'docker exited with 1: Error saving credentials',
			}));
			for (const item of items) callbacks.onItem(item);
			return {kind: 'done', result: {ok: false, items}};
		},
	});
	const text = await applyWith(services, 1); // Run the commands
	assert.match(text, /finished with a failure/);
	assert.doesNotMatch(text, /pulls with the new login/);
});

test('P4: after a written config, Next names docker pull and undo as the user ran regauth (npx, a checkout)', async () => {
	const services = fakeServices({
		apply: async (plan, _answers, mode, callbacks) => {
			const items: ItemResult[] = plan.modes[mode].artifacts.map(id => ({
				id,
				kind: 'file' as const,
				title: id,
				status: 'done' as const,
				path: '/home/dev/.docker/config.json',
			}));
			for (const item of items) callbacks.onItem(item);
			return {kind: 'done', result: {ok: true, items}};
		},
	});
	let text = await applyWith(services, 0, 'npx regauth');
	assert.match(text, /pulls with the new login/);
	assert.match(text, /^ {2}npx regauth undo/m);
	text = await applyWith(services, 0, 'node dist/cli.js');
	assert.match(text, /^ {2}node dist\/cli\.js undo/m);
});

test('P15: the Secret preview is the file; the decoded .dockerconfigjson is a caption after it, marked as not in the file', async () => {
	const wizard = await startWizard({answers: {...answers(), targets: ['kubernetes']}, columns: 120, rows: 40});
	await wizard.waitFor(/Secret regcred/);
	const frame = await wizard.press(KEYS.ctrlP);
	const body = frame.split('\n').map(line => line.split('│')[3] ?? line.split('│')[1] ?? '');
	const type = body.findIndex(line => /type: kubernetes\.io\/dockerconfigjson/.test(line));
	assert.ok(type !== -1, frame);
	assert.doesNotMatch(frame, /# \.dockerconfigjson decoded/, 'no comment line the file does not hold');
	assert.match(frame, /ⓘ not in the file: \.dockerconfigjson decoded:/);
	assert.match(body[type + 1] ?? '', /^\s*$/, 'a blank line separates the caption from the file');
});
