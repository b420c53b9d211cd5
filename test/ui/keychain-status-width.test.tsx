// At 80 columns the keychain stores' names are long ("Docker's Secret Service helper (GNOME
// Keyring, KWallet…)"): the state after each ("does not work here", "checking…") must stay
// visible — the name is cut, never the state.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import type {KeychainProblem} from '../../source/keychain/diagnose.js';
import type {StoreStatus} from '../../source/ui/choices.js';
import {KEYS, startWizard, testEnvironment} from './support/ink.js';

const answers: Answers = {...defaultAnswers(), keychain: {kind: 'regauth'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
const noBus: KeychainProblem = {code: 'no-session-bus', message: 'there is no D-Bus session bus', advice: [], detail: ''};
const env = testEnvironment({helpers: ['secretservice', 'pass'], programs: {pass: '/usr/bin/pass'}});

for (const [columns, rows] of [
	[80, 24],
	[120, 40],
] as const) {
	test(`${columns}×${rows}: every store row shows its state whole`, async () => {
		const stores: StoreStatus = {
			regauth: {helper: 'regauth', ok: false, problem: noBus},
			secretservice: {helper: 'secretservice', ok: false, problem: noBus},
		};
		const wizard = await startWizard({answers, env, stores, columns, rows});
		await wizard.press(KEYS.enter, KEYS.enter); // Continue → targets → keychain
		const frame = await wizard.waitFor(/Where should the password be kept/);
		const lines = frame.split('\n');
		const row = (name: RegExp) => lines.find(line => name.test(line)) ?? '';
		assert.match(row(/OS keychain \(regauth\)/), /OS keychain \(regauth\) \(does not work here\)/);
		assert.match(row(/Secret Service/), /Docker's Secret Service.*\(does not work here\)/);
		assert.match(row(/pass helper/), /Docker's pass.*\(checking…\)/);
		for (const line of lines) assert.ok([...line].length <= columns, `fits ${columns} columns: ${line}`);
		wizard.unmount();
	});
}
