// The key map and reducer for the keychain set-up on the keychain step and for the client
// certificate on the credentials step, without rendering.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import type {KeychainStatus} from '../../source/keychain-status.js';
import {emptyPlan} from '../../source/plan-types.js';
import {defaultKeychainIndex, keychainChoices, type StoreStatus} from '../../source/ui/choices.js';
import {CERT_ROW, KEY_ROW} from '../../source/ui/client-cert-fields.js';
import {IMPORT_ROW} from '../../source/ui/credential-fields.js';
import type {KeyContext} from '../../source/ui/keymap.js';
import {initialState, type SetupState, type WizardState} from '../../source/ui/state.js';
import {pressWith} from './support/press.js';

const env = emptyEnvironment({home: '/home/dev', cwd: '/work', helpers: ['secretservice', 'pass'], programs: {pass: '/usr/bin/pass'}});
const broken = (helper: string): KeychainStatus => ({
	helper,
	ok: false,
	problem: {code: 'no-session-bus', message: `${helper} cannot be reached`, advice: [], detail: ''},
});
const noneWork: StoreStatus = {secretservice: broken('secretservice'), pass: broken('pass')};

const ctx = (stores: StoreStatus | undefined = noneWork): KeyContext => ({
	plan: emptyPlan(),
	env,
	stores,
	previewLength: () => 0,
	previewPage: 10,
	leftMax: 0,
	leftPage: 10,
});

/** Press raw keys: each decoded key's commands applied to the state (effects collected). */
const press = (state: WizardState, raw: string, context = ctx()) => pressWith(context, state, raw);

const onKeychain = (): WizardState => ({...initialState(defaultAnswers()), step: 'keychain'});
const inSetup = (setup: Partial<SetupState>): WizardState => ({
	...onKeychain(),
	setup: {phase: 'ask', lines: [], secret: '', again: '', entry: 0, ...setup},
});

test('keychain list: the set-up entry only when no store that keeps the secret off disk works', () => {
	const labels = (stores: StoreStatus | undefined) => keychainChoices(env, stores).map(item => item.label);
	assert.ok(labels(noneWork).some(label => label.startsWith('⚙ Set up a keychain here: pass, own GPG key')));
	assert.ok(!labels(undefined).some(label => label.includes('Set up a keychain')), 'stores not checked: no entry');
	assert.ok(!labels({secretservice: broken('secretservice')}).some(label => label.includes('Set up')), 'pass still being checked: no entry yet');
	assert.ok(!labels({...noneWork, pass: {helper: 'pass', ok: true}}).some(label => label.includes('Set up')), 'pass works: no entry');
	// The default highlight is a store that works (plain config.json), never the entry.
	const items = keychainChoices(env, noneWork);
	assert.equal(items[defaultKeychainIndex(items, {kind: 'regauth'})]!.label, 'Plain config.json');
});

test('keychain list: Enter on the set-up entry starts the set-up; moving onto it leaves the answer alone', () => {
	const items = keychainChoices(env, noneWork);
	const entry = items.findIndex(item => item.setup);
	const start = {...onKeychain(), answers: {...defaultAnswers(), keychain: {kind: 'helper' as const, name: 'pass'}}};
	let {state, effects} = press(start, '\x1b[F');
	assert.equal(state.field, entry, 'End reaches the entry (appended last)');
	assert.deepEqual(state.answers.keychain, {kind: 'helper', name: 'pass'}, 'the entry is not a store: the answer stays');
	({state, effects} = press(state, '\r'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'keychainSetup'}}]);
});

test('set-up confirmation: Enter goes on, Esc says no (and is not "back one step")', () => {
	const confirm = inSetup({phase: 'confirm', question: 'Set up pass?', details: 'Setting up pass will:'});
	let {state, effects} = press(confirm, '\r');
	assert.equal(state.setup?.phase, 'running');
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'setupReply', answer: true}}]);
	({state, effects} = press(confirm, '\x1b'));
	assert.equal(state.step, 'keychain');
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'setupReply', answer: false}}]);
});

