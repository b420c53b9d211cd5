import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {visit} from 'jsonc-parser';
import {MASK, maskJsonSecrets, parseJson, setJsonValue} from '../../source/formats/json-text.js';

test('parse errors carry the line and column', () => {
	const result = parseJson('{\n\t"auths": {\n\t\t"a": {},\n\t}\n}');
	assert.equal(result.ok, false);
	assert.match(result.ok ? '' : result.message, /line 4, column 2/);
	assert.match((parseJson('') as {message: string}).message, /empty/);
	assert.match((parseJson('{"a": 1} x') as {message: string}).message, /unexpected character at line 1, column 10/);
	assert.match((parseJson('{"a": 1} {}') as {message: string}).message, /text after the end/);
	assert.match((parseJson('{/* c */}') as {message: string}).message, /comments are not allowed/);
});

test('setting a value keeps every other byte, and follows the file’s indentation', () => {
	const text = '{\n    "auths": {\n        "a": {"auth": "eA=="}\n    },\n    "x": 1.0\n}\n';
	const next = setJsonValue(text, ['auths', 'b'], {auth: 'Yjpj'});
	assert.ok(next.includes('"x": 1.0'), next);
	assert.ok(next.endsWith('}\n'));
	assert.match(next, /\n {8}"b": \{\n {12}"auth": "Yjpj"\n {8}\}/);
});

test('masking hides every credential-bearing value and nothing else', () => {
	const text = '{"auths":{"q":{"auth":"c2VjcmV0","email":"e@x"},"r":{"identitytoken":"tok","username":"u","password":"p"}},"credsStore":"pass"}';
	const masked = maskJsonSecrets(text);
	for (const secret of ['c2VjcmV0', '"tok"', '"p"']) assert.ok(!masked.includes(secret), secret);
	for (const kept of ['e@x', '"u"', '"pass"', '"q"', '"r"']) assert.ok(masked.includes(kept), kept);
	assert.equal(masked.split(MASK).length - 1, 3);
});

test('HttpHeaders values and passwords in proxy URLs are masked too', () => {
	const text =
		'{"HttpHeaders": {"Authorization": "Bearer hdrsecret", "X-Meta": "x"}, "proxies": {"default": {"httpProxy": "http://u:proxypass@p:3128", "noProxy": "localhost"}}}';
	const masked = maskJsonSecrets(text);
	assert.ok(!masked.includes('hdrsecret') && !masked.includes('proxypass'), masked);
	assert.ok(masked.includes('"http://u:••••••••@p:3128"'));
	assert.ok(masked.includes('"noProxy": "localhost"'));
	JSON.parse(masked);
});

test('a merge edits only its own property: neighbours keep their exact bytes, new keys go where they sort', async () => {
	const {setJsonValue} = await import('../../source/formats/json-text.js');
	const text = '{\n\t"auths": {\n\t\t"a.io": {"auth": "eA==", "x-extra": 1},\n\t\t"z.io": {"auth": "eQ=="}\n\t},\n\t"k": 1.50\n}';
	const next = setJsonValue(text, ['auths', 'quay.io'], {auth: 'YQ=='});
	assert.equal(
		next,
		'{\n\t"auths": {\n\t\t"a.io": {"auth": "eA==", "x-extra": 1},\n\t\t"quay.io": {\n\t\t\t"auth": "YQ=="\n\t\t},\n\t\t"z.io": {"auth": "eQ=="}\n\t},\n\t"k": 1.50\n}',
	);
	assert.equal(setJsonValue(next, ['auths', 'quay.io'], undefined), text);
	assert.equal(setJsonValue('{"auths":{}}', ['auths', 'q.io'], {auth: 'YQ=='}), '{"auths":{"q.io":{"auth":"YQ=="}}}');
});

// The masker tracks the path itself (no path array per string); this is the pathSupplier()
// version it replaced, kept as the reference both must agree with on any JSON.
function referenceMask(text: string): string {
	const ranges: Array<[number, number, string]> = [];
	const SECRET = new Set(['auth', 'password', 'identitytoken', 'registrytoken', 'secret', 'token']);
	const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+(@)/i;
	visit(text, {
		onLiteralValue: (value, offset, length, _line, _column, pathSupplier) => {
			if (typeof value !== 'string' || value === '') return;
			const path = pathSupplier();
			const property = String(path.at(-1) ?? '').toLowerCase();
			if (SECRET.has(property) || path.some(part => String(part).toLowerCase() === 'httpheaders')) ranges.push([offset, offset + length, `"${MASK}"`]);
			else if (URL_PASSWORD.test(value)) ranges.push([offset, offset + length, JSON.stringify(value.replace(URL_PASSWORD, `$1${MASK}$2`))]);
		},
	});
	let out = '';
	let at = 0;
	for (const [start, end, replacement] of ranges) {
		out += text.slice(at, start) + replacement;
		at = end;
	}
	return out + text.slice(at);
}

test('masking agrees with the path-based reference on any JSON, nested HttpHeaders and arrays included', () => {
	const key = fc.constantFrom('auth', 'Auth', 'password', 'HttpHeaders', 'httpHeaders', 'user', 'proxies', 'token', 'x', '0');
	const leaf = fc.oneof(fc.string(), fc.constantFrom('http://u:p@proxy:3128', 'hunter2', ''), fc.integer(), fc.boolean(), fc.constant(null));
	const {value} = fc.letrec(tie => ({
		value: fc.oneof({depthSize: 'small', withCrossShrink: true}, leaf, tie('array'), tie('object')),
		array: fc.array(tie('value'), {maxLength: 4}),
		object: fc.dictionary(key, tie('value'), {maxKeys: 5}),
	}));
	fc.assert(
		fc.property(value, fc.constantFrom(0, 1, '\t'), (json, indent) => {
			const text = JSON.stringify(json, null, indent);
			assert.equal(maskJsonSecrets(text), referenceMask(text));
		}),
		{numRuns: 400},
	);
	// Malformed input masks as before too (the preview shows a broken config.json masked).
	for (const text of ['{"auth": "a", "x": {"HttpHeaders": {"A": "b"', '{"a": ["password", {"token": "t"}]', '"auth"', '{"auth" "a"}'])
		assert.equal(maskJsonSecrets(text), referenceMask(text), text);
});
