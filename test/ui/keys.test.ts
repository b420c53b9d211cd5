// Raw terminal input → keys, with the exact bytes terminals send.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeKeys, keyDecoder} from '../../source/ui/keys.js';

test('Backspace and Delete are told apart (Ink names both "delete")', () => {
	assert.deepEqual(decodeKeys('\x7f'), [{name: 'backspace'}]);
	assert.deepEqual(decodeKeys('\b'), [{name: 'backspace'}]);
	assert.deepEqual(decodeKeys('\x1b[3~'), [{name: 'delete'}]);
});

test('a chunk typed ahead is split into its keys: text, then Enter; Space then Enter; text then Ctrl+C', () => {
	assert.deepEqual(decodeKeys('token\r'), [{name: 'text', text: 'token'}, {name: 'enter'}]);
	assert.deepEqual(decodeKeys(' \r'), [{name: 'text', text: ' '}, {name: 'enter'}]);
	assert.deepEqual(decodeKeys('ci\x03'), [
		{name: 'text', text: 'ci'},
		{name: 'ctrl', text: 'c'},
	]);
	assert.deepEqual(decodeKeys('\x1b[B\r'), [{name: 'down'}, {name: 'enter'}]);
});

test('readline keys: Ctrl letters, Alt+B/F, Home/End in their several encodings, Ctrl+arrows, Shift+Tab', () => {
	assert.deepEqual(
		decodeKeys('\x01\x05\x15\x0b\x17'),
		['a', 'e', 'u', 'k', 'w'].map(text => ({name: 'ctrl', text})),
	);
	assert.deepEqual(decodeKeys('\x1bb'), [{name: 'meta', text: 'b'}]);
	assert.deepEqual(decodeKeys('\x1bf'), [{name: 'meta', text: 'f'}]);
	assert.deepEqual(decodeKeys('\x1b\x7f'), [{name: 'meta', text: 'backspace'}]);
	for (const home of ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~']) assert.deepEqual(decodeKeys(home), [{name: 'home'}], JSON.stringify(home));
	for (const end of ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~']) assert.deepEqual(decodeKeys(end), [{name: 'end'}], JSON.stringify(end));
	assert.deepEqual(decodeKeys('\x1b[1;5D'), [{name: 'left', ctrl: true}]);
	assert.deepEqual(decodeKeys('\x1b[1;5C'), [{name: 'right', ctrl: true}]);
	assert.deepEqual(decodeKeys('\x1b[Z'), [{name: 'tab', shift: true}]);
	assert.deepEqual(decodeKeys('\x1b'), [{name: 'escape'}]);
	assert.deepEqual(decodeKeys('\x1b[5~\x1b[6~'), [{name: 'pageUp'}, {name: 'pageDown'}]);
});

test('a bracketed paste is text, whole; a newline at its end is Enter; control characters inside are dropped', () => {
	assert.deepEqual(decodeKeys('\x1b[200~/tmp/robot.json\n\x1b[201~'), [
		{name: 'text', text: '/tmp/robot.json', pasted: true},
		{name: 'enter', pasted: true},
	]);
	assert.deepEqual(decodeKeys('\x1b[200~a\tb\x1b[201~'), [{name: 'text', text: 'ab', pasted: true}]);
	// Ink hands the markers and the text over as separate events.
	const decode = keyDecoder();
	assert.deepEqual(decode('\x1b[200~'), []);
	assert.deepEqual(decode('tok\ren'), []);
	assert.deepEqual(decode('\x1b[201~'), [{name: 'text', text: 'token', pasted: true}]);
	assert.deepEqual(decode('x'), [{name: 'text', text: 'x'}]);
});