test('set-up passphrase: masked entry edited like a field, twice, empty and differing entries refused', () => {
	let {state, effects} = press(inSetup({twice: true}), '\r');
	assert.match(state.setup?.error ?? '', /empty/);
	assert.deepEqual(effects, []);
	({state} = press(state, 'secrex\x7ft?'));
	assert.equal(state.setup?.secret, 'secret?', 'Backspace edits; "?" is text here, not the help');
	assert.equal(state.help, false);
	({state} = press(state, '\r'));
	assert.equal(state.setup?.entry, 1);
	({state, effects} = press(state, 'other\r'));
	assert.match(state.setup?.error ?? '', /differ/);
	assert.equal(state.setup?.secret, '', 'both entries cleared after a mismatch');
	assert.equal(state.setup?.entry, 0);
	({state, effects} = press(state, 'secret?\rsecret?\r'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'setupReply', answer: 'secret?'}}]);
	assert.equal(state.setup?.phase, 'running');
	assert.equal(state.setup?.secret, '', 'the secret leaves the state as it goes to the set-up');
	assert.equal(state.setup?.again, '');
	// A single entry (an existing key's passphrase) goes at once; Esc stops.
	({effects} = press(inSetup({twice: false}), 'pw\r'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'setupReply', answer: 'pw'}}]);
	({effects} = press(inSetup({twice: false}), '\x1b'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'setupReply', answer: null}}]);
});

test('set-up running ignores keys; failed: Enter tries again, Esc back to the list; leaving the step drops it', () => {
	assert.deepEqual(press(inSetup({phase: 'running'}), '\r\x1bx').effects, []);
	assert.equal(press(inSetup({phase: 'running'}), '\x1b').state.step, 'keychain');
	let {state, effects} = press(inSetup({phase: 'failed', message: 'pass needs gpg'}), '\r');
	assert.equal(state.setup, undefined);
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'keychainSetup'}}]);
	({state} = press(inSetup({phase: 'failed'}), '\x1b'));
	assert.equal(state.setup, undefined);
	assert.equal(state.step, 'keychain');
	// Done: the list has the keys again (Esc is one step back, and the summary goes with the step).
	({state} = press(inSetup({phase: 'done', message: '✓ works'}), '\x1b'));
	assert.equal(state.setup, undefined);
	assert.notEqual(state.step, 'keychain');
});

test('credentials: the client certificate rows appear once the registry asks, in drawing order, and Enter on the key checks the pair', () => {
	const credential = {registry: 'registry.example.com', username: 'u', password: 'p', email: ''};
	const base: WizardState = {...initialState({...defaultAnswers(), credentials: [credential]}), step: 'credentials', field: 3};
	// No certificate asked for: Email → Import file, as before.
	assert.equal(press(base, '\t').state.field, IMPORT_ROW);
	const asked: WizardState = {
		...base,
		checks: [{...credential, result: {status: 'tls', registry: credential.registry, message: 'wants one', advice: '', clientCertificate: 'required'}}],
	};
	let {state, effects} = press(asked, '\t');
	assert.equal(state.field, CERT_ROW, 'Email → Client cert (drawn right under the check)');
	({state} = press(state, 'certs/me.cert'));
	assert.equal(state.clientCert.certFile, 'certs/me.cert');
	({state} = press(state, '\r'));
	assert.equal(state.field, KEY_ROW, 'Enter on the certificate goes to its key');
	({state} = press(state, 'me.kez\x7fy'));
	assert.equal(state.clientCert.keyFile, 'me.key');
	({state, effects} = press(state, '\r'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'clientCert', credential}}]);
	assert.equal(press(state, '\t').state.field, IMPORT_ROW, 'Client key → Import file');
	assert.equal(press(state, '\x1b[A\x1b[A').state.field, 3, '↑ from the key: certificate, then Email');
	// Ctrl+U clears the row (both empty + Enter: the checks present none again).
	assert.equal(press({...state, field: KEY_ROW}, '\x15').state.clientCert.keyFile, '');
});
