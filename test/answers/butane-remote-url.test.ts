// --butane-remote-url follows Ignition's own URL rules (docs/formats.md §6.6), so a config
// regauth accepts is one Butane and Ignition accept too.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkRemoteUrl} from '../../source/targets/butane/answers.js';

test('Ignition accepts these, so regauth does', () => {
	for (const url of [
		'https://cfg.example.com/c.json',
		's3://bucket/key',
		's3://bucket/key?versionId=aVersionHash',
		'gs://bucket/object',
		'tftp://example.com:69/c.json',
	]) {
		assert.equal(checkRemoteUrl(url, '1.0.0'), undefined, url);
	}
	assert.equal(checkRemoteUrl('arn:aws:s3:::my-bucket/flatcar/config.json', '1.1.0'), undefined);
});

test('Ignition refuses these, so regauth does, saying why', () => {
	assert.match(checkRemoteUrl('s3://bucket/key?versionId=', '1.0.0')!, /empty versionId; Ignition refuses it/);
	assert.match(checkRemoteUrl('arn:aws:s3:::my-bucket/key?versionId=', '1.1.0')!, /empty versionId/);
	assert.match(checkRemoteUrl('arn:aws:iam::123:role/x', '1.1.0')!, /not an S3 object ARN/);
	assert.match(checkRemoteUrl('arn:aws:s3:::b/k', '1.0.0')!, /must be an absolute http, https, tftp, s3, gs URL/);
	assert.match(checkRemoteUrl('https://cfg.example.com/a\u009bb/c.json', '1.0.0')!, /must be an absolute/);
	assert.match(checkRemoteUrl('https://cfg.example.com/a\u0007b', '1.0.0')!, /must be an absolute/);
});
