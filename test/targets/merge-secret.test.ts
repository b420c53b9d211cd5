// Update in place, decided purely: which entries a merge adds, replaces and keeps, and when it refuses.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers, resolveAnswers} from '../../source/answers.js';
import {mergeSecret} from '../../source/targets/kubernetes/merge-secret.js';

const credentials = resolveAnswers({
	...defaultAnswers(),
	credentials: [{registry: 'docker.io', username: 'hub', password: 'pw', email: ''}],
}).credentials;
const entries = {'https://index.docker.io/v1/': {username: 'hub', password: 'pw', auth: 'aHViOnB3'}};
const secret = (type: string, key: string, doc: unknown) => ({
	apiVersion: 'v1',
	kind: 'Secret',
	metadata: {name: 'regcred', resourceVersion: '7', managedFields: [{manager: 'kubectl'}]},
	type,
	data: {[key]: Buffer.from(JSON.stringify(doc)).toString('base64')},
});
const decoded = (merged: {secret: Record<string, unknown>}, key = '.dockerconfigjson') =>
	JSON.parse(Buffer.from((merged.secret.data as Record<string, string>)[key]!, 'base64').toString());

test('Docker Hub aliases (docker.io, index.docker.io) give way to the key kubectl writes; others and extra fields stay', () => {
	const existing = secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson', {
		auths: {'docker.io': {auth: 'b2xkOm9sZA=='}, 'quay.io': {auth: 'cTpx', identitytoken: 'keep-me'}},
		credsStore: 'ignored-but-kept',
	});
	const merged = mergeSecret(existing, credentials, entries, 'dockerconfigjson');
	assert.equal(merged.status, 'merge');
	if (merged.status !== 'merge') return;
	assert.deepEqual(decoded(merged), {
		credsStore: 'ignored-but-kept',
		auths: {'https://index.docker.io/v1/': entries['https://index.docker.io/v1/'], 'quay.io': {auth: 'cTpx', identitytoken: 'keep-me'}},
	});
	assert.deepEqual([merged.added, merged.replaced, merged.kept], [['https://index.docker.io/v1/'], ['docker.io'], ['quay.io']]);
	assert.equal((merged.secret.metadata as Record<string, unknown>).resourceVersion, '7', 'kept: a concurrent change makes the replace fail');
	assert.equal((merged.secret.metadata as Record<string, unknown>).managedFields, undefined);
	assert.ok(!merged.decoded.includes('keep-me') && !merged.decoded.includes('cTpx'), 'the review masks the other registries’ secrets too');
});

test('the legacy dockercfg form merges as a flat map', () => {
	const merged = mergeSecret(secret('kubernetes.io/dockercfg', '.dockercfg', {'quay.io': {auth: 'cTpx'}}), credentials, entries, 'dockercfg');
	assert.equal(merged.status, 'merge');
	if (merged.status === 'merge') assert.deepEqual(Object.keys(decoded(merged, '.dockercfg')), ['https://index.docker.io/v1/', 'quay.io']);
});

test('the same entry already there: unchanged; another type or broken JSON: refused with the fix', () => {
	assert.deepEqual(mergeSecret(secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson', {auths: entries}), credentials, entries, 'dockerconfigjson'), {
		status: 'unchanged',
		kept: [],
	});
	const other = mergeSecret(secret('kubernetes.io/dockercfg', '.dockercfg', {}), credentials, entries, 'dockerconfigjson');
	assert.equal(other.status, 'refused');
	assert.match((other as {reason: string}).reason, /type kubernetes\.io\/dockercfg, not kubernetes\.io\/dockerconfigjson.*or --secret-type to match it/);
	const broken = {...secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson', {}), data: {'.dockerconfigjson': Buffer.from('{nope').toString('base64')}};
	assert.match((mergeSecret(broken, credentials, entries, 'dockerconfigjson') as {reason: string}).reason, /is not valid JSON; regauth will not change it/);
});
