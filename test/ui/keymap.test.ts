// The key map and the reducer, without rendering: which key does what on each step, from the
// state the user sees.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import type {KeychainProblem} from '../../source/keychain/diagnose.js';
import {keychainChoices, registryChoices} from '../../source/ui/choices.js';
import {previousStep} from '../../source/ui/flow.js';
import type {KeyContext} from '../../source/ui/keymap.js';
import {initialState, reducer, type WizardState} from '../../source/ui/state.js';
import {keyContext, pressWith} from './support/press.js';

const env = emptyEnvironment({home: '/home/dev', cwd: '/work', helpers: ['secretservice', 'pass']});
const ctx = (overrides: Partial<KeyContext> = {}): KeyContext => keyContext(env, overrides);

/** Press raw keys: each decoded key's commands applied to the state (effects collected). */
const press = (state: WizardState, raw: string, context = ctx()) => pressWith(context, state, raw);

const withCredential = (): Answers => ({...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]});

test('registry list: Home/End and type-ahead pick the item, and Enter opens exactly the highlighted one', () => {
	let {state} = press(initialState(defaultAnswers()), '\x1b[F');
	const items = registryChoices(state.answers, undefined, false);
	assert.equal(items[state.field]!.label, 'Other registry…');
	state = press(state, '\x1b[H').state;
	assert.equal(state.field, 0);
	state = press(state, 'g').state;
	assert.equal(items[state.field]!.label, 'GitHub (ghcr.io)');
	state = press(state, 'g').state;
	assert.equal(items[state.field]!.label, 'GitLab', 'the same letter again goes to the next match');
	state = press(state, '\r').state;
	assert.equal(state.step, 'credentials');
	assert.equal(state.answers.credentials[0]!.registry, 'registry.gitlab.com');
});

test('credentials: Tab and Shift+Tab move between fields; control keys never insert letters; Ctrl+U clears the masked password', () => {
	let {state} = press(initialState(defaultAnswers()), '\x1b[B\r'); // Quay.io, focus on the user name
	assert.equal(state.field, 1);
	state = press(state, 'someuser\x15\x17\x01\x05\x0buser\t').state;
	assert.equal(state.answers.credentials[0]!.username, 'user');
	assert.equal(state.field, 2);
	state = press(state, 'wrong\x15pass').state;
	assert.equal(state.answers.credentials[0]!.password, 'pass');
	state = press(state, '\x1b[Z\x1b[Z').state;
	assert.equal(state.field, 0, 'Shift+Tab goes back');
});

test('credentials: Enter on Email starts the check; the required-field error is only for fields the user has left', () => {
	let {state} = press(initialState(defaultAnswers()), '\x1b[B\r');
	state = press(state, '\x1b[B\x1b[B\x1b[A\x1b[A').state;
	assert.deepEqual(state.left, [], 'moving past fields with the arrows is not leaving them');
	state = press(state, '\t\x1b[Z').state;
	assert.deepEqual(state.left, ['0:1', '0:2'], 'Tab leaves the user name, Shift+Tab the password');
	const typed = press(state, 'me\rtoken\r\r');
	assert.deepEqual(
		typed.effects.map(command => command.type === 'effect' && command.effect.kind),
		['verify'],
	);
});

test('the step counter only moves forward as steps advance; Esc goes back exactly one step in the flow', () => {
	let state = initialState(withCredential());
	const seen: number[] = [state.reached];
	state = press(state, '\r').state; // Continue → targets
	seen.push(state.reached);
	state = press(state, '\x1b[B \r').state; // + Kubernetes → keychain
	seen.push(state.reached);
	assert.equal(state.step, 'keychain');
	state = press(state, '\r').state; // a store: starts the check (an effect); pretend it passed
	state = reducer(state, {type: 'next', step: 'options'});
	seen.push(state.reached);
	state = press(state, '\x12').state; // Ctrl+R: defaults → review
	assert.equal(state.step, 'review');
	seen.push(state.reached);
	assert.deepEqual(seen, [1, 2, 3, 4, 5]);
	const back: string[] = [];
	for (let press_ = 0; press_ < 5; press_++) {
		state = press(state, '\x1b').state;
		back.push(state.step);
	}
	assert.deepEqual(back, ['options', 'keychain', 'targets', 'registry', 'registry']);
	// From a registry's credentials, Esc goes to the list, never into another registry's form.
	state = press(state, '\x1b[B\r\x1b').state;
	assert.equal(state.step, 'registry');
});

