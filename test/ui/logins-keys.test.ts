// The first screen's logins, without rendering: where they go in the registry list, and what each
// key does in a login's panel (check, rotate with a secret typed, log out, confirm, Esc).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import type {LoginStatus} from '../../source/status/report.js';
import {registryChoices} from '../../source/ui/choices.js';
import {type Command, type KeyContext, typing} from '../../source/ui/keymap.js';
import {loginId} from '../../source/ui/logins-state.js';
import {LOGIN_PREFIX, panelLines, withLogins} from '../../source/ui/logins-view.js';
import {initialState, reducer, type WizardState} from '../../source/ui/state.js';
import {keyContext, pressWith} from './support/press.js';

const env = emptyEnvironment({home: '/home/dev', cwd: '/work'});
const now = new Date('2026-11-30T12:00:00Z');

function login(registry: string, user: string, extra: Partial<LoginStatus> = {}): LoginStatus {
	return {
		registry,
		key: registry,
		user,
		stored: [{file: '/home/dev/.docker/config.json', reader: 'docker', key: registry, storage: 'plain-text'}],
		regauth: {configured: '2026-11-01T10:00:00.000Z', places: [{kind: 'docker', path: '/home/dev/.docker/config.json', title: 'Docker config.json'}]},
		expiresAt: null,
		expiry: 'unknown',
		...extra,
	};
}

const LOGINS = [login('quay.io', 'robot+ci'), login('registry.example.com:5000', 'dev', {regauth: null})];

const ctx = (logins: readonly LoginStatus[] = LOGINS): KeyContext => keyContext(env, {logins, panelMax: 0});

/** Press raw keys: each decoded key's commands applied to the state (effects collected). */
const press = (state: WizardState, raw: string, context = ctx()) => pressWith(context, state, raw);

const END = '\x1b[F';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const ESC = '\x1b';

/** The list as the registry step shows it. */
const listed = (state: WizardState, logins = LOGINS) => withLogins(registryChoices(state.answers, undefined, false, []), logins, state.logins, now);

test('the logins are appended: every registry entry keeps its place, the logins follow, broken-config entries stay last', () => {
	const state = initialState(defaultAnswers());
	const before = registryChoices(state.answers, undefined, false, []);
	const after = listed(state);
	assert.deepEqual(
		after.slice(0, before.length).map(item => item.value),
		before.map(item => item.value),
	);
	assert.deepEqual(
		after.slice(before.length).map(item => item.value),
		LOGINS.map(each => `${LOGIN_PREFIX}${loginId(each)}`),
	);
	const broken = [{value: 'recheck', label: 'Check again'}];
	assert.deepEqual(
		withLogins([...before, ...broken], LOGINS, state.logins, now)
			.slice(-1)
			.map(item => item.value),
		['recheck'],
	);
});

test('a login entry: registry, user, expiry warning and where it is kept; terminal controls never reach the label', () => {
	const state = initialState(defaultAnswers());
	const soon = login('ghcr.io', 'me\u001b]0;owned\u0007', {expiresAt: '2026-12-02T12:00:00Z', expiry: 'soon'});
	const expired = login('gitlab.example.com', 'ci', {expiresAt: '2026-11-29T12:00:00Z', expiry: 'expired'});
	const [first, second] = listed(state, [soon, expired]).slice(-2);
	assert.ok(first && second);
	assert.match(first.label, /ghcr\.io — me.*⚠ expires in 2 days · plain text/);
	assert.doesNotMatch(first.label, /\u001b|\u0007/);
	assert.match(second.label, /✗ expired 1 day|✗ expired 24 hours ago/);
	assert.match(first.hint ?? '', /regauth wrote: Docker config\.json/);
});

test('Enter on a login opens its panel; Esc closes it and the list is where it was', () => {
	let {state} = press(initialState(defaultAnswers()), END);
	assert.equal(listed(state)[state.field]?.value, `${LOGIN_PREFIX}${loginId(LOGINS[1]!)}`);
	({state} = press(state, UP));
	const field = state.field;
	({state} = press(state, '\r'));
	assert.equal(state.logins.open, loginId(LOGINS[0]!));
	assert.equal(state.step, 'registry');
	({state} = press(state, ESC));
	assert.equal(state.logins.open, undefined);
	assert.equal(state.field, field, 'the highlight stays on the login');
	assert.equal(state.step, 'registry');
});

test('Check starts the status check of that login; it does not hold the keys', () => {
	let {state} = press(initialState(defaultAnswers()), `${END}${UP}\r`);
	const {effects} = press(state, '\r');
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'check', login: LOGINS[0]}}}]);
	state = reducer(state, {type: 'login', change: {kind: 'check', id: loginId(LOGINS[0]!), check: 'checking'}});
	assert.deepEqual(press(state, '\r').effects, [], 'a second Enter while it runs asks nothing more');
});

test('Rotate: the new secret is typed into a masked field (letters and ? are text), Enter plans it; Esc forgets it', () => {
	let {state} = press(initialState(defaultAnswers()), `${END}${UP}\r${DOWN}\r`);
	assert.equal(state.logins.phase.kind, 'secret');
	assert.ok(typing(state, {env}), 'letters are the secret, not type-ahead or help');
	({state} = press(state, 'n3w?secret'));
	assert.equal(state.logins.secret, 'n3w?secret');
	assert.equal(state.help, false);
	const {effects} = press(state, '\r');
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'rotate', login: LOGINS[0], password: 'n3w?secret', expires: ''}}}]);
	// The panel never draws the secret.
	assert.ok(!panelLines(state.logins, LOGINS[0]!, now, 'regauth').join('\n').includes('n3w?secret'));
	({state} = press(state, ESC));
	assert.equal(state.logins.phase.kind, 'menu');
	assert.equal(state.logins.secret, '', 'leaving the field forgets the secret');
});

