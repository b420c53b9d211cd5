// Component tests of every step, driven with the exact chunks terminals send.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';

const SECRET = 'S3cr3t-T0ken-xyz';

async function toCredentials(registryDowns = 1) {
	const wizard = await startWizard();
	await wizard.type(KEYS.down.repeat(registryDowns) + KEYS.enter); // arrow + Enter in ONE chunk
	return wizard;
}

test('the first screen: what regauth found (plain-text secrets, a helper missing from PATH) above the registry question', async () => {
	const config = '/home/dev/.docker/config.json';
	const wizard = await startWizard({
		env: testEnvironment({files: {[config]: {exists: true, mode: 0o600, text: '{"auths": {"ghcr.io": {"auth": "eDp5"}}, "credsStore": "desktop.exe"}'}}}),
	});
	const frame = wizard.frame();
	assert.match(frame, /On this machine/);
	assert.match(frame, /1 registry in plain text \(ghcr\.io\)/);
	assert.match(frame, /credsStore\s+"desktop\.exe" — NOT on PATH/);
	assert.match(frame, /docker-credential-secretservice/);
	wizard.unmount();
});

test('registry: Down+Enter arriving in one chunk selects the item below, not the old one', async () => {
	const wizard = await toCredentials(1);
	assert.match(wizard.frame(), /Credentials for quay\.io/);
	wizard.unmount();
	const third = await toCredentials(2);
	assert.match(third.frame(), /Credentials for ghcr\.io/);
	third.unmount();
});

test('credentials: a pasted token ending in a newline (\\n or \\r) is the token then Enter; a held Backspace deletes; the secret is never drawn', async () => {
	for (const ending of ['\n', '\r', '\r\n']) {
		const wizard = await toCredentials();
		await wizard.type('myorg+ci');
		await wizard.press(KEYS.enter);
		let frame = await wizard.type(`${SECRET}${ending}`);
		assert.match(frame, /› Email/, 'a pasted line ending in a newline moves on, as typing the token and Enter would');
		frame = await wizard.press(KEYS.up);
		assert.match(frame, new RegExp(`● ${SECRET.length} characters typed`), frame);
		frame = await wizard.type('\x7f\x7f\x7f');
		assert.match(frame, new RegExp(`● ${SECRET.length - 3} characters typed`));
		for (const seen of wizard.frames()) assert.ok(!seen.includes(SECRET.slice(0, 8)), 'the secret was drawn');
		wizard.unmount();
	}
});

test('keys that pile up into one chunk are taken one by one: Space and Enter, text and Ctrl+C', async () => {
	const wizard = await startWizard({answers: {...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]}});
	await wizard.press(KEYS.enter); // (Continue) → targets
	const frame = await wizard.type(`${KEYS.down} \r`);
	assert.match(frame, /Where should the password be kept/, 'Down, Space and Enter in one chunk: Kubernetes added, then on');
	wizard.unmount();
});

test('credentials: validation appears under the field while typing, naming the field and the fix', async () => {
	const wizard = await toCredentials();
	const frame = await wizard.type('bad:user');
	assert.match(frame, /Username must not contain ":"/);
	const fixed = await wizard.type(KEYS.backspace.repeat(5));
	assert.doesNotMatch(fixed, /must not contain/);
	wizard.unmount();
});

test('the preview follows every keystroke and masks until revealed; leaving the preview masks again', async () => {
	const wizard = await toCredentials();
	await wizard.type('myorg+ci');
	await wizard.press(KEYS.enter);
	await wizard.type(SECRET);
	await wizard.press(KEYS.escape); // back to registry list (credential kept)
	assert.match(wizard.frame(), /✎ quay\.io — myorg\+ci/);
	// Continue → targets: add Kubernetes, whose Secret shows the user name in its decoded view.
	await wizard.press(KEYS.enter);
	await wizard.press(KEYS.down, KEYS.space, KEYS.tab, KEYS.right);
	let frame = wizard.frame();
	assert.match(frame, /Secret regcred/);
	frame = await wizard.press(KEYS.end); // the caption after the file: the decoded data, masked
	assert.match(frame, /"username":"myorg\+ci","password":"••••••••"/);
	frame = await wizard.press(KEYS.home);
	frame = await wizard.press('r');
	assert.match(frame, /SECRETS SHOWN/);
	assert.match(frame, /\.dockerconfigjson: eyJ/);
	frame = await wizard.press(KEYS.tab);
	assert.match(frame, /secrets masked/);
	wizard.unmount();
});

