// The review's problems (P1–P17), each as the user met it, driven with the exact chunks
// terminals send.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';

const oneRegistry = (): Answers => ({
	...defaultAnswers(),
	keychain: {kind: 'regauth'},
	credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}],
});
const rowsOf = (frame: string) => frame.split('\n').length;

test('P1: at 80×24 the first screen shows the registry list (≥ 5 entries) first, and an empty stacked preview takes one line', async () => {
	const wizard = await startWizard({columns: 80, rows: 24});
	let frame = wizard.frame();
	const entries = ['Docker Hub', 'Quay.io', 'GitHub (ghcr.io)', 'GitLab', 'Google Artifact Registry', 'Amazon ECR', 'Other registry…'];
	for (const entry of entries) assert.ok(frame.includes(entry), `${entry} is not on the 80×24 screen:\n${frame}`);
	assert.ok(frame.indexOf('Which registry?') < frame.indexOf('On this machine'), 'the list comes before the findings, so it never moves');
	assert.match(frame, /Preview: nothing to write yet; the files appear here \(Ctrl\+P\) as you answer/);
	assert.doesNotMatch(frame, /on the left/);
	assert.doesNotMatch(frame, /╭/, 'no empty preview box');
	frame = await wizard.press(KEYS.down, KEYS.down, KEYS.down);
	assert.match(frame, /❯ GitLab/, 'the highlighted entry stays on screen');
	assert.ok(rowsOf(frame) <= 23);
	// Once there is a file, the preview is one line until Ctrl+P gives it the screen.
	frame = await wizard.press(KEYS.enter);
	frame = await wizard.type('me');
	assert.match(frame, /^Preview ‹ 1\/\d+ › Docker config\.json · Ctrl\+P shows the files$/m);
	frame = await wizard.press(KEYS.ctrlP);
	assert.match(frame, /"auths"/);
	assert.doesNotMatch(frame, /Credentials for/);
	frame = await wizard.press(KEYS.ctrlP);
	assert.match(frame, /Credentials for gitlab|Credentials for registry\.gitlab\.com/);
	wizard.unmount();
});

test('P3: Ctrl+U clears the masked password and Ctrl+A/Ctrl+W insert nothing; Home/End move in the user name', async () => {
	const wizard = await startWizard();
	await wizard.type(KEYS.down + KEYS.enter); // Quay.io, on the user name
	let frame = await wizard.type(`someuser${KEYS.ctrlU}user${KEYS.home}X${KEYS.end}Y`);
	assert.match(frame, /Username\s+XuserY/);
	await wizard.press(KEYS.tab);
	frame = await wizard.type(`pass${KEYS.ctrlU}`);
	assert.match(frame, /paste or type it/, 'Ctrl+U left the field empty');
	frame = await wizard.type(`pass${KEYS.ctrlA}${KEYS.ctrlW}`);
	assert.match(frame, /● 4 characters typed/, 'Ctrl+A and Ctrl+W inserted letters into the secret');
	wizard.unmount();
});

test('P12: a 2048-character pasted token takes one line, with its length', async () => {
	const wizard = await startWizard({columns: 80, rows: 24});
	await wizard.type(`${KEYS.down + KEYS.enter}myorg+ci${KEYS.enter}`);
	const frame = await wizard.type(`${KEYS.pasteStart}${'x'.repeat(2048)}${KEYS.pasteEnd}`);
	assert.match(frame, /Password\/token\s+•{8} 2048 characters/);
	assert.doesNotMatch(frame, /•{9}/);
	assert.match(frame, /Email/, 'the fields below stay on screen');
	assert.ok(rowsOf(frame) <= 23);
	wizard.unmount();
});

test('P7: a pasted import path ending in a newline imports it; an Enter pressed during the credential check is kept', async () => {
	const services = fakeServices({
		readFile: async path =>
			path === 'robot.json'
				? {ok: true, text: readFileSync(new URL('../import/fixtures/myorg-robot-auth.json', import.meta.url), 'utf8')}
				: {ok: false, message: `Import file ${path}: no such file`},
	});
	const wizard = await startWizard({services});
	await wizard.type(KEYS.down + KEYS.enter + KEYS.up + KEYS.up); // Quay.io → the import row
	await wizard.type(`${KEYS.pasteStart}robot.json\n${KEYS.pasteEnd}`);
	const frame = await wizard.waitFor(/✓ Imported/);
	assert.match(frame, /Username\s+myorg\+robot/);
	wizard.unmount();

	let release: () => void = () => undefined;
	const slow = fakeServices({
		verify: credential =>
			new Promise(resolve => {
				release = () => resolve({status: 'verified', registry: credential.registry, message: 'accepted', advice: ''});
			}),
	});
	const typed = await startWizard({services: slow});
	await typed.type(`${KEYS.down}${KEYS.enter}user${KEYS.enter}pass${KEYS.enter}`);
	let checking = await typed.press(KEYS.enter); // on Email: the check starts
	assert.match(checking, /Checking the login/);
	checking = await typed.press(KEYS.enter); // meant for "Continue" on the list that follows
	release();
	const after = await typed.waitFor(/What should regauth configure\?/);
	assert.match(after, /step 2 of 6/);
	typed.unmount();
});

