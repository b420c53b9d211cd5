// The wizard hands what its effects learnt (the credential checks, the keychain check) to plan()
// as facts and reads the plan's verdict: the review is gated by plan.canApply/refusals, so
// --verify=strict stops the wizard as it stops a headless run.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {answering, KEYS, leftColumn, startWizard} from './support/ink.js';

const left = leftColumn;

/** Quay.io, user, password, Email → the check runs. */
async function checked(wizard: Awaited<ReturnType<typeof startWizard>>) {
	await wizard.press(KEYS.down, KEYS.enter);
	await wizard.type('user');
	await wizard.press(KEYS.enter);
	await wizard.type('pass');
	await wizard.press(KEYS.enter, KEYS.enter);
	return wizard.waitFor(/quay\.io: /);
}

test('--verify=strict: an unreachable registry keeps the form open and the review refuses to write', async () => {
	const wizard = await startWizard({services: answering('unreachable'), verifyMode: 'strict', columns: 120, rows: 40});
	let frame = await checked(wizard);
	assert.match(left(frame), /checks strictly/);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Credentials for quay\.io/, 'Enter again does not wave the strict check through');
	// Leaving with Esc keeps the credential; the review then says why nothing can be written.
	await wizard.press(KEYS.escape);
	await wizard.press(KEYS.enter); // Continue → targets
	await wizard.press(KEYS.enter); // docker → keychain
	frame = await wizard.press(KEYS.enter); // the highlighted store → review
	assert.match(left(frame), /Review/);
	assert.match(left(frame), /cannot apply: quay\.io: unreachable/);
	assert.match(left(frame), /Esc goes back to the registry list, the refused registry highlighted; Enter opens it/);
	// The way out is said in the wizard's terms; only the equivalent headless command names flags
	// (it repeats --verify=strict, so the command checks as this run did).
	const [review, headless = ''] = left(frame).split(/Next time, headless/);
	assert.doesNotMatch(review!, /--no-verify|--verify/, 'the way out is said in the wizard’s terms');
	assert.match(headless, /--verify=strict/);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Review/, 'Enter on a refused review does not apply');
	wizard.unmount();
});

test('default checks: an unreachable registry only warns (Enter goes on), the review may write', async () => {
	const wizard = await startWizard({services: answering('unreachable'), columns: 120, rows: 40});
	let frame = await checked(wizard);
	assert.match(left(frame), /go on anyway/);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Continue with 1 registry/);
	await wizard.press(KEYS.enter, KEYS.enter);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Review/);
	assert.doesNotMatch(left(frame), /cannot apply/);
	assert.match(left(frame), /Not verified: quay\.io: unreachable/);
	wizard.unmount();
});

test('a rejected login: Enter does not go on, and the review refuses it after Esc', async () => {
	const wizard = await startWizard({services: answering('rejected'), columns: 120, rows: 40});
	let frame = await checked(wizard);
	assert.match(left(frame), /nothing is written with a login the registry rejects/);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Credentials for quay\.io/);
	await wizard.press(KEYS.escape);
	await wizard.press(KEYS.enter, KEYS.enter);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /cannot apply: quay\.io: rejected/);
	// One Esc goes where the refusal says: the registry list, quay.io highlighted; Enter opens its form.
	frame = await wizard.press(KEYS.escape);
	assert.match(left(frame), /Which registry\?/);
	assert.match(left(frame), /❯ ✎ quay\.io — user/);
	frame = await wizard.press(KEYS.enter);
	assert.match(left(frame), /Credentials for quay\.io/);
	wizard.unmount();
});
