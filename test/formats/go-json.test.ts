import assert from 'node:assert/strict';
import {test} from 'node:test';
import {goJson} from '../../source/formats/go-json.js';

test("escapes like Go's encoding/json", () => {
	assert.equal(goJson({a: 'p<&>"\\é:x'}), '{"a":"p\\u003c\\u0026\\u003e\\"\\\\é:x"}');
	assert.equal(goJson('\u2028\u2029'), '"\\u2028\\u2029"');
	assert.equal(goJson({a: {b: 1}}, '\t'), '{\n\t"a": {\n\t\t"b": 1\n\t}\n}');
});
