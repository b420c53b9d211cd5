import {test} from 'node:test';
import assert from 'node:assert/strict';
import {gunzipSync} from 'node:zlib';
import fc from 'fast-check';
import {butaneDataUrl, decodeDataUrl, pathEscape} from '../../source/formats/data-url.js';

const bytes = (text: string) => new TextEncoder().encode(text);

test("escaping is Go's url.PathEscape (dataurl v1.0.0), not encodeURIComponent", () => {
	// Expected values are Go's: url.PathEscape keeps $&+:=@ and escapes !*'() and , ; / ?
	assert.equal(pathEscape(bytes('file contents\n')), 'file%20contents%0A');
	assert.equal(pathEscape(bytes("a:b$c&d+e=f@g")), 'a:b$c&d+e=f@g');
	assert.equal(pathEscape(bytes("!*'()")), '%21%2A%27%28%29');
	assert.equal(pathEscape(bytes(',;/?#%"{}')), '%2C%3B%2F%3F%23%25%22%7B%7D');
	assert.equal(pathEscape(bytes('-_.~AZaz09')), '-_.~AZaz09');
	assert.equal(pathEscape(Uint8Array.of(0x00, 0x0f, 0xc3, 0xa9)), '%00%0F%C3%A9');
	// dataurl's own test vector
	assert.equal(
		pathEscape(bytes('{[]byte("A%20brief%20note"), []byte("A brief note")}')),
		'%7B%5B%5Dbyte%28%22A%2520brief%2520note%22%29%2C%20%5B%5Dbyte%28%22A%20brief%20note%22%29%7D',
	);
});

test("Butane's own translate tests: the same choice and the same URL", () => {
	// coreos/butane base/v0_4/translate_test.go
	assert.deepEqual(butaneDataUrl(bytes('xyzzy')), {source: 'data:,xyzzy', compression: ''});
	assert.deepEqual(butaneDataUrl(bytes('file contents\n')), {source: 'data:,file%20contents%0A', compression: ''});
	const random = Uint8Array.from('\xc0\x9cl\x01\x89i\xa5\xbfW\xe4\x1b\xf4J_\xb79P\xa3#\xa7', char => char.charCodeAt(0));
	assert.deepEqual(butaneDataUrl(random), {source: 'data:;base64,wJxsAYlppb9X5Bv0Sl+3OVCjI6c=', compression: ''});
	// 150 × "z": gzip wins (Go's bytes differ from zlib's; the content is the same)
	const zzz = 'z'.repeat(150);
	const gz = butaneDataUrl(bytes(zzz));
	assert.equal(gz.compression, 'gzip');
	assert.equal(gunzipSync(Buffer.from(gz.source.slice('data:;base64,'.length), 'base64')).toString(), zzz);
	assert.deepEqual(butaneDataUrl(bytes(zzz), {autoCompress: false}), {source: `data:,${zzz}`, compression: ''});
});

test('formats.md §6.4: a one-line docker config becomes the base64 candidate', () => {
	const config = '{"auths":{"quay.io":{"auth":"bXlvcmcrcm9ib3Q6VE9LRU4="}}}\n';
	assert.deepEqual(butaneDataUrl(bytes(config)), {
		source: 'data:;base64,eyJhdXRocyI6eyJxdWF5LmlvIjp7ImF1dGgiOiJiWGx2Y21jcmNtOWliM1E2VkU5TFJVND0ifX19Cg==',
		compression: '',
	});
});

test('property: the chosen URL decodes to the input bytes and is never longer than base64', () => {
	fc.assert(
		fc.property(fc.uint8Array({maxLength: 300}), input => {
			const url = butaneDataUrl(input);
			let decoded = decodeDataUrl(url.source);
			if (url.compression === 'gzip') decoded = new Uint8Array(gunzipSync(decoded));
			const base64 = `data:;base64,${Buffer.from(input).toString('base64')}`;
			return Buffer.from(decoded).equals(Buffer.from(input)) && url.source.length <= base64.length;
		}),
		{numRuns: 500},
	);
});
