import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	checkEmail,
	checkNamespace,
	checkPassword,
	checkSecretName,
	checkUsername,
	defaultAnswers,
	resolveAnswers,
	robotAccount,
	trimOneNewline,
} from '../source/answers.js';
import {answerIssues} from '../source/targets/options.js';

test('usernames: required, no colon, no control characters or edge spaces', () => {
	assert.match(checkUsername('')!, /^Username is required/);
	assert.match(checkUsername('a:b')!, /^Username must not contain ":".*Remove the colon/);
	assert.match(checkUsername('bob\n')!, /control character/);
	assert.match(checkUsername(' bob')!, /space/);
	assert.equal(checkUsername('myorg+robot'), undefined);
	assert.equal(checkUsername('用户'), undefined);
});

test('Quay robots are recognised', () => {
	assert.deepEqual(robotAccount('myorg+ci_bot'), {namespace: 'myorg', name: 'ci_bot'});
	assert.equal(robotAccount('alice'), undefined);
	assert.equal(robotAccount('a+b+c'), undefined);
});

test('passwords: anything but empty; stdin loses exactly one trailing newline', () => {
	assert.match(checkPassword('')!, /^Password or token is required/);
	assert.equal(checkPassword(' \t🔑"\\'), undefined);
	assert.equal(trimOneNewline('pw\n'), 'pw');
	assert.equal(trimOneNewline('pw\r\n'), 'pw');
	assert.equal(trimOneNewline('pw\r'), 'pw');
	assert.equal(trimOneNewline('pw\n\n'), 'pw\n');
	assert.equal(trimOneNewline('p\nw'), 'p\nw');
});

test('email is optional but must look like one', () => {
	assert.equal(checkEmail(''), undefined);
	assert.equal(checkEmail('me@example.com'), undefined);
	assert.match(checkEmail('me')!, /^Email must look like/);
});

test('Kubernetes names: Secret is a DNS-1123 subdomain, namespace a DNS-1123 label', () => {
	assert.equal(checkSecretName('reg.cred-1'), undefined);
	assert.match(checkSecretName('My_Secret')!, /^Secret name "My_Secret" is not a lowercase RFC 1123 subdomain/);
	assert.match(checkSecretName('')!, /required/);
	assert.match(checkSecretName('a'.repeat(254))!, /RFC 1123/);
	assert.equal(checkNamespace('kube-system'), undefined);
	assert.match(checkNamespace('a.b')!, /^Namespace "a.b" is not a lowercase RFC 1123 label/);
	assert.match(checkNamespace('a'.repeat(64))!, /at most 63/);
});

test('the answer checks name each field and flag, and number registries when there are several', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['docker' as const, 'kubernetes' as const],
		credentials: [
			{registry: 'quay.io', username: 'a:b', password: 'x', email: ''},
			{registry: 'Quay.io/v2/', username: 'u', password: '', email: 'nope'},
		],
	};
	answers.kubernetes.namespaces = ['ok', 'Bad', 'ok'];
	const {credentials} = resolveAnswers(answers);
	const issues = answerIssues(answers);
	const summary = issues.map(issue => `${issue.flag}|${issue.label}`);
	assert.deepEqual(summary, [
		'--username|Username (registry 1)',
		'--password-stdin|Password (registry 2)',
		'--email|Email (registry 2)',
		'--registry|Registry (registry 2)',
		'--namespace|Namespaces',
		'--namespace|Namespaces',
	]);
	assert.match(issues[3]!.message, /already registry 1/);
	// Planned for the preview even while other fields are wrong; the duplicate is not.
	assert.deepEqual(
		credentials.map(credential => credential.key),
		['quay.io'],
	);
});

test('no registry and no target are issues too', () => {
	const {issues} = resolveAnswers({...defaultAnswers(), targets: []});
	assert.deepEqual(
		issues.map(issue => issue.flag),
		['--registry', '--target'],
	);
});
