import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {decodeAuth, encodeAuth} from '../../source/formats/docker-auth.js';

test('encodes like docker login (docs/formats.md §1.3 reference)', () => {
	assert.equal(encodeAuth('org+robot', 'pa:ss'), 'b3JnK3JvYm90OnBhOnNz');
	assert.equal(encodeAuth('alice', 'pw'), 'YWxpY2U6cHc=');
});

test('property: any user without ":" and any password round-trip through auth', () => {
	fc.assert(
		fc.property(
			fc.string({unit: 'grapheme', minLength: 1}).filter(user => !user.includes(':')),
			fc.string({unit: 'grapheme'}).filter(password => !password.endsWith('\0')),
			(username, password) => {
				const decoded = decodeAuth(encodeAuth(username, password));
				return decoded.ok && decoded.username === username && decoded.password === password;
			},
		),
		{numRuns: 1000},
	);
});

test('decoding fails like docker for the seed document placeholder and for missing colons', () => {
	const placeholder = decodeAuth('AbCdEfGhIj');
	assert.equal(placeholder.ok, false);
	assert.match(placeholder.ok ? '' : placeholder.message, /illegal base64 data/);
	const noColon = decodeAuth(Buffer.from('justuser').toString('base64'));
	assert.equal(noColon.ok, false);
	assert.match(noColon.ok ? '' : noColon.message, /invalid auth configuration/);
	const emptyUser = decodeAuth(Buffer.from(':pw').toString('base64'));
	assert.equal(emptyUser.ok, false);
	assert.match(decodeAuth('ab$d').ok ? '' : (decodeAuth('ab$d') as {message: string}).message, /input byte 2/);
});

test('a colon in the password splits at the first colon', () => {
	assert.deepEqual(decodeAuth(encodeAuth('u', 'a:b:c')), {ok: true, username: 'u', password: 'a:b:c'});
});
