// The wizard with a team profile (issue 22): Ctrl+O opens the registry's token page only when
// the user presses it, with the platform's opener and the address as one argument. The opener
// here is a STAND-IN: a shell script named xdg-open on PATH that records its argv (no browser
// can run on this machine); the code under test finds it, runs it through execa and reads its exit.
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {emptyPlan} from '../../source/plan-types.js';
import {keychainChoices, type StoreStatus} from '../../source/ui/choices.js';
import type {KeyContext} from '../../source/ui/keymap.js';
import {openUrl, urlProblem} from '../../source/ui/open-url.js';
import {optionFields, optionKey} from '../../source/ui/option-fields.js';
import {afterCredential, type WizardProfile} from '../../source/ui/profile-flow.js';
import {initialState, reducer, type WizardState} from '../../source/ui/state.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';
import {pressWith} from './support/press.js';

// `&` and `;` would be commands to a shell: they must arrive inside the one argument.
const TOKEN_URL = 'https://registry.team.example/tokens?new=1&scopes=read;pull';

const profile: WizardProfile = {
	shown: '.regauth.yaml',
	registries: [{host: 'registry.team.example', name: 'Team registry', 'token-url': TOKEN_URL, scopes: ['read']}],
	targetsFixed: true,
	required: false,
	optionsFixed: [],
	fixed: ['Targets: docker'],
};
const answers: Answers = {
	...defaultAnswers(),
	targets: ['docker'],
	keychain: {kind: 'file'},
	credentials: [{registry: 'registry.team.example', username: '', password: '', email: ''}],
};

