// What the review says is true where it is said: the plain-text warning tells how to get back to
// the keychain step as the keys really do it (one Esc, two, or — after a refused login — by the
// registry list), and a rejected login is said once (as the refusal, not again as "Not verified").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {initialState, reducer} from '../../source/ui/state.js';
import {keychainWayBack} from '../../source/ui/steps/review.js';
import type {VerifyResult} from '../../source/verify/result.js';
import {answering, KEYS, leftColumn, startWizard} from './support/ink.js';

const left = leftColumn;

/** Quay.io, user, password, Email → checked; back to the list, Continue, Docker, Plain config.json (confirmed) → review. */
async function reviewWithPlainFile(status: VerifyResult['status']) {
	const wizard = await startWizard({services: answering(status), columns: 120, rows: 60});
	await wizard.press(KEYS.down, KEYS.enter);
	await wizard.type('user');
	await wizard.press(KEYS.enter);
	await wizard.type('pass');
	await wizard.press(KEYS.enter, KEYS.enter);
	await wizard.waitFor(/quay\.io: /);
	await wizard.press(status === 'rejected' ? KEYS.escape : KEYS.enter); // → the registry list
	await wizard.press(KEYS.enter, KEYS.enter); // Continue → targets → keychain
	await wizard.waitFor(/Where should the password be kept/);
	await wizard.press('p', KEYS.enter, KEYS.enter); // Plain config.json, its warning, confirmed
	return {wizard, frame: left(await wizard.waitFor(/Review/))};
}

test('a rejected login is said once on the review; the way back to the keychain step goes by the registry list', async () => {
	const {wizard, frame} = await reviewWithPlainFile('rejected');
	assert.match(frame, /✗ quay\.io: rejected\. Check the registry\./);
	assert.doesNotMatch(frame, /Not verified/);
	assert.match(
		frame,
		/“OS keychain \(regauth\)” on the keychain step \(Esc goes to the registry list; once the refused login is fixed, Continue leads to it\)/,
	);
	assert.doesNotMatch(frame, /Esc goes back to it/);
	// And that is what the keys do.
	assert.match(left(await wizard.press(KEYS.escape)), /Which registry\?/);
	wizard.unmount();
});

test('an unreachable registry (only a warning): one Esc goes back to the keychain step, and the review says so', async () => {
	const {wizard, frame} = await reviewWithPlainFile('unreachable');
	assert.match(frame, /Not verified: quay\.io: unreachable/, 'a warning that does not stop the run is still said');
	assert.match(frame, /“OS keychain \(regauth\)” on the keychain step \(Esc goes back to it\) keeps it/);
	assert.match(left(await wizard.press(KEYS.escape)), /Where should the password be kept/);
	wizard.unmount();
});

test('with an options step between, the review says Esc twice', () => {
	const answers: Answers = {...defaultAnswers(), targets: ['docker', 'kubernetes'], keychain: {kind: 'file'}};
	const state = reducer(initialState(answers), {type: 'next', step: 'review'});
	assert.equal(keychainWayBack(state, emptyEnvironment(), 'on'), 'Esc twice goes back to it');
	assert.equal(
		keychainWayBack(reducer(initialState({...answers, targets: ['docker']}), {type: 'next', step: 'review'}), emptyEnvironment(), 'on'),
		'Esc goes back to it',
	);
	assert.equal(
		keychainWayBack(reducer(initialState({...answers, targets: ['kubernetes']}), {type: 'next', step: 'review'}), emptyEnvironment(), 'on'),
		undefined,
	);
});
