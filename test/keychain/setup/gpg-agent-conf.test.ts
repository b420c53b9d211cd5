import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CACHE_TTL_SECONDS, mergeAgentConf} from '../../../source/keychain/setup/gpg-agent-conf.js';

test('a new gpg-agent.conf gets loopback and both cache TTLs, with a comment saying why', () => {
	const result = mergeAgentConf(undefined);
	assert.equal(result.changed, true);
	assert.match(result.text, /^# Added by `regauth keychain setup --store pass`/);
	assert.deepEqual(
		result.text.split('\n').filter(line => line !== '' && !line.startsWith('#')),
		['allow-loopback-pinentry', `default-cache-ttl ${CACHE_TTL_SECONDS}`, `max-cache-ttl ${CACHE_TTL_SECONDS}`],
	);
});

test("the user's own lines and values stay; only missing ones are added, and a differing value is named", () => {
	const existing = 'pinentry-program /usr/bin/pinentry-curses\ndefault-cache-ttl 600';
	const result = mergeAgentConf(existing);
	assert.ok(result.text.startsWith(`${existing}\n\n#`));
	assert.doesNotMatch(result.text, /default-cache-ttl 28800/);
	assert.match(result.text, /^max-cache-ttl 28800$/m);
	assert.deepEqual(result.notes, ['gpg-agent.conf already sets default-cache-ttl 600; regauth keeps your value (it would set 28800).']);
});

test('a file that already has everything is left byte for byte', () => {
	const text = mergeAgentConf(undefined).text;
	assert.deepEqual(mergeAgentConf(text), {text, changed: false, notes: []});
});

test('no-allow-loopback-pinentry blocks the set-up with the fix', () => {
	const result = mergeAgentConf('no-allow-loopback-pinentry\n');
	assert.equal(result.changed, false);
	assert.match(result.blocked ?? '', /no-allow-loopback-pinentry: .*Remove that line/);
});
