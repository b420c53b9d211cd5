// The keychain step sets a keychain up when none works here (issue 13 + 16). The first test runs
// the real set-up (keychain/setup: real gpg, pass and docker-credential-pass) in a throwaway HOME
// with no D-Bus session, as on an SSH shell, through the wizard's own screens; the machine read
// and the store checks are the real ones too. Only the credential check and apply are the test
// harness's (they are not what this test is about; nothing here talks to a registry).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {SetupError} from '../../source/keychain/setup/errors.js';
import {probeEnvironment} from '../../source/probe.js';
import type {StoreStatus} from '../../source/ui/choices.js';
import {keychainSetupServices} from '../../source/ui/setup-services.js';
import {checkStores} from '../../source/ui/store-checks.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv} from '../support/run-cli.js';
import {filesContaining} from '../support/scan.js';
import {tempDir} from '../support/temp.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';

const PASSPHRASE = 'wizard passphrase 9?';

const answers = {
	...defaultAnswers(),
	targets: ['docker' as const],
	credentials: [{registry: 'registry.example.com', username: 'dev', password: 'secret-pw', email: ''}],
	keychain: {kind: 'regauth' as const},
};

/** From the first screen ("Continue with 1 registry") through the targets to the keychain step. */
async function toKeychainStep(wizard: Awaited<ReturnType<typeof startWizard>>): Promise<string> {
	await wizard.waitFor(/Continue with 1 registry/);
	await wizard.press(KEYS.enter); // → targets
	return wizard.press(KEYS.enter); // → keychain
}

test('no store works: the keychain step sets up pass with its own GPG key (real gpg + pass), then highlights it', async () => {
	for (const program of ['gpg', 'pass', 'docker-credential-pass'])
		requireProgram(program, 'apt-get install pass gnupg golang-docker-credential-helpers (see .ci/run)');
	const home = join(tempDir(), 'home');
	mkdirSync(home, {recursive: true});
	// An SSH or CI shell: no DBUS_SESSION_BUS_ADDRESS, no DISPLAY, no GPG_TTY; pass not initialised.
	const processEnv = cleanEnv(home);
	after(() => spawnSync('gpgconf', ['--kill', 'gpg-agent'], {env: processEnv}));
	const env = await probeEnvironment(processEnv);
	const stores: StoreStatus = {};
	await checkStores(env, status => (stores[status.helper] = status), processEnv);
	assert.equal(stores.pass?.ok, false, 'pass is not initialised yet');
	const services = fakeServices(
		keychainSetupServices(
			processEnv,
			() => env,
			() => {},
		),
	);
	const wizard = await startWizard({env, stores, answers, services, columns: 100, rows: 40});

	let frame = await toKeychainStep(wizard);
	assert.match(frame, /pass helper.*\(does not work here\)/);
	assert.match(frame, /⚙ Set up a keychain here: pass, own GPG key/);
	frame = await wizard.press(KEYS.end);
	assert.match(frame, /❯ ⚙ Set up a keychain here/);

	// It says what it will do before doing anything.
	frame = await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Setting up pass will:/, 30_000);
	assert.match(frame, /create a GPG key for the store/);
	assert.match(frame, /Enter goes on · Esc goes back/);
	assert.doesNotMatch(frame, /--store|--passphrase/);
	assert.equal(existsSync(join(home, '.password-store')), false, 'nothing is made before Enter');

	// The passphrase, masked, twice; two different entries are refused.
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Again, to check/, 30_000);
	await wizard.type(PASSPHRASE);
	await wizard.press(KEYS.enter);
	await wizard.type('something else');
	frame = await wizard.press(KEYS.enter);
	assert.match(frame, /The two entries differ/);
	await wizard.type(PASSPHRASE);
	await wizard.press(KEYS.enter);
	await wizard.type(PASSPHRASE);
	await wizard.press(KEYS.enter);

	// Progress streams in; the stores are checked again and pass, which works now, is highlighted.
	frame = await wizard.waitFor(/works now|✗/, 170_000);
	assert.match(frame, /❯ Docker's pass helper/, frame);
	assert.doesNotMatch(frame, /pass helper.*does not work here/);
	assert.match(frame, /✓ docker-credential-pass works now \(highlighted above\): Enter keeps the password there\./);
	assert.match(frame.replace(/\s+/g, ' '), /unlock again in a shell with: regauth keychain setup \(it reuses the key\)/);
	assert.doesNotMatch(frame, /⚙ Set up a keychain here/, 'a store works now: the entry is gone');
	assert.match(readFileSync(join(home, '.password-store', '.gpg-id'), 'utf8'), /^[0-9A-F]{40}$/m);
	for (const seen of wizard.frames()) assert.doesNotMatch(seen, new RegExp(PASSPHRASE.replace(/\?/g, '\\?')));
	assert.deepEqual(filesContaining(home, [PASSPHRASE]), []);

	// Enter keeps the password there: the plan routes the registry to docker-credential-pass.
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Review|Options/);
	await wizard.press(KEYS.ctrlP);
	frame = await wizard.waitFor(/credHelpers|"pass"/);
	assert.match(frame, /"registry\.example\.com": "pass"/);
	wizard.unmount();
});

test('the set-up fails: its own message in the wizard’s words, Enter tries again, Esc goes back to the list', async () => {
	let runs = 0;
	const services = fakeServices({
		recheckStores: async () => ({}),
		setUpKeychain: async io => {
			runs++;
			io.progress('Store: pass (gpg, pass and docker-credential-pass are installed).');
			if (!(await io.confirm('Set up pass?', 'regauth keychain setup --store pass will:\n  - create a GPG key')))
				throw new SetupError('cancelled; nothing was changed.', 1);
			throw new SetupError(
				'--store pass needs gpg, not found on PATH. Install it: sudo apt-get install gnupg. Give a passphrase (--passphrase-stdin reads it from stdin).',
				1,
			);
		},
	});
	const env = testEnvironment({helpers: ['pass', 'secretservice'], programs: {pass: '/usr/bin/pass'}});
	const broken = (helper: string) => ({
		helper,
		ok: false as const,
		problem: {code: 'no-session-bus' as const, message: `${helper} cannot be reached`, advice: [], detail: ''},
	});
	const stores: StoreStatus = {regauth: broken('regauth'), secretservice: broken('secretservice'), pass: broken('pass')};
	const wizard = await startWizard({env, stores, answers, services, columns: 80, rows: 24});
	await toKeychainStep(wizard);
	let frame = await wizard.press(KEYS.end, KEYS.enter);
	frame = await wizard.waitFor(/Setting up pass will:/);
	// Esc on the confirmation: back to the list, nothing done.
	frame = await wizard.press(KEYS.escape);
	assert.match(frame, /Where should the password be kept\?/);
	assert.match(frame, /❯ ⚙ Set up a keychain here/);
	frame = await wizard.press(KEYS.enter);
	await wizard.waitFor(/Setting up pass will:/);
	frame = await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/✗ pass needs gpg/);
	assert.doesNotMatch(frame, /--store|--passphrase-stdin/);
	assert.match(frame, /Enter tries again · Esc goes back to the list/);
	await wizard.press(KEYS.enter);
	await wizard.waitFor(/Setting up pass will:/);
	assert.equal(runs, 3);
	await wizard.press(KEYS.enter);
	await wizard.waitFor(/✗ pass needs gpg/);
	frame = await wizard.press(KEYS.escape);
	assert.match(frame, /Where should the password be kept\?/);
	wizard.unmount();
});
