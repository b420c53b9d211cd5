import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {DOCKER_HUB_KEY, registryKey} from '../../source/formats/registry-key.js';

const key = (input: string) => {
	const result = registryKey(input);
	assert.ok(result.ok, `expected ${JSON.stringify(input)} to be accepted: ${result.ok ? '' : result.message}`);
	return result.value;
};
const error = (input: string) => {
	const result = registryKey(input);
	assert.ok(!result.ok, `expected ${JSON.stringify(input)} to be refused`);
	return result.message;
};

test('Docker Hub aliases all map to the index key', () => {
	for (const alias of [
		'',
		'docker.io',
		'index.docker.io',
		'registry-1.docker.io',
		'hub.docker.com',
		'Docker.IO',
		'https://index.docker.io/v1/',
		'https://registry-1.docker.io/v2/',
	]) {
		const value = key(alias);
		assert.equal(value.key, DOCKER_HUB_KEY, alias);
		assert.equal(value.host, 'docker.io');
		assert.equal(value.isDockerHub, true);
	}
});

test('a scheme or path is reduced to host[:port], and the user is told', () => {
	const value = key('https://Quay.io/v2/');
	assert.equal(value.key, 'quay.io');
	assert.ok(
		value.notes.some(note => note.includes('reduced')),
		value.notes.join(),
	);
	assert.ok(value.notes.some(note => note.includes('upper case')));
	assert.equal(key('http://localhost:5055/foo').key, 'localhost:5055');
	assert.equal(key('registry.example.com:5000/team/app').key, 'registry.example.com:5000');
	assert.deepEqual(key('quay.io').notes, []);
});

test('IPv6 literals are kept in brackets and compressed', () => {
	assert.equal(key('[2001:DB8:0:0::1]:5000').key, '[2001:db8::1]:5000');
	assert.equal(key('::1').key, '[::1]');
	assert.equal(key('https://[::1]:5000/v2/').key, '[::1]:5000');
	assert.match(error('[zz::1]:5000'), /IPv6/);
	assert.match(error('2001:db8::1:99999x'), /IPv6|brackets/);
});

test('bad input names the field and the fix', () => {
	assert.match(error('quay.io:0'), /^Registry "quay.io:0": the port must be a number from 1 to 65535/);
	assert.match(error('quay.io:abc'), /port/);
	assert.match(error('ftp://quay.io'), /http:\/\/ or https:\/\//);
	assert.match(error('user:pw@quay.io'), /do not put credentials/);
	assert.match(error('-bad-.example.com'), /not a valid host name/);
	assert.match(error('bücher.example'), /punycode/);
	assert.match(error(':5000'), /host name is missing/);
});

test('property: any valid host[:port] maps to itself, lower-cased, with or without scheme and path', () => {
	const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
	const host = fc.array(label, {minLength: 1, maxLength: 4}).map(labels => labels.join('.'));
	const port = fc.option(fc.integer({min: 1, max: 65535}), {nil: undefined});
	fc.assert(
		fc.property(
			host,
			port,
			fc.constantFrom('', 'https://', 'http://'),
			fc.constantFrom('', '/', '/v2/', '/ns/repo'),
			fc.boolean(),
			(h, p, scheme, path, upper) => {
				const hostPort = p === undefined ? h : `${h}:${p}`;
				const input = `${scheme}${upper ? hostPort.toUpperCase() : hostPort}${path}`;
				const result = registryKey(input);
				if (['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'].includes(hostPort)) {
					return result.ok && result.value.key === DOCKER_HUB_KEY;
				}
				return result.ok && result.value.key === hostPort && result.value.host === hostPort;
			},
		),
		{numRuns: 500},
	);
});

test('property: normalising twice changes nothing (idempotent)', () => {
	fc.assert(
		fc.property(fc.string({maxLength: 40}), input => {
			const once = registryKey(input);
			if (!once.ok) return true;
			const twice = registryKey(once.value.key);
			return twice.ok && twice.value.key === once.value.key;
		}),
		{numRuns: 1000},
	);
});
