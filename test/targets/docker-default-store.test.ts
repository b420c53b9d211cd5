// The note about the store `docker login` picks by itself names what docker really picks
// (docs/formats.md §2.4): pass only when the `pass` program is on PATH, else secretservice;
// and only when that helper is installed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';

function note(helpers: string[], pass: boolean): string | undefined {
	const answers = {...defaultAnswers(), targets: ['docker' as const], credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
	const env = emptyEnvironment({helpers, programs: pass ? {pass: '/usr/bin/pass'} : {}});
	return plan(answers, env).notes.find(item => item.message.includes('docker’s default-store detection'))?.message;
}

test('docker-credential-pass without the pass program: docker picks secretservice, if installed', () => {
	assert.match(note(['pass', 'secretservice'], false)!, /picks docker-credential-secretservice/);
	assert.equal(note(['pass'], false), undefined, 'no secretservice helper: docker keeps the login in the file');
});

test('with the pass program on PATH docker picks pass, only if its helper is installed', () => {
	assert.match(note(['pass', 'secretservice'], true)!, /picks docker-credential-pass/);
	assert.equal(note(['secretservice'], true), undefined);
});