test('a review refused by a credential check: one Esc goes to the registry list, the refused registry highlighted (as the refusal says)', () => {
	const answers: Answers = {
		...defaultAnswers(),
		credentials: [
			{registry: 'ghcr.io', username: 'octo', password: 'good', email: ''},
			{registry: 'quay.io', username: 'u', password: 'wrong', email: ''},
		],
	};
	const checked = (credential: Answers['credentials'][number], status: 'verified' | 'rejected' | 'unreachable') =>
		reducer(state, {
			type: 'check',
			check: {...credential, result: {status, registry: credential.registry, message: `${credential.registry}: ${status}`, advice: ''}},
		});
	let state = initialState(answers);
	state = checked(answers.credentials[0]!, 'verified');
	state = checked(answers.credentials[1]!, 'rejected');
	state = reducer(state, {type: 'next', step: 'review'});
	state = press(state, '\x1b').state;
	assert.equal(state.step, 'registry', 'one Esc');
	const items = registryChoices(state.answers, state.registry.remembered, false);
	assert.equal(items[state.field]?.value, 'edit:1', 'the refused registry (quay.io) is highlighted');
	state = press(state, '\r').state;
	assert.equal(state.step, 'credentials');
	assert.equal(state.answers.credentials[state.editing]?.registry, 'quay.io', 'Enter opens it');
	// Unreachable only warns by default: the review may write, so Esc is one step back as always.
	state = initialState(answers);
	state = checked(answers.credentials[1]!, 'unreachable');
	state = reducer(state, {type: 'next', step: 'review'});
	assert.equal(press(state, '\x1b').state.step, previousStep('review', answers));
	assert.notEqual(previousStep('review', answers), 'registry');
	// With --verify=strict the same result refuses the review, and Esc goes to the list.
	assert.equal(press(state, '\x1b', ctx({verifyMode: 'strict'})).state.step, 'registry');
	// In the preview, Esc first gives the focus back to the form.
	assert.equal(press(reducer(state, {type: 'toggleFocus'}), '\x1b', ctx({verifyMode: 'strict'})).state.step, 'review');
});

test('options: Ctrl+R keeps every remaining default and goes to the review, or stops on the first field that needs an answer', () => {
	let state = initialState({...withCredential(), targets: ['kubernetes']});
	state = reducer(state, {type: 'next', step: 'options'});
	assert.equal(press(state, '\x12').state.step, 'review');
	state = initialState({...withCredential(), targets: ['butane'], butane: {...defaultAnswers().butane, secret: 'remote', remoteUrl: ''}});
	state = reducer(state, {type: 'next', step: 'options'});
	const after = press(state, '\x12').state;
	assert.equal(after.step, 'options', 'the remote URL is required');
	assert.ok(after.field > 0);
});

const noBus: KeychainProblem = {
	code: 'no-session-bus',
	message: 'there is no D-Bus session bus',
	advice: ['Start a session bus', 'Or keep the password elsewhere: --keychain pass or --keychain file'],
	detail: '',
};

test('keychain: the default is a store that works; a broken one says why with the fix, naming menu entries, not flags', () => {
	const machine = emptyEnvironment({home: '/home/dev', helpers: ['secretservice', 'pass'], regauthHelper: {node: 'node', script: '/x.js', npx: false}});
	const stores = {
		regauth: {helper: 'regauth', ok: false as const, problem: noBus},
		secretservice: {helper: 'secretservice', ok: false as const, problem: noBus},
		pass: {helper: 'pass', ok: true as const},
	};
	let state = initialState({...withCredential(), keychain: {kind: 'regauth'}});
	state = press(state, '\r', ctx({env: machine, stores})).state; // → targets
	state = press(state, '\r', ctx({env: machine, stores})).state; // → keychain
	const items = keychainChoices(machine, stores);
	assert.equal(state.step, 'keychain');
	assert.match(items[state.field]!.label, /pass helper/, 'the highlight starts on the store that works');
	assert.deepEqual(state.answers.keychain, {kind: 'helper', name: 'pass'}, 'and the preview already shows it');
	assert.match(items[0]!.status ?? '', /does not work here/);
	state = press(state, '\x1b[H\r', ctx({env: machine, stores})).state;
	assert.equal(state.step, 'keychain', 'Enter on a store that does not work stays');
	assert.match(state.keychain.problem ?? '', /no D-Bus session bus/);
	assert.match(state.keychain.problem ?? '', /“Docker's pass helper \(GPG-encrypted files; needs pass init\)” or “Plain config\.json” in this list/);
	assert.doesNotMatch(state.keychain.problem ?? '', /--keychain/);
});
