import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {terminalText} from '../../source/formats/terminal-text.js';

test('escape sequences from a registry or a file are shown, not run', () => {
	assert.equal(terminalText('denied \x1b]0;PWNED\x07\x1b[2J'), 'denied \\u001B]0;PWNED\\u0007\\u001B[2J');
	assert.equal(terminalText('a\x9b2Jb'), 'a\\u009B2Jb', 'C1 CSI');
	assert.equal(terminalText('report\u202Efdp.exe'), 'report\\u202Efdp.exe', 'bidi override');
	assert.equal(terminalText('x\u2066y\u2069\u200F'), 'x\\u2066y\\u2069\\u200F');
	assert.equal(terminalText('line\nnext\rover\ttab'), 'line\\nnext\\rover\\ttab');
	assert.equal(terminalText('\x7f'), '\\u007F');
});

test('multiline keeps line feeds and tabs, still escapes CR and ESC', () => {
	assert.equal(terminalText('a\n\tb\r\x1b[2J', {multiline: true}), 'a\n\tb\\r\\u001B[2J');
});

test('ordinary text, including non-ASCII, is untouched', () => {
	for (const text of ['quay.io as myorg+robot', 'café — ✓ 日本語 🐳', 'C:\\path', '']) assert.equal(terminalText(text), text);
});

test('the output never holds a control character, and JSON passed through stays the same document', () => {
	fc.assert(
		fc.property(fc.string({unit: 'binary'}), text => {
			const safe = terminalText(text);
			assert.doesNotMatch(safe, /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
			const json = JSON.stringify({text}, null, '\t');
			assert.deepEqual(JSON.parse(terminalText(json, {multiline: true})), {text});
		}),
	);
});