/** A directory holding a stand-in `xdg-open` that writes its argument count and arguments to argv.txt. */
function standInOpener(exitCode = 0): {dir: string; argv: () => string[] | undefined} {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-opener-'));
	const record = join(dir, 'argv.txt');
	writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > '${record}'\nexit ${exitCode}\n`);
	chmodSync(join(dir, 'xdg-open'), 0o755);
	return {dir, argv: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').slice(0, -1) : undefined)};
}

test('Ctrl+O on a profile registry opens its token page with the opener, the address as one argument', async () => {
	const opener = standInOpener();
	const services = fakeServices({openUrl: url => openUrl(url, 'linux', {PATH: opener.dir, DISPLAY: ':0'})});
	const wizard = await startWizard({answers, profile, services, columns: 100, rows: 30});
	assert.match(wizard.frame(), /Create it at https:\/\/registry\.team\.example\/tokens.*\n.*Ctrl\+O opens that page in your browser/);
	assert.equal(opener.argv(), undefined, 'nothing runs before the key');
	await wizard.type('dev');
	assert.equal(opener.argv(), undefined, 'typing runs nothing');
	await wizard.press('\u000F');
	await wizard.waitFor(/✓ Opened https:\/\/registry\.team\.example\/tokens\?new=1&scopes=read;pull with xdg-open/);
	assert.deepEqual(opener.argv(), ['1', TOKEN_URL]);
	// The key is not text: the user name is as typed.
	assert.match(wizard.frame(), /Username\s+dev\b/);
	wizard.unmount();
});

test('with no opener the wizard says so and shows the address to copy', async () => {
	const empty = mkdtempSync(join(tmpdir(), 'regauth-no-opener-'));
	const services = fakeServices({openUrl: url => openUrl(url, 'linux', {PATH: empty, DISPLAY: ':0'})});
	const wizard = await startWizard({answers, profile, services, columns: 100, rows: 30});
	await wizard.press('\u000F');
	await wizard.waitFor(/No program here opens web pages \(looked for xdg-open\): copy the address/);
	assert.ok(wizard.frame().includes(TOKEN_URL));
	wizard.unmount();
	// No desktop session: xdg-open would start a text browser in this terminal, so it is not tried.
	const opener = standInOpener();
	const headless = await openUrl(TOKEN_URL, 'linux', {PATH: opener.dir});
	assert.equal(headless.ok, false);
	assert.match(headless.message, /no desktop session for xdg-open\): copy the address https:/);
	assert.equal(opener.argv(), undefined);
});

test('only https addresses are opened; a failing opener is reported', async () => {
	const opener = standInOpener(3);
	for (const url of ['http://registry.team.example/tokens', 'file:///etc/passwd', 'javascript:alert(1)', 'https://a.example/x y']) {
		assert.ok(urlProblem(url), url);
		const outcome = await openUrl(url, 'linux', {PATH: opener.dir, DISPLAY: ':0'});
		assert.equal(outcome.ok, false, url);
	}
	assert.equal(opener.argv(), undefined, 'the opener never ran for those');
	const failed = await openUrl(TOKEN_URL, 'linux', {PATH: opener.dir, DISPLAY: ':0'});
	assert.deepEqual(failed, {ok: false, message: `xdg-open could not open it (exit 3): copy the address ${TOKEN_URL}`});
});

test('without a token page (or without a profile) Ctrl+O does nothing', async () => {
	let opened = 0;
	const services = fakeServices({
		openUrl: async () => {
			opened++;
			return {ok: true, message: '✓ opened'};
		},
	});
	const bare: WizardProfile = {...profile, registries: [{host: 'registry.team.example'}]};
	const wizard = await startWizard({answers, profile: bare, services, columns: 100, rows: 30});
	await wizard.press('\u000F');
	assert.equal(opened, 0);
	assert.doesNotMatch(wizard.frame(), /Ctrl\+O/);
	wizard.unmount();
});

// ── keychain.stores and the options the profile leaves open (issue 22: "keys must mean what they say") ──

const machine = emptyEnvironment({
	home: '/home/dev',
	cwd: '/work',
	helpers: ['secretservice', 'pass'],
	programs: {pass: '/usr/bin/pass'},
	regauthHelper: {node: 'node', script: '/x.js', npx: false},
});
const allWork: StoreStatus = {
	regauth: {helper: 'regauth', ok: true},
	secretservice: {helper: 'secretservice', ok: true},
	pass: {helper: 'pass', ok: true},
};
const keyCtx: KeyContext = {plan: emptyPlan(), env: machine, stores: allWork, previewLength: () => 0, previewPage: 10, leftMax: 0, leftPage: 10};

const pressKeys = (state: WizardState, raw: string) => pressWith(keyCtx, state, raw);

test('keychain.stores under policy required: the wizard offers and accepts only those stores, as headless does', () => {
	const team: WizardProfile = {...profile, required: true, stores: ['pass'], store: 'pass'};
	const filled: Answers = {
		...answers,
		keychain: {kind: 'helper', name: 'pass'},
		credentials: [{registry: 'registry.team.example', username: 'dev', password: 'tok', email: ''}],
	};
	// The pass check failed once, so the wizard showed the keychain step (use-wizard-effects' keychain effect).
	let state = reducer(initialState(filled, team), {type: 'next', step: 'keychain', field: 0});
	const items = keychainChoices(machine, allWork, team);
	const row = (pattern: RegExp) => items.findIndex(item => pattern.test(item.label));
	for (const refused of [/OS keychain \(regauth\)/, /Secret Service/, /Plain config\.json/]) {
		const at = row(refused);
		assert.ok(at >= 0, String(refused));
		assert.equal(items[at]!.status, 'not allowed by the team', String(refused));
		// Moving onto it does not make it the answer (the preview keeps pass)…
		state = reducer(state, {type: 'field', field: at === 0 ? 1 : 0});
		const moved = pressKeys(state, at === 0 ? '\x1b[H' : '\x1b[F');
		assert.equal(moved.state.field, at === 0 ? 0 : items.length - 1);
		assert.deepEqual(moved.state.answers.keychain, {kind: 'helper', name: 'pass'}, String(refused));
		// …and Enter says why instead of choosing it.
		const entered = pressKeys(reducer(state, {type: 'field', field: at}), '\r');
		assert.equal(entered.effects.length, 0, String(refused));
		assert.match(
			entered.state.keychain.problem ?? '',
			/The team profile \.regauth\.yaml (allows only the keychain store pass \(keychain\.stores\)|requires a keychain).*Choose pass/,
		);
	}
	const pass = row(/pass helper/);
	assert.equal(items[pass]!.status, undefined);
	assert.deepEqual(pressKeys(reducer(state, {type: 'field', field: pass}), '\r').effects, [
		{type: 'effect', effect: {kind: 'keychain', choice: {kind: 'helper', name: 'pass'}}},
	]);
	// Policy preferred: stores is an order of preference, nothing is refused (headless refuses nothing either).
	assert.ok(!keychainChoices(machine, allWork, {...team, required: false}).some(item => item.disabled));
});

test('with a profile, the review comes after the token; Esc from it reaches the options it does not set, never the ones it sets', async () => {
	const k8s: WizardProfile = {...profile, optionsFixed: ['kubernetes:kubernetes.namespaces']};
	const start: Answers = {...answers, targets: ['kubernetes'], kubernetes: {...answers.kubernetes, namespaces: ['web', 'jobs']}};
	const wizard = await startWizard({answers: start, profile: k8s, columns: 120, rows: 40});
	await wizard.type('dev');
	await wizard.press(KEYS.enter);
	await wizard.type('token');
	await wizard.press(KEYS.enter, KEYS.enter);
	await wizard.waitFor(/Review/);
	const frame = await wizard.press(KEYS.escape);
	assert.match(frame, /Secret name/);
	assert.doesNotMatch(frame, /Namespaces\s/, 'the namespaces come from the profile: not asked');
	wizard.unmount();
	// Every option set by the profile: straight to the review, and Esc from it skips the empty options step.
	const fields = optionFields(start, testEnvironment()).map(optionKey);
	const all = await startWizard({answers: start, profile: {...k8s, optionsFixed: fields}, columns: 120, rows: 40});
	await all.type('dev');
	await all.press(KEYS.enter);
	await all.type('token');
	await all.press(KEYS.enter, KEYS.enter);
	await all.waitFor(/Review/);
	assert.doesNotMatch(await all.press(KEYS.escape), /step \d of \d · Options/);
	all.unmount();
});

test('the profile’s store known broken here: the keychain step opens on it, so its row says why', () => {
	const team: WizardProfile = {...profile, required: true, stores: ['pass'], store: 'pass'};
	const noPass: StoreStatus = {
		...allWork,
		pass: {helper: 'pass', ok: false, problem: {code: 'no-session-bus', message: 'pass is not initialised', advice: [], detail: ''}},
	};
	const filled: Answers = {
		...answers,
		keychain: {kind: 'helper', name: 'pass'},
		credentials: [{registry: 'registry.team.example', username: 'dev', password: 'tok', email: ''}],
	};
	const state = initialState(filled, team);
	const [next] = afterCredential(state, machine, noPass);
	const items = keychainChoices(machine, noPass, team);
	assert.equal(next?.type, 'next');
	const field = next?.type === 'next' ? (next.field ?? -1) : -1;
	assert.match(items[field]?.label ?? '', /pass helper/);
	assert.equal(items[field]?.status, 'does not work here');
	assert.match(items[field]?.hint ?? '', /pass is not initialised/);
	// Its fix never advises a store the profile refuses.
	assert.doesNotMatch(items[field]?.problem ?? '', /OS keychain|Secret Service|Plain config/);
	assert.match(keychainChoices(machine, noPass)[field]?.problem ?? '', /Or choose “OS keychain \(regauth\)”/, 'without the profile it does');
});
