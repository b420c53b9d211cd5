// Text regauth did not write — registry keys and user names from files, kubectl's context
// names, a registry's error message, command output — is drawn through terminalText: an ESC
// in it is shown as \u001B, never sent to the terminal (docs/terminal-text.md).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';

const ESC = '\u001B';
// OSC 0 retitles the window; a bidi override reverses what follows.
const HOSTILE_KEY = `evil.io${ESC}]0;pwned\u0007`;
const config = '/home/dev/.docker/config.json';
const hostileConfig = JSON.stringify({auths: {[HOSTILE_KEY]: {auth: 'eDp5'}}});
const noRawEscape = (frame: string) =>
	assert.ok(!frame.includes(`${ESC}]`) && !frame.includes('\u202E'), `a raw control sequence reached the screen:\n${JSON.stringify(frame)}`);

test('the start screen shows a hostile registry key and kubectl context as escapes', async () => {
	const env = testEnvironment({
		files: {[config]: {exists: true, mode: 0o600, text: hostileConfig}},
		programs: {kubectl: '/usr/bin/kubectl'},
		kube: {contexts: ['prod'], current: `prod\u202Eexe.txt`},
	});
	const wizard = await startWizard({env, columns: 120, rows: 40});
	const frame = wizard.frame();
	noRawEscape(frame);
	assert.match(frame, /evil\.io\\u001B\]0;pwned\\u0007/);
	assert.match(frame, /prod\\u202Eexe\.txt/);
	wizard.unmount();
});

test('the preview of a merge (and its diff against the file on disk) shows another registry’s hostile key as an escape', async () => {
	// JSON.stringify escapes an ESC itself; a bidi override it leaves raw.
	const env = testEnvironment({files: {[config]: {exists: true, mode: 0o600, text: JSON.stringify({auths: {'evil.io\u202Eexe': {auth: 'eDp5'}}})}}});
	const answers: Answers = {...defaultAnswers(), keychain: {kind: 'file'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
	const wizard = await startWizard({env, answers, columns: 120, rows: 40});
	await wizard.waitFor(/‹ 1\/1 › Docker config\.json/);
	let frame = await wizard.press(KEYS.ctrlP);
	noRawEscape(frame);
	assert.match(frame, /│ -{"auths":{"evil\.io\\u202Eexe/, 'the file on disk, in the diff');
	frame = await wizard.press('d'); // the whole file instead of the diff
	noRawEscape(frame);
	assert.match(frame, /evil\.io\\u202Eexe/);
	wizard.unmount();
});

test('a registry’s error message with control characters is drawn as escapes', async () => {
	const services = fakeServices({
		verify: async credential => ({
			status: 'unexpected',
			registry: credential.registry,
			message: `HTTP 500: ${ESC}]52;c;Y2xpcA==${ESC}\\`,
			advice: 'Ask the registry.',
		}),
	});
	const wizard = await startWizard({services, columns: 120, rows: 40});
	await wizard.press(KEYS.down, KEYS.enter);
	await wizard.type('user');
	await wizard.press(KEYS.enter);
	await wizard.type('pass');
	await wizard.press(KEYS.enter, KEYS.enter);
	const frame = await wizard.waitFor(/HTTP 500/);
	noRawEscape(frame);
	assert.match(frame, /HTTP 500: \\u001B\]52;c;/);
	wizard.unmount();
});

test('command output and an item’s error during apply are drawn as escapes, and the summary left in the terminal too', async () => {
	const services = fakeServices({
		apply: async (plan, _answers, _mode, callbacks) => {
			callbacks.onOutput('c1', `Error from server: ${ESC}]0;owned\u0007`);
			const item = {
				id: plan.artifacts[0]!.id,
				kind: 'file' as const,
				title: 'Docker config.json',
				status: 'failed' as const,
				detail: `denied ${ESC}]0;x\u0007`,
			};
			callbacks.onItem(item);
			return {kind: 'done', result: {ok: false, items: [item]}};
		},
	});
	const answers: Answers = {...defaultAnswers(), keychain: {kind: 'file'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
	const wizard = await startWizard({services, answers, columns: 120, rows: 40});
	await wizard.press(KEYS.enter, KEYS.enter); // → targets → keychain
	await wizard.press(KEYS.end, KEYS.enter, KEYS.enter); // plain config.json, confirmed → review
	await wizard.press(KEYS.enter);
	const frame = await wizard.waitFor(/Finished with a failure/);
	noRawEscape(frame);
	assert.match(frame, /denied \\u001B\]0;x\\u0007/);
	assert.ok(
		wizard.frames().every(each => !each.includes(`${ESC}]`)),
		'no frame ever held the raw sequence (the output log included)',
	);
	await wizard.press(KEYS.enter);
	noRawEscape(wizard.report()?.text ?? '');
	wizard.unmount();
});

test('masked preview: another registry’s auth on disk is masked on the diff’s on-disk side too; r shows it', async () => {
	const other = 'Z2hjcjpzM2NyZXQtb24tZGlzaw==';
	const env = testEnvironment({files: {[config]: {exists: true, mode: 0o600, text: JSON.stringify({auths: {'ghcr.io': {auth: other}}}, null, '\t')}}});
	const answers: Answers = {...defaultAnswers(), keychain: {kind: 'file'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
	const wizard = await startWizard({env, answers, columns: 120, rows: 40});
	await wizard.waitFor(/‹ 1\/1 › Docker config\.json/);
	let frame = await wizard.press(KEYS.ctrlP);
	assert.match(frame, /--- \/home\/dev\/\.docker\/config\.json \(on disk\)/);
	assert.ok(!frame.includes(other), `the on-disk auth shows in clear while masked:\n${frame}`);
	frame = await wizard.press('r');
	assert.match(frame, /SECRETS SHOWN/);
	assert.ok(frame.includes(other));
	wizard.unmount();
});

test('F10: Ctrl+C while the preview shows a revealed secret clears it from the screen before the wizard ends', async () => {
	const answers: Answers = {
		...defaultAnswers(),
		keychain: {kind: 'file'},
		credentials: [{registry: 'quay.io', username: 'u', password: 'hunter2-revealed', email: ''}],
	};
	const wizard = await startWizard({answers, columns: 120, rows: 40});
	await wizard.waitFor(/‹ 1\/1 › Docker config\.json/);
	await wizard.press(KEYS.ctrlP);
	const revealed = await wizard.press('r');
	const auth = Buffer.from('u:hunter2-revealed').toString('base64');
	assert.ok(revealed.includes(auth), revealed);
	await wizard.press(KEYS.ctrlC);
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(wizard.exitCode(), 130);
	const last = wizard.frames().at(-1) ?? '';
	assert.ok(!last.includes(auth), `the last frame left in the terminal still shows the secret:\n${last}`);
	wizard.unmount();
});
