// Every field label fits the label column with the pointer and a space before the value: a
// longer one wrapped to a second line ("Username" / "property"), which the options window did
// not count, and pushed its "more below" marker off the screen at 80×24.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {allOptions} from '../../source/targets/specs.js';
import {fitPlaceholder, LABEL_WIDTH} from '../../source/ui/components/text-field.js';
import {CREDENTIAL_FIELDS} from '../../source/ui/credential-fields.js';

test('every option and credential label fits the label column (pointer, label, a space)', () => {
	const labels = [...allOptions().map(({option}) => option.label), ...CREDENTIAL_FIELDS.map(field => field.label), 'Output dir', 'Import file'];
	for (const label of labels)
		assert.ok([...label].length + 3 <= LABEL_WIDTH, `“${label}” needs ${[...label].length + 3} columns; LABEL_WIDTH is ${LABEL_WIDTH}`);
});

test('a placeholder longer than its field is cut with "…" in one line, not clipped mid-word', () => {
	assert.equal(fitPlaceholder('(optional) path of a Quay robot file', 20), '(optional) path of…');
	assert.equal(fitPlaceholder('(optional) path', 20), '(optional) path');
	assert.equal(fitPlaceholder(undefined, 20), '');
});