test('Rotate: Tab moves to when the new secret expires; a date or a duration goes with it, anything else is named and nothing runs', () => {
	let {state} = press(initialState(defaultAnswers()), `${END}${UP}\r${DOWN}\r`);
	({state} = press(state, 'n3w-secret\t'));
	assert.equal(state.logins.typing, 'expires');
	({state} = press(state, 'soon'));
	assert.equal(state.logins.expires, 'soon');
	assert.equal(state.logins.secret, 'n3w-secret', 'letters went to the expiry, not the secret');
	let {effects} = press(state, '\r');
	assert.deepEqual(effects, [], 'an expiry that is neither a date nor a duration plans nothing');
	({state} = press(state, '\r'));
	assert.equal(state.logins.phase.kind, 'secret');
	assert.match((state.logins.phase as {problem?: string}).problem ?? '', /Expires: give a date \(2027-01-31\) or a duration/);
	assert.equal(state.logins.typing, 'expires', 'the cursor waits in the field to fix');
	({state} = press(state, '\u0015'));
	for (const expires of ['90d', '2027-01-31']) {
		({state} = press(state, expires));
		({effects} = press(state, '\r'));
		assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'rotate', login: LOGINS[0], password: 'n3w-secret', expires}}}]);
		({state} = press(state, '\u0015'));
	}
	// Tab back: the secret is edited again; Esc forgets both.
	({state} = press(state, `\t${'\u007F'.repeat(6)}`));
	assert.equal(state.logins.secret, 'n3w-');
	({state} = press(state, '\t90d'));
	({state} = press(state, ESC));
	assert.equal(state.logins.secret, '');
	assert.equal(state.logins.expires, '');
	assert.equal(state.logins.typing, 'secret');
	// The plan says when it expires.
	const preview = {places: ['Docker config.json — /home/dev/.docker/config.json'], notes: [], next: [], expiresAt: '2027-01-31T00:00:00.000Z'};
	const shown = panelLines({...state.logins, phase: {kind: 'rotate', preview}}, LOGINS[0]!, now, 'regauth').join('\n');
	assert.match(shown, /It expires 2027-01-31 00:00 UTC \(in 62 days\): regauth status warns a week before/);
	const soon = panelLines({...state.logins, phase: {kind: 'rotate', preview: {...preview, expiresAt: '2026-12-03T12:00:00.000Z'}}}, LOGINS[0]!, now, 'regauth');
	assert.ok(soon.includes('It expires 2026-12-03 12:00 UTC (in 3 days): regauth status warns about it from now on.'), soon.join('\n'));
	const past = panelLines({...state.logins, phase: {kind: 'rotate', preview: {...preview, expiresAt: '2026-11-01T00:00:00.000Z'}}}, LOGINS[0]!, now, 'regauth');
	assert.ok(
		past.some(line => line.startsWith('! That expiry is past: 2026-11-01 00:00 UTC (30 days ago)')),
		past.join('\n'),
	);
});

test('Rotate is not offered for a login regauth did not set up; Log out is, and its confirmation applies', () => {
	let {state} = press(initialState(defaultAnswers()), `${END}\r${DOWN}\r`);
	assert.equal(state.logins.phase.kind, 'menu', 'the disabled Rotate entry does nothing');
	let effects: Command[];
	({state, effects} = press(state, `${DOWN}\r`));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'logout', login: LOGINS[1]}}}]);
	state = reducer(state, {
		type: 'login',
		change: {
			kind: 'phase',
			phase: {kind: 'logout', preview: {removes: ['config.json entry'], secrets: ['kubectl delete secret regcred'], leftFiles: [], erasesItem: false}},
		},
	});
	({effects} = press(state, '\r'));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'apply', kubernetes: false}}}]);
	({effects} = press(state, `${DOWN}\r`));
	assert.deepEqual(effects, [{type: 'effect', effect: {kind: 'login', effect: {do: 'apply', kubernetes: true}}}], 'the Secrets only when chosen');
	({state, effects} = press(state, `${DOWN}${DOWN}\r`));
	assert.deepEqual(effects, []);
	assert.equal(state.logins.phase.kind, 'menu', 'Cancel goes back to the menu');
});

test('after a logout the login is gone from the list, yet its panel shows the result until Enter', () => {
	let {state} = press(initialState(defaultAnswers()), `${END}\r`);
	state = reducer(state, {
		type: 'login',
		change: {kind: 'phase', phase: {kind: 'done', what: 'logout', applied: {ok: true, lines: ['✓ removed'], undo: true}, next: []}},
	});
	state = reducer(state, {type: 'login', change: {kind: 'reread'}});
	assert.equal(state.logins.version, 1);
	const gone = ctx([LOGINS[0]!]);
	assert.match(panelLines(state.logins, state.logins.opened!, now, 'regauth').join('\n'), /Logged out[\s\S]*regauth undo reverts this/);
	({state} = press(state, '\r', gone));
	assert.equal(state.logins.open, undefined);
});
