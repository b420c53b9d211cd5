// --marathon-uri: what the Mesos fetcher accepts (docs/formats.md §5.1): a URI with a scheme, or
// an absolute local path on the agent; the archive must be named .tar.gz/.tgz to be unpacked.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkMarathonUri} from '../../source/targets/mesos/answers.js';

test('absolute local paths are accepted like file:// URIs', () => {
	for (const uri of ['/etc/docker.tar.gz', 'file:///etc/docker.tar.gz', 'https://cfg.example.com/docker.tgz', 'hdfs://nn/creds/docker.tar.gz']) {
		assert.equal(checkMarathonUri(uri), undefined, uri);
	}
});

test('relative paths, non-archives and blanks are refused with the fix', () => {
	assert.match(checkMarathonUri('etc/docker.tar.gz')!, /not an absolute URI or path: write it as \/etc\/docker\.tar\.gz/);
	assert.match(checkMarathonUri('/etc/docker.json')!, /must end in \.tar\.gz or \.tgz/);
	assert.match(checkMarathonUri('/etc/my docker.tar.gz')!, /not an absolute URI or path/);
});