test('P5: after the keychain lookup the highlighted row is the one Enter opens', async () => {
	const services = fakeServices({
		rememberedCredentials: async () => ({ok: true, servers: {'127.0.0.1:5055': 'user'}}),
		recallCredential: async credential => ({ok: true, credential: {...credential, username: 'user', password: 'pw', fromKeychain: true}}),
	});
	const wizard = await startWizard({services});
	await wizard.press(KEYS.end); // ↺ Credentials remembered in the keychain…
	await wizard.press(KEYS.enter);
	const frame = await wizard.waitFor(/↺ 127\.0\.0\.1:5055 — user/);
	assert.match(frame, /❯ ↺ 127\.0\.0\.1:5055 — user/);
	await wizard.press(KEYS.enter);
	assert.match(await wizard.waitFor(/Credentials for 127\.0\.0\.1:5055/), /Username\s+user/);
	wizard.unmount();
});

test('P15: on the keychain step the preview follows the highlight before Enter', async () => {
	const wizard = await startWizard({answers: oneRegistry(), columns: 120, rows: 40});
	let frame = await wizard.press(KEYS.enter, KEYS.enter); // → targets → keychain
	assert.match(frame, /"quay\.io": "regauth"/);
	frame = await wizard.press(KEYS.end);
	assert.match(frame, /❯ Plain config\.json/);
	assert.match(frame, /"auth": "•+"/, 'the preview shows the plain entry before Enter');
	wizard.unmount();
});

test('after the wizard ends, a clean summary stays: what was written, backups, next steps and the headless command', async () => {
	const services = fakeServices({
		apply: async (_plan, _answers, _mode, callbacks) => {
			const item = {
				id: 'a',
				kind: 'file' as const,
				title: 'Docker config.json',
				status: 'done' as const,
				path: '/home/dev/.docker/config.json',
				detail: 'updated',
				backup: '/home/dev/.docker/config.json.regauth-1.bak',
			};
			callbacks.onItem(item);
			return {kind: 'done', result: {ok: true, items: [item]}};
		},
	});
	const wizard = await startWizard({services, answers: oneRegistry()});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter); // → targets → keychain → review → apply
	await wizard.waitFor(/Press Enter to finish/);
	const frame = await wizard.press(KEYS.enter);
	assert.equal(wizard.exitCode(), 0);
	assert.doesNotMatch(frame, /Press Enter to finish/, 'the last frame is not left behind');
	const text = wizard.report()?.text ?? '';
	assert.match(text, /regauth: done/);
	assert.match(text, /✓ Docker config\.json — updated\n {6}\/home\/dev\/\.docker\/config\.json/);
	assert.match(text, /Backups:\n {2}\/home\/dev\/\.docker\/config\.json\.regauth-1\.bak/);
	assert.match(text, /Next time, headless:\n {2}printf '%s' "\$PASSWORD" \| regauth --registry quay\.io/);
	wizard.unmount();
});

test('Ctrl+C before the apply step leaves "cancelled; nothing was written"', async () => {
	const wizard = await startWizard();
	await wizard.press(KEYS.ctrlC);
	assert.equal(wizard.exitCode(), 130);
	assert.match(wizard.report()?.text ?? '', /cancelled; nothing was written/);
	wizard.unmount();
});

test('P16: after a 401 the focus goes to the password', async () => {
	const services = fakeServices({
		verify: async credential => ({status: 'rejected', registry: credential.registry, message: 'rejected (HTTP 401)', advice: ''}),
	});
	const wizard = await startWizard({services, env: testEnvironment()});
	await wizard.type(`${KEYS.down}${KEYS.enter}user${KEYS.enter}pass${KEYS.enter}`);
	const frame = await wizard.press(KEYS.enter);
	assert.match(frame, /› Password\/token/);
	wizard.unmount();
});

test('P4: next steps name the Secret file as written (the real namespace folder), not a pattern', async () => {
	const services = fakeServices({
		apply: async (plan, _answers, _mode, callbacks) => {
			const items = plan.artifacts.map(artifact => ({
				id: artifact.id,
				kind: 'file' as const,
				title: artifact.title,
				status: 'done' as const,
				path: artifact.path,
				detail: 'created',
			}));
			for (const item of items) callbacks.onItem(item);
			return {kind: 'done', result: {ok: true, items}};
		},
	});
	const wizard = await startWizard({services, answers: {...oneRegistry(), targets: ['kubernetes']}});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.ctrlR); // → targets → options → (defaults) review
	await wizard.press(KEYS.enter);
	await wizard.waitFor(/Press Enter to finish/);
	await wizard.press(KEYS.enter);
	const text = wizard.report()?.text ?? '';
	assert.match(text, /kubectl apply -f \/work\/regauth\/kubernetes\/current-namespace\/regcred\.secret\.yaml/);
	assert.doesNotMatch(text, /<namespace>/);
	wizard.unmount();
});

test('P9: when kubectl’s contexts could not be read in time, the first screen says so and goes on (no "reading contexts…" forever)', async () => {
	const env = testEnvironment({programs: {kubectl: '/usr/bin/kubectl'}, kube: null});
	const wizard = await startWizard({env, columns: 120, rows: 40});
	// The left column only (the preview is beside it at 120 columns).
	const frame = wizard
		.frame()
		.split('\n')
		.map(line => line.split('│')[0])
		.join('\n');
	assert.match(frame, /its contexts\s+could not be read/);
	assert.doesNotMatch(frame, /reading contexts/);
	wizard.unmount();
});

test('P15: the preview follows the option being edited (the Butane version shows the Butane file)', async () => {
	const wizard = await startWizard({answers: {...oneRegistry(), targets: ['docker', 'butane']}, columns: 120, rows: 40});
	let frame = await wizard.press(KEYS.enter, KEYS.enter); // → targets → keychain
	frame = await wizard.press(KEYS.enter); // the keychain → options
	assert.match(frame, /› Butane version/);
	assert.match(frame, /‹ \d\/\d+ › Butane config/, 'the preview shows the file the option changes');
	wizard.unmount();
});
