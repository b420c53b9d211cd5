// The plan for keychain choices (pure: plain answers and environments, no machine).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {type Environment, emptyEnvironment} from '../../source/environment.js';
import {diagnoseKeychainError} from '../../source/keychain/diagnose.js';
import {launcherScript} from '../../source/keychain/launcher.js';
import {plan} from '../../source/plan.js';

const HELPER = {node: '/usr/bin/node', script: '/opt/regauth/dist/docker-credential-regauth.js', npx: false};
const CONFIG = '/home/user/.docker/config.json';

function answers(overrides: Partial<Answers> = {}): Answers {
	return {...defaultAnswers(), credentials: [{registry: 'quay.io', username: 'org+bot', password: 'pa55-word', email: ''}], ...overrides};
}

function env(overrides: Partial<Environment> = {}): Environment {
	return emptyEnvironment({regauthHelper: HELPER, vars: {PATH: '/home/user/.local/bin:/usr/bin'}, ...overrides});
}

const artifact = (p: ReturnType<typeof plan>, id: string) => p.artifacts.find(item => item.id === id);

test('--keychain regauth: credHelpers per registry, an empty auths entry, the store through the bundled helper', () => {
	const result = plan(answers({keychain: {kind: 'regauth'}}), env({helpers: ['regauth']}));
	const config = artifact(result, 'docker:config')!;
	assert.equal(config.text, '{\n\t"auths": {\n\t\t"quay.io": {}\n\t},\n\t"credHelpers": {\n\t\t"quay.io": "regauth"\n\t}\n}');
	assert.equal(config.blocked, undefined);
	assert.ok(!config.text!.includes('pa55-word') && !config.text!.includes(Buffer.from('org+bot:pa55-word').toString('base64')));
	const store = result.commands.find(command => command.role === 'store')!;
	assert.deepEqual(store.argv, [HELPER.node, HELPER.script, 'store']);
	assert.equal(store.input, '{"ServerURL":"quay.io","Username":"org+bot","Secret":"pa55-word"}\n');
	assert.match(store.display, /^docker-credential-regauth store {2}# .*"Secret":…} on stdin$/);
	assert.ok(!store.display.includes('pa55-word'));
	assert.equal(artifact(result, 'keychain:launcher'), undefined, 'on PATH already: no launcher');
	assert.ok(!result.commands.some(command => command.argv[0] === 'docker'), 'no docker login alternative beside a helper route');
});

test('a plain-text entry is replaced by the empty one when moving to the keychain', () => {
	const text = '{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "b3JnK2JvdDpvbGQ="\n\t\t}\n\t}\n}';
	const result = plan(answers({keychain: {kind: 'regauth'}}), env({helpers: ['regauth'], files: {[CONFIG]: {exists: true, text, mode: 0o600}}}));
	const config = artifact(result, 'docker:config')!;
	assert.ok(!config.text!.includes('b3JnK2JvdDpvbGQ='), config.text!);
	assert.match(config.text!, /"quay\.io": \{\}/);
});

test('not on PATH: a launcher is planned, with the PATH advice when ~/.local/bin is missing from PATH', () => {
	const onPath = plan(answers({keychain: {kind: 'regauth'}}), env());
	const launcher = artifact(onPath, 'keychain:launcher')!;
	assert.equal(launcher.path, '/home/user/.local/bin/docker-credential-regauth');
	assert.equal(launcher.mode, 0o755);
	assert.equal(launcher.secret, false);
	assert.equal(launcher.text, launcherScript(HELPER));
	assert.match(launcher.text!, /^#!\/bin\/sh\n[\s\S]*exec \/usr\/bin\/node \/opt\/regauth\/dist\/docker-credential-regauth\.js "\$@"\n$/);
	assert.ok(!onPath.notes.some(note => /is not on PATH: add it/.test(note.message)));

	const offPath = plan(answers({keychain: {kind: 'regauth'}}), env({vars: {PATH: '/usr/bin'}}));
	assert.ok(offPath.notes.some(note => note.level === 'warning' && note.message.includes(`echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.profile`)));

	const npx = plan(answers({keychain: {kind: 'regauth'}}), env({regauthHelper: {...HELPER, npx: true}}));
	assert.ok(npx.notes.some(note => note.level === 'warning' && note.message.includes('npm install && npm link in')));
});

test('the keychain probe failed: the config is refused with the specific message', () => {
	const problem = diagnoseKeychainError('Cannot create an item in a locked collection');
	const result = plan(answers({keychain: {kind: 'regauth'}}), env({helpers: ['regauth'], keychain: {helper: 'regauth', ok: false, problem}}));
	const config = artifact(result, 'docker:config')!;
	assert.match(config.blocked!, /^The OS keychain cannot be used: the keychain is locked/);
	assert.ok(result.notes.some(note => note.level === 'error' && note.message === config.blocked));
});

test('no helper bundle and none on PATH: refused, naming the fix', () => {
	const result = plan(answers({keychain: {kind: 'regauth'}}), emptyEnvironment({helpers: ['secretservice']}));
	assert.match(
		artifact(result, 'docker:config')!.blocked!,
		/docker-credential-regauth was not found[\s\S]*npm install && npm link in[\s\S]*--keychain secretservice/,
	);
});

test("--keychain secretservice: Docker's helper stores, credHelpers names it; missing from PATH is refused with the install hint", () => {
	const ok = plan(answers({keychain: {kind: 'helper', name: 'secretservice'}}), env({helpers: ['secretservice']}));
	assert.match(artifact(ok, 'docker:config')!.text!, /"quay\.io": "secretservice"/);
	assert.deepEqual(ok.commands.find(command => command.role === 'store')!.argv, ['docker-credential-secretservice', 'store']);
	assert.equal(artifact(ok, 'keychain:launcher'), undefined);

	const missing = plan(answers({keychain: {kind: 'helper', name: 'secretservice'}}), env({helpers: []}));
	assert.match(
		artifact(missing, 'docker:config')!.blocked!,
		/docker-credential-secretservice is not on PATH[\s\S]*apt-get install golang-docker-credential-helpers/,
	);
});

test('WSL: a credsStore whose helper PATH lacks is reported with the fix', () => {
	const text = '{\n\t"auths": {},\n\t"credsStore": "desktop.exe"\n}';
	const files = {[CONFIG]: {exists: true, text, mode: 0o600}};
	const plain = plan(answers(), env({files}));
	const note = plain.notes.find(item => item.message.includes('desktop.exe'))!;
	assert.equal(note.level, 'error', 'nowhere docker would read it: refused, not reported as done');
	assert.match(note.message, /docker-credential-desktop\.exe is not on PATH[\s\S]*WSL integration[\s\S]*--keychain regauth/);
	assert.ok(!artifact(plain, 'docker:config')!.text!.includes('auth"'), 'no password written where docker would not read it');

	const routed = plan(answers({keychain: {kind: 'regauth'}}), env({helpers: ['regauth'], files}));
	assert.ok(routed.notes.some(item => item.message.includes('desktop.exe') && item.message.includes('take precedence')));
});

test('outputs that cannot use a helper say so; remembered credentials are named', () => {
	const credentials = [{registry: 'quay.io', username: 'org+bot', password: 'pa55-word', email: '', fromKeychain: true}];
	const result = plan(answers({credentials, targets: ['kubernetes']}), env());
	assert.ok(result.notes.some(note => note.message.startsWith('Kubernetes Secrets cannot use a credential helper')));
	assert.ok(result.notes.some(note => note.message.includes('remembered in the keychain (user org+bot, item regauth/quay.io)')));
	assert.equal(result.headless, 'regauth --registry quay.io --username org+bot --from-keychain --target kubernetes --yes');

	const typed = plan(answers({targets: ['kubernetes']}), env());
	assert.ok(!typed.notes.some(note => note.message.includes('cannot use a credential helper')), 'no keychain involved: no note');
});

test("the wizard's keychain options: regauth first, Docker's helpers by availability, the file last with its warning", async () => {
	const {keychainOptions} = await import('../../source/keychain/choices.js');
	const options = keychainOptions({helpers: ['secretservice', 'desktop.exe'], regauthHelper: HELPER});
	assert.deepEqual(
		options.map(option => [option.choice.kind === 'helper' ? option.choice.name : option.choice.kind, option.available]),
		[
			['regauth', true],
			['secretservice', true],
			['desktop.exe', true],
			['pass', false],
			['file', true],
		],
	);
	assert.match(options.find(option => option.choice.kind === 'file')!.warning!, /not encryption/);
	assert.match(options[3]!.hint, /apt-get install golang-docker-credential-helpers/);
	assert.equal(keychainOptions({helpers: []})[0]!.available, false);
});
