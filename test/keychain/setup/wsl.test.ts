import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers, resolveAnswers} from '../../../source/answers.js';
import {windowsBlobIssues, windowsBlobProblem} from '../../../source/keychain/setup/windows-limit.js';
import {detectWsl} from '../../../source/keychain/setup/wsl.js';

const probe = (env: NodeJS.ProcessEnv, binfmt: string[] = [], version = 'Linux version 6.1.0-13-amd64') => ({
	env,
	binfmt: () => binfmt,
	procVersion: () => version,
});

test('WSL is told by any of three signals, and each is named', () => {
	assert.deepEqual(detectWsl(probe({})), {wsl: false, signals: []});
	assert.deepEqual(detectWsl(probe({}, ['register', 'status', 'WSLInterop-late'])).signals, ['/proc/sys/fs/binfmt_misc/WSLInterop']);
	assert.deepEqual(detectWsl(probe({WSL_DISTRO_NAME: 'Ubuntu'})).signals, ['WSL_DISTRO_NAME=Ubuntu']);
	assert.deepEqual(detectWsl(probe({}, [], 'Linux version 5.15.153.1-microsoft-standard-WSL2')).signals, ['/proc/version names Microsoft']);
});

test("Windows' 2,560-byte blob limit counts UTF-8 bytes, for wincred and desktop helpers only", () => {
	assert.equal(windowsBlobProblem('wincred.exe', 'r.example', 'a'.repeat(2560)), undefined);
	assert.match(windowsBlobProblem('wincred.exe', 'r.example', 'a'.repeat(2561)) ?? '', /2561 bytes.*at most 2560 bytes/);
	assert.match(windowsBlobProblem('desktop', 'r.example', 'é'.repeat(1281)) ?? '', /2562 bytes/);
	assert.equal(windowsBlobProblem('pass', 'r.example', 'a'.repeat(9000)), undefined);
});

test('the plan refuses an over-long token only when docker or podman route it to Windows', () => {
	const answers = {...defaultAnswers(), targets: ['docker' as const], keychain: {kind: 'helper' as const, name: 'desktop.exe'}};
	answers.credentials = [{registry: 'r.example', username: 'u', password: 'x'.repeat(3000), email: ''}];
	const {credentials} = resolveAnswers(answers);
	assert.equal(windowsBlobIssues(answers, credentials)[0]?.flag, '--keychain');
	assert.deepEqual(windowsBlobIssues({...answers, targets: ['kubernetes']}, credentials), []);
	assert.deepEqual(windowsBlobIssues({...answers, keychain: {kind: 'file'}}, credentials), []);
});