test('targets: Space toggles, Enter needs at least one', async () => {
	const wizard = await startWizard({answers: {...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]}});
	await wizard.press(KEYS.enter); // registry (Continue) → targets
	let frame = wizard.frame();
	assert.match(frame, /◉ Docker/);
	frame = await wizard.press(KEYS.space);
	assert.match(frame, /◯ Docker/);
	assert.match(frame, /Choose at least one/);
	frame = await wizard.press(KEYS.enter);
	assert.match(frame, /What should regauth configure/);
	wizard.unmount();
});

test('keychain: a failed check shows its message and stays; plain text needs a second Enter after the warning', async () => {
	const services = fakeServices({
		checkKeychain: async choice => (choice.kind === 'file' ? {ok: true} : {ok: false, message: 'The OS keychain cannot be used: the keychain is locked.'}),
	});
	const wizard = await startWizard({
		services,
		answers: {...defaultAnswers(), keychain: {kind: 'regauth'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]},
	});
	await wizard.press(KEYS.enter, KEYS.enter); // → keychain
	let frame = await wizard.press(KEYS.enter);
	assert.match(frame, /the keychain is locked/);
	assert.match(frame, /Where should the password be kept/);
	frame = await wizard.type(KEYS.down.repeat(3));
	frame = await wizard.press(KEYS.enter);
	assert.match(frame, /base64 is not encryption/);
	assert.match(frame, /Where should the password be kept/);
	frame = await wizard.press(KEYS.enter);
	assert.match(frame, /Review/);
	wizard.unmount();
});

test('options: typed namespaces become one Secret each; review shows files, commands and the headless command without the secret', async () => {
	const answers = {...defaultAnswers(), targets: ['kubernetes' as const], credentials: [{registry: 'quay.io', username: 'u', password: SECRET, email: ''}]};
	const wizard = await startWizard({answers, rows: 40});
	await wizard.press(KEYS.enter, KEYS.enter); // registry → targets → options
	let frame = await wizard.type('web, jobs');
	assert.match(frame, /web, jobs/);
	for (let presses = 0; presses < 10 && !/Review/.test(frame); presses++) frame = await wizard.press(KEYS.enter);
	assert.match(frame, /Review/);
	assert.match(frame, /kubernetes\/web\/regcred\.secret\.yaml/);
	assert.match(frame, /kubernetes\/jobs\/regcred\.secret\.yaml/);
	assert.match(frame, /--namespace web --namespace jobs/);
	assert.ok(!wizard.frames().some(seen => seen.includes(SECRET)));
	wizard.unmount();
});

test('apply: progress per item, the reason for a failure, and Enter finishes with the exit code', async () => {
	const services = fakeServices({
		apply: async (_plan, _answers, mode, callbacks) => {
			assert.equal(mode, 'files');
			callbacks.onItem({id: 'a', kind: 'file', title: 'Docker config.json', status: 'done', path: '/home/dev/.docker/config.json', detail: 'created'});
			callbacks.onItem({id: 'b', kind: 'command', title: 'kubectl apply', status: 'failed', detail: 'the namespace "x" does not exist'});
			return {kind: 'done', result: {ok: false, items: []}};
		},
	});
	const wizard = await startWizard({
		services,
		answers: {...defaultAnswers(), keychain: {kind: 'regauth'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]},
	});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter); // → keychain (regauth ok) → review
	let frame = wizard.frame();
	assert.match(frame, /Review/);
	frame = await wizard.press(KEYS.enter);
	assert.match(frame, /✓ Docker config\.json/);
	assert.match(frame, /✗ kubectl apply.*the namespace "x" does not exist/);
	await wizard.press(KEYS.enter);
	assert.equal(wizard.exitCode(), 1);
	wizard.unmount();
});

