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
import {openUrl, urlProblem} from '../../source/ui/open-url.js';
import type {WizardProfile} from '../../source/ui/profile-flow.js';
import {fakeServices, startWizard} from './support/ink.js';

// `&` and `;` would be commands to a shell: they must arrive inside the one argument.
const TOKEN_URL = 'https://registry.team.example/tokens?new=1&scopes=read;pull';

const profile: WizardProfile = {
	shown: '.regauth.yaml',
	registries: [{host: 'registry.team.example', name: 'Team registry', 'token-url': TOKEN_URL, scopes: ['read']}],
	targetsFixed: true,
	required: false,
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
