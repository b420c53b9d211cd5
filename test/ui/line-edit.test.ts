// Text fields edit like readline (and `docker login`): every key, and no control key inserts a letter.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeKeys} from '../../source/ui/keys.js';
import {editLine, type Line} from '../../source/ui/line-edit.js';

/** Feed raw terminal input to a line, as the wizard does. */
function typeInto(line: Line, raw: string): Line {
	return decodeKeys(raw).reduce((current, key) => editLine(current, key) ?? current, line);
}

const at = (value: string, cursor = [...value].length): Line => ({value, cursor});

test('Ctrl+U clears before the cursor, Ctrl+K after it, Ctrl+W the word before it', () => {
	assert.deepEqual(typeInto(at('someuser'), '\x15'), at('', 0));
	assert.deepEqual(typeInto(at('pass'), '\x15pass'), at('pass'));
	assert.deepEqual(typeInto(at('someuser', 4), '\x0b'), at('some'));
	assert.deepEqual(typeInto(at('docker login host'), '\x17'), at('docker login '));
	assert.deepEqual(typeInto(at('/etc/rkt/auth.d'), '\x17'), at(''));
});

test('the review’s sequence: someuser + Ctrl+U Ctrl+W Ctrl+A Ctrl+E Ctrl+K inserts nothing; Home then X types at the start', () => {
	const line = typeInto(at('someuser'), '\x15\x17\x01\x05\x0b');
	assert.equal(line.value, '');
	assert.deepEqual(typeInto(at('user'), '\x1b[HX'), at('Xuser', 1));
	assert.deepEqual(typeInto(at('user'), '\x01X\x05Y'), at('XuserY'));
});

test('Alt+B/F and Ctrl+←/→ move by words; Left/Right by characters; End goes to the end', () => {
	assert.equal(typeInto(at('registry.example.com:5000'), '\x1bb').cursor, 21);
	assert.equal(typeInto(at('registry.example.com:5000'), '\x1bb\x1bb').cursor, 17);
	assert.equal(typeInto(at('registry.example.com:5000', 0), '\x1bf').cursor, 8);
	assert.equal(typeInto(at('a b c'), '\x1b[1;5D\x1b[1;5D').cursor, 2);
	assert.equal(typeInto(at('a b c', 0), '\x1b[1;5C').cursor, 1);
	assert.equal(typeInto(at('abc'), '\x1b[D\x1b[D\x1b[C').cursor, 2);
	assert.equal(typeInto(at('abc', 0), '\x1b[F').cursor, 3);
});

test('Backspace deletes before the cursor, Delete under it; a held Backspace in one chunk deletes each', () => {
	assert.deepEqual(typeInto(at('abc', 1), '\x7f'), at('bc', 0));
	assert.deepEqual(typeInto(at('abc', 1), '\x1b[3~'), at('ac', 1));
	assert.deepEqual(typeInto(at('secret'), '\x7f\x7f\x7f'), at('sec'));
	assert.deepEqual(typeInto(at('', 0), '\x7f\x1b[3~'), at('', 0));
});

test('no control or Alt key inserts a letter', () => {
	for (let code = 0; code < 0x20; code++) {
		if ([0x08, 0x09, 0x0a, 0x0d, 0x1b].includes(code)) continue; // Backspace, Tab, Enter: not edits or handled
		const raw = String.fromCharCode(code);
		const line = typeInto(at('ab', 1), raw);
		assert.ok(
			[...line.value].every(char => 'ab'.includes(char)),
			`Ctrl+${String.fromCharCode(code + 0x40)} inserted: ${line.value}`,
		);
	}
	for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
		const line = typeInto(at('xy'), `\x1b${letter}`);
		assert.ok(!line.value.includes(letter) || 'xy'.includes(letter), `Alt+${letter} inserted`);
	}
});

test('positions count characters, not UTF-16 units: an emoji is one character', () => {
	assert.deepEqual(typeInto(at('a😀b'), '\x7f\x7f'), at('a'));
});