test('Esc goes back with the answers kept; Ctrl+C exits 130', async () => {
	const wizard = await toCredentials();
	await wizard.type('keepme');
	await wizard.press(KEYS.escape);
	const frame = await wizard.press(KEYS.down, KEYS.enter);
	assert.match(frame, /Username\s+keepme/);
	await wizard.press(KEYS.ctrlC);
	assert.equal(wizard.exitCode(), 130);
	wizard.unmount();
});

test('? opens the help when not typing; in a text field it is text', async () => {
	const wizard = await startWizard({answers: {...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]}});
	let frame = await wizard.press('?');
	assert.match(frame, /Keys/);
	frame = await wizard.press(KEYS.escape);
	assert.doesNotMatch(frame, /Esc or \? closes/);
	frame = await wizard.press(KEYS.down, KEYS.enter); // edit quay.io → username field
	frame = await wizard.type('?');
	assert.match(frame, /Username\s+u\?/);
	wizard.unmount();
});

test('credentials: importing a Quay robot file fills registry, user and token and says what it found', async () => {
	const {readFileSync} = await import('node:fs');
	const services = fakeServices({
		readFile: async path =>
			path === 'robot.json'
				? {ok: true, text: readFileSync(new URL('../import/fixtures/myorg-robot-auth.json', import.meta.url), 'utf8')}
				: {ok: false, message: `Import file ${path}: no such file`},
	});
	const wizard = await startWizard({services});
	await wizard.type(KEYS.down + KEYS.enter); // Quay.io
	await wizard.type(KEYS.up.repeat(2)); // from the user name up and around to the import row
	let frame = await wizard.type('nope.json');
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Import file nope\.json: no such file/);
	assert.doesNotMatch(frame, /is required/, 'fields passed on the way to the import row show no error');
	await wizard.type(KEYS.backspace.repeat(9));
	await wizard.type('robot.json');
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/✓ Imported/);
	assert.match(frame, /Username\s+myorg\+robot/);
	assert.match(frame, /Password\/token\s+•{20,}/);
	wizard.unmount();
});

test('credentials are checked with the registry on leaving the step; a rejected login is not waved through, and the review refuses it', async () => {
	let calls = 0;
	const services = fakeServices({
		verify: async credential => {
			calls++;
			return {
				status: 'rejected',
				registry: credential.registry,
				message: `${credential.registry} rejected the user name or password (HTTP 401)`,
				advice: 'Check the user name and the token.',
			};
		},
	});
	const wizard = await startWizard({services});
	await wizard.type(KEYS.down + KEYS.enter); // Quay.io
	await wizard.type('myorg+ci');
	await wizard.press(KEYS.enter);
	await wizard.type(SECRET);
	await wizard.press(KEYS.enter); // → email
	let frame = await wizard.press(KEYS.enter); // leave: the check runs
	assert.match(frame, /✗ quay\.io rejected the user name or password \(HTTP 401\)/);
	assert.match(frame, /Credentials for quay\.io/, 'a rejection does not move on by itself');
	assert.equal(calls, 1);
	assert.match(frame, /› Password\/token/, 'after a 401 the focus is on the password');
	frame = await wizard.press(KEYS.enter, KEYS.enter); // → Email, then Enter again
	assert.match(frame, /Credentials for quay\.io/, 'plan() would refuse a rejected login: the form stays');
	assert.equal(calls, 2, 'Enter on Email after a rejection checks again (the form says so)');
	frame = await wizard.press(KEYS.escape); // leave it as it is
	assert.match(frame, /Which registry\?/);
	frame = await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter); // continue → targets → keychain → review
	assert.match(frame, /cannot apply: quay\.io rejected the user name or password/);
	wizard.unmount();
});

