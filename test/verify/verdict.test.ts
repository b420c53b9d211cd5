import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {VerifyResult} from '../../source/verify/result.js';
import {failureMessage, verdict} from '../../source/verify/verdict.js';

const result = (status: VerifyResult['status'], registry = 'quay.io'): VerifyResult => ({
	status,
	registry,
	message: `${registry} ${status}`,
	advice: `advice for ${status}`,
});

test('wrong credentials stop the run; an unreachable registry only warns', () => {
	const mixed = [result('verified', 'a.io'), result('unreachable', 'b.io'), result('tls', 'c.io')];
	const on = verdict(mixed, 'on');
	assert.deepEqual(on.failures, []);
	assert.deepEqual(
		on.notes.map(note => note.level),
		['info', 'warning', 'warning'],
	);
	assert.match(on.notes[1]!.message, /^Not verified: b\.io unreachable\. advice for unreachable$/);
	assert.deepEqual(
		verdict([result('rejected')], 'on').failures.map(failure => failure.status),
		['rejected'],
	);
	assert.deepEqual(
		verdict([result('invalid')], 'on').failures.map(failure => failure.status),
		['invalid'],
	);
});

test('--verify=strict stops on anything but verified', () => {
	const strict = verdict([result('verified', 'a.io'), result('unreachable', 'b.io'), result('anonymous', 'c.io')], 'strict');
	assert.deepEqual(
		strict.failures.map(failure => failure.registry),
		['b.io', 'c.io'],
	);
	assert.match(failureMessage(strict.failures, 'strict'), /nothing was written\. Without --verify=strict an unreachable registry only warns/);
	assert.match(
		failureMessage([result('rejected')], 'on'),
		/^quay\.io rejected\. advice for rejected\nregauth: nothing was written\. To save them anyway, add --no-verify\.$/,
	);
});
