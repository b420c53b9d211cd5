import assert from 'node:assert/strict';
import {test} from 'node:test';
import {applyEdit, cleanInsertion} from '../../source/ui/components/text-edit.js';

test('a pasted token loses its trailing newline (\\n, \\r\\n, \\r)', () => {
	for (const ending of ['\n', '\r\n', '\r']) assert.deepEqual(applyEdit('', '', `tok3n${ending}`), {value: 'tok3n', adjusted: true});
});

test('a held Backspace arriving as one chunk deletes, it is not inserted', () => {
	assert.deepEqual(applyEdit('secret', 'secret', 'secret\x7f\x7f\x7f'), {value: 'sec', adjusted: true});
	assert.equal(applyEdit('ab', 'ab', 'ab\x7f\x7f\x7f\x7f').value, '');
	assert.equal(applyEdit('abc', 'abc', 'abcXY\b').value, 'abcX');
});

test('escape sequences and control characters are dropped; Unicode is kept', () => {
	assert.equal(cleanInsertion('\x1b[200~pässwörd🔑\x1b[201~').text, 'pässwörd🔑');
	assert.equal(cleanInsertion('[200~').text, '');
	assert.equal(cleanInsertion('a\x1b[Db\tc\x00').text, 'abc');
	assert.equal(cleanInsertion('x\x1b]0;title\x07y').text, 'xy');
});

test('events computed from a stale render are rebased onto the latest value', () => {
	// "a" then "b" handled before a re-render: the second change is built from "".
	const first = applyEdit('', '', 'a');
	const second = applyEdit(first.value, '', 'b');
	assert.equal(second.value, 'ab');
	assert.equal(second.adjusted, true);
	// a backspace built from a stale render removes the latest last character
	assert.equal(applyEdit('abc', 'ab', 'a').value, 'ab');
});

test('an ordinary edit in the middle stays where the cursor was', () => {
	assert.deepEqual(applyEdit('hllo', 'hllo', 'hello'), {value: 'hello', adjusted: false});
	assert.deepEqual(applyEdit('hello', 'hello', 'helo'), {value: 'helo', adjusted: false});
});