test('keys typed ahead of the screen are kept: Enter, then the user name, Enter and the token, faster than it redraws', async () => {
	const wizard = await startWizard();
	const frame = await wizard.burst(KEYS.down, KEYS.enter, ...'myorg+ci', KEYS.enter, ...'tok');
	assert.match(frame, /Username\s+myorg\+ci/);
	assert.match(frame, /● 3 characters typed/);
	wizard.unmount();
});

test('Ctrl+C inside a chunk of typed text still cancels (keys pile up while the program is busy)', async () => {
	const wizard = await toCredentials();
	await wizard.type('myorg+ci\u0003');
	assert.equal(wizard.exitCode(), 130);
	wizard.unmount();
});

test('with checks off (--no-verify) leaving the credentials moves on and leaves no spinner behind', async () => {
	const wizard = await startWizard({services: fakeServices({verify: async () => undefined})});
	await wizard.type(KEYS.down + KEYS.enter);
	await wizard.type('u');
	await wizard.press(KEYS.enter);
	await wizard.type('p');
	let frame = await wizard.press(KEYS.enter, KEYS.enter);
	assert.match(frame, /Which registry\?/);
	frame = await wizard.press(KEYS.down, KEYS.enter); // edit it again
	assert.match(frame, /Credentials for quay\.io/);
	assert.doesNotMatch(frame, /Checking the login/);
	wizard.unmount();
});

test('Enter held through the last steps is never taken by a step that has been left', async () => {
	let applied = 0;
	const services = fakeServices({
		apply: async (_plan, _answers, mode) => {
			applied++;
			assert.equal(mode, 'files', 'the first review item, not one further down');
			return {kind: 'done', result: {ok: true, items: []}};
		},
	});
	const wizard = await startWizard({
		services,
		answers: {...defaultAnswers(), targets: ['kubernetes'], credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]},
	});
	await wizard.press(KEYS.enter, KEYS.enter); // → options
	// Every kubernetes option (9 with the namespace choices and contexts), then the review.
	const frame = await wizard.burst(...Array.from({length: 11}, () => KEYS.enter));
	assert.match(frame, /Done|Applying/);
	assert.equal(applied, 1);
	wizard.unmount();
});

test('keychain: coming back to the question highlights the answer already given', async () => {
	const wizard = await startWizard({
		answers: {...defaultAnswers(), keychain: {kind: 'file'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]},
	});
	const frame = await wizard.press(KEYS.enter, KEYS.enter); // → keychain
	assert.match(frame, /❯ Plain config\.json/);
	wizard.unmount();
});

test('Ctrl+C while applying stops it, says what was done, and exits 130', async () => {
	let signal: AbortSignal | undefined;
	const services = fakeServices({
		apply: async (_plan, _answers, _mode, callbacks) => {
			signal = callbacks.signal;
			callbacks.onItem({id: 'a', kind: 'file', title: 'Docker config.json', status: 'done', path: '/home/dev/.docker/config.json', detail: 'created'});
			callbacks.onItem({id: 'b', kind: 'command', title: 'kubectl apply', status: 'running'});
			await new Promise(resolve => callbacks.signal.addEventListener('abort', resolve));
			callbacks.onItem({id: 'b', kind: 'command', title: 'kubectl apply', status: 'failed', detail: 'cancelled'});
			return {kind: 'done', result: {ok: false, items: []}};
		},
	});
	const wizard = await startWizard({
		services,
		answers: {...defaultAnswers(), keychain: {kind: 'regauth'}, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]},
	});
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter); // → review → apply
	await wizard.press(KEYS.ctrlC);
	assert.equal(signal?.aborted, true, 'the running apply was told to stop');
	// The wizard exits right after drawing the cancel screen; under load the last frame may already
	// be the empty one Ink leaves at exit, so the cancel screen is looked up in the frame history.
	const frame = wizard.frames().findLast(drawn => /Cancelled/.test(drawn)) ?? wizard.frame();
	assert.match(frame, /Cancelled/);
	assert.match(frame, /What was done stays: regauth undo puts the files back/);
	await new Promise(resolve => setTimeout(resolve, 200));
	assert.equal(wizard.exitCode(), 130);
	wizard.unmount();
});
