// The preview re-plans on every keystroke and reads only masked text: plan() leaves the Butane
// YAML and the Mesos archive to their first reader (source/targets/lazy-content.ts), and reuses
// secret-free YAML (source/formats/recent.ts). The bytes themselves are held to the golden corpus;
// this holds the contract around them.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {recent} from '../../source/formats/recent.js';
import type {Artifact} from '../../source/plan-types.js';
import {lazyContent} from '../../source/targets/lazy-content.js';
import {answersFor, artifact, HUB, planChecked, ROBOT} from '../support/plan-fixtures.js';

test('plan() leaves the Butane YAML and the Mesos archive unbuilt; the first read builds them once, as every later reader sees them', () => {
	const result = planChecked(answersFor(['butane', 'mesos'], [ROBOT, HUB]));
	for (const id of ['butane:config', 'mesos:archive']) {
		const found = artifact(result, id);
		const descriptor = Object.getOwnPropertyDescriptor(found, 'bytes');
		assert.equal(typeof descriptor?.get, 'function', `${id}: bytes computed on read`);
		assert.equal(descriptor?.enumerable, true, `${id}: JSON and spreads still see bytes`);
		assert.equal(found.bytes, found.bytes, `${id}: built once`);
		const copy = {...found};
		assert.deepEqual(copy.bytes, found.bytes);
		assert.equal(Object.getOwnPropertyDescriptor(copy, 'bytes')?.get, undefined, 'a copy holds the value');
	}
	const config = artifact(result, 'butane:config');
	assert.equal(Buffer.from(config.bytes).toString('utf8'), config.text);
	assert.match(config.text ?? '', /variant: flatcar/);
	assert.equal(artifact(result, 'mesos:archive').text, null);
});

test('lazyContent computes on first read only, and a set value replaces it', () => {
	let calls = 0;
	const base = {id: 'x', bytes: new Uint8Array(0), text: '', redacted: 'masked'} as unknown as Artifact;
	const lazy = lazyContent(base, () => {
		calls++;
		return {text: 'real', bytes: new Uint8Array([114, 101, 97, 108])};
	});
	assert.equal(lazy.redacted, 'masked');
	assert.equal(calls, 0);
	assert.equal(lazy.text, 'real');
	assert.deepEqual([...lazy.bytes], [114, 101, 97, 108]);
	assert.equal(calls, 1);
	assert.equal(JSON.parse(JSON.stringify(lazy)).text, 'real');
	lazy.text = 'set';
	assert.equal(lazy.text, 'set');
	assert.equal(calls, 1);
});

test('recent keeps the last results by exact input, at most its size, oldest dropped first', () => {
	const seen: string[] = [];
	const upper = recent(
		(input: {word: string}) => {
			seen.push(input.word);
			return input.word.toUpperCase();
		},
		input => JSON.stringify(input),
		2,
	);
	assert.equal(upper({word: 'a'}), 'A');
	assert.equal(upper({word: 'a'}), 'A');
	assert.equal(upper({word: 'b'}), 'B');
	assert.equal(upper({word: 'a'}), 'A'); // a is now the most recent
	assert.equal(upper({word: 'c'}), 'C'); // drops b
	assert.equal(upper({word: 'a'}), 'A');
	assert.equal(upper({word: 'b'}), 'B');
	assert.deepEqual(seen, ['a', 'b', 'c', 'b']);
});
