// plan() runs on every keystroke with the same machine snapshot, so readAuthFile keeps each
// file state's parse and applyAuthChanges reuses the base text's tree. What is reused must be
// exactly what a fresh read gives, and a changed state must never be served from before.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {applyAuthChanges, readAuthFile} from '../../source/formats/docker-config.js';
import {jsonTree, setJsonValue} from '../../source/formats/json-text.js';

const config = (auths: Record<string, object>) => `${JSON.stringify({auths, credsStore: 'desktop'}, null, '\t')}\n`;

test('a file state is read once; a changed text or error is read again', () => {
	const state = {exists: true, text: config({'a.example': {auth: 'YTpi'}}), mode: 0o600};
	const first = readAuthFile(state);
	assert.equal(first.kind, 'present');
	assert.equal(readAuthFile(state), first, 'the same state gives the same (shared) result');
	assert.ok(Object.isFrozen(first) && first.kind === 'present' && Object.isFrozen(first.doc.auths), 'shared results are frozen');
	assert.throws(() => {
		(first as {doc: Record<string, unknown>}).doc.credsStore = 'x';
	}, TypeError);

	state.text = config({'b.example': {auth: 'Yjpj'}});
	const second = readAuthFile(state);
	assert.notEqual(second, first);
	assert.deepEqual(second.kind === 'present' && Object.keys(second.doc.auths as object), ['b.example']);

	state.text = '{"auths": ';
	assert.equal(readAuthFile(state).kind, 'malformed');
	const unreadable = {exists: true, text: config({}), error: undefined as string | undefined};
	assert.equal(readAuthFile(unreadable).kind, 'present');
	unreadable.error = 'EACCES: permission denied';
	assert.deepEqual(readAuthFile(unreadable), {kind: 'malformed', message: 'EACCES: permission denied'});
});

test('merging with the kept tree writes what a fresh parse writes, however often it runs', () => {
	const text = config({'old1.example': {auth: 'dTpw'}, 'old3.example': {auth: 'dTpw', email: 'a@b'}});
	const changes = (n: number) => ({
		auths: {'old3.example': {auth: `bmV3${n}`}, 'new2.example': {auth: `eDp5${n}`}, 'zz.example': {auth: 'eDp6'}},
		credHelpers: {'gcr.io': 'gcloud'},
	});
	const state = {exists: true, text};
	for (let n = 0; n < 3; n++) {
		const fresh = applyAuthChanges(readAuthFile({exists: true, text}), changes(n));
		assert.equal(applyAuthChanges(readAuthFile(state), changes(n)), fresh);
		assert.match(fresh, new RegExp(`"new2.example": \\{\\n\\t\\t\\t"auth": "eDp5${n}"`));
	}
	// A tree of another text is never used for this one.
	const stale = jsonTree('{"auths": {"x": {}}}');
	assert.equal(setJsonValue(text, ['auths', 'a'], {auth: 'x'}, stale), setJsonValue(text, ['auths', 'a'], {auth: 'x'}));
});
