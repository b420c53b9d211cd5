// The keychain step opened before the store checks end (a loaded machine, a slow keyring): the
// highlight must not settle on the plain file because the OS keychain's check is still running
// (ui-draw's note; it broke `npm run media`). It starts on the store that will be used if it
// works, moves on when that check fails — unless the user moved it — and Enter picks what is
// highlighted (P5/P6: the highlighted item is always the one Enter picks).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {KeychainChoice} from '../../source/answers.js';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import type {KeychainProblem} from '../../source/keychain/diagnose.js';
import {fakeServices, KEYS, type StoreChecks, startWizard} from './support/ink.js';

const answers: Answers = {...defaultAnswers(), keychain: {kind: 'regauth'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
const noBus: KeychainProblem = {code: 'no-session-bus', message: 'there is no D-Bus session bus', advice: [], detail: ''};
const highlighted = (frame: string) => frame.split('\n').find(line => line.includes('❯')) ?? '';

async function onKeychainWhileChecking(checked: KeychainChoice[] = []) {
	const storeChecks: StoreChecks = {};
	const services = fakeServices({
		checkKeychain: async choice => {
			checked.push(choice);
			return {ok: true};
		},
	});
	const wizard = await startWizard({answers, stores: {}, storeChecks, services, columns: 120, rows: 40});
	await wizard.press(KEYS.enter, KEYS.enter); // Continue → targets → keychain
	const frame = await wizard.waitFor(/Where should the password be kept/);
	return {wizard, storeChecks, frame};
}

test('while the checks run the highlight is on the OS keychain, not on the plain file; it stays when the check succeeds', async () => {
	const {wizard, storeChecks, frame} = await onKeychainWhileChecking();
	assert.match(highlighted(frame), /OS keychain \(regauth\).*checking/);
	assert.doesNotMatch(highlighted(frame), /Plain config\.json/);
	storeChecks.finish!({regauth: {helper: 'regauth', ok: true}, secretservice: {helper: 'secretservice', ok: true}});
	const after = await wizard.waitFor(/❯ OS keychain \(regauth\)\s+│/);
	assert.doesNotMatch(after, /checking/);
	wizard.unmount();
});

test('a check that fails moves the untouched highlight to the next store that works; a moved one stays', async () => {
	const {wizard, storeChecks} = await onKeychainWhileChecking();
	storeChecks.finish!({regauth: {helper: 'regauth', ok: false, problem: noBus}, secretservice: {helper: 'secretservice', ok: true}});
	await wizard.waitFor(/❯ .*Secret Service/);
	wizard.unmount();

	const touched = await onKeychainWhileChecking();
	const moved = await touched.wizard.press(KEYS.end);
	const choice = highlighted(moved);
	assert.match(choice, /Plain config\.json/);
	touched.storeChecks.finish!({regauth: {helper: 'regauth', ok: false, problem: noBus}, secretservice: {helper: 'secretservice', ok: true}});
	await touched.wizard.press(KEYS.tab, KEYS.tab); // any render after the checks ended
	assert.equal(highlighted(touched.wizard.frame()), choice, 'the user’s highlight is never moved under them');
	touched.wizard.unmount();
});

test('Enter on a store still being checked picks it (the keychain check runs now)', async () => {
	const checked: KeychainChoice[] = [];
	const {wizard} = await onKeychainWhileChecking(checked);
	await wizard.press(KEYS.enter);
	assert.deepEqual(checked, [{kind: 'regauth'}]);
	wizard.unmount();
});
