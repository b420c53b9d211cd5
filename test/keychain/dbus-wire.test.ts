// The D-Bus marshalling behind the helper's own `get` (source/keychain/dbus-wire.ts), and where
// it finds the session bus. Against the real bus: test/keychain/helper-bus-get.test.ts.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeMessage, encodeMethodCall, messageLength, parseSignature} from '../../source/keychain/dbus-wire.js';
import {sessionBusSocket} from '../../source/keychain/secret-service-get.js';

test('a method call encodes as the specification lays it out, and reads back', () => {
	const bytes = encodeMethodCall(7, {
		destination: 'org.freedesktop.secrets',
		path: '/org/freedesktop/secrets',
		interface: 'org.freedesktop.Secret.Service',
		member: 'SearchItems',
		signature: 'a{ss}',
		body: [
			[
				['service', 'regauth'],
				['account', 'ü.example'],
			],
		],
	});
	// Fixed header: little-endian, METHOD_CALL, no flags, version 1, body length, serial 7.
	assert.deepEqual([...bytes.subarray(0, 4)], [0x6c, 1, 0, 1]);
	assert.equal(bytes.readUInt32LE(8), 7);
	assert.equal(messageLength(bytes), bytes.length);
	const headerEnd = 16 + bytes.readUInt32LE(12);
	const bodyStart = headerEnd + ((8 - (headerEnd % 8)) % 8);
	assert.equal(bodyStart % 8, 0);
	assert.equal(bytes.length - bodyStart, bytes.readUInt32LE(4));
	// Body a{ss}: array length, padding to 8, then each entry 8-aligned: "service" (len 7), "regauth"…
	assert.equal(bytes.readUInt32LE(bodyStart + 4), 0, 'pad to the dict entry');
	assert.equal(bytes.readUInt32LE(bodyStart + 8), 7);
	assert.equal(bytes.toString('utf8', bodyStart + 12, bodyStart + 19), 'service');

	const message = decodeMessage(bytes);
	assert.equal(message.type, 1);
	assert.equal(message.serial, 7);
	assert.deepEqual(message.body, [
		[
			['service', 'regauth'],
			['account', 'ü.example'],
		],
	]);
});

test('replies: big-endian too, byte arrays, variants, structs; a short buffer waits', () => {
	// A big-endian METHOD_RETURN (type 2) to serial 3 with signature (oayays), written by hand.
	const body = Buffer.concat([
		Buffer.from([0, 0, 0, 4]),
		Buffer.from('/s/1\0', 'latin1'),
		Buffer.from([0, 0, 0]), // pad to 4
		Buffer.from([0, 0, 0, 0]), // ay: empty parameters
		Buffer.from([0, 0, 0, 3]),
		Buffer.from('pw\n', 'latin1'),
		Buffer.from([0]), // pad to 4
		Buffer.from([0, 0, 0, 10]),
		Buffer.from('text/plain\0', 'latin1'),
	]);
	const fields = Buffer.concat([
		Buffer.from([5, 1]),
		Buffer.from('u\0', 'latin1'),
		Buffer.from([0, 0, 0, 3]), // REPLY_SERIAL u 3
		Buffer.from([8, 1]),
		Buffer.from('g\0', 'latin1'),
		Buffer.from([8]),
		Buffer.from('(oayays)\0', 'latin1'), // SIGNATURE
	]);
	const header = Buffer.concat([Buffer.from([0x42, 2, 1, 1]), u32be(body.length), u32be(9), u32be(fields.length), fields]);
	const padded = Buffer.concat([header, Buffer.alloc((8 - (header.length % 8)) % 8)]);
	const message = Buffer.concat([padded, body]);
	assert.equal(messageLength(message.subarray(0, 15)), undefined);
	assert.equal(messageLength(message), message.length);
	const decoded = decodeMessage(message);
	assert.equal(decoded.type, 2);
	assert.equal(decoded.replySerial, 3);
	assert.deepEqual(decoded.body, [['/s/1', Buffer.alloc(0), Buffer.from('pw\n'), 'text/plain']]);

	const variant = decodeMessage(
		encodeMethodCall(1, {destination: 'd.e', path: '/', interface: 'i.j', member: 'M', signature: 'svb', body: ['plain', ['s', ''], true]}),
	);
	assert.deepEqual(variant.body, ['plain', ['s', ''], true]);
	assert.throws(() => parseSignature('a{ss'), /bad D-Bus signature/);
	assert.throws(() => decodeMessage(message.subarray(0, message.length - 4)), /truncated/);
});

test('the session bus socket is found where GDBus finds it', () => {
	assert.equal(sessionBusSocket({DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus'}), '/run/user/1000/bus');
	assert.equal(sessionBusSocket({DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/a%20b/bus,guid=0123'}), '/tmp/a b/bus');
	assert.equal(sessionBusSocket({DBUS_SESSION_BUS_ADDRESS: 'unix:abstract=/tmp/dbus-x,guid=1'}), '\0/tmp/dbus-x');
	assert.equal(sessionBusSocket({DBUS_SESSION_BUS_ADDRESS: 'tcp:host=localhost,port=1;unix:path=/b'}), '/b');
	assert.equal(sessionBusSocket({DBUS_SESSION_BUS_ADDRESS: 'tcp:host=localhost,port=1'}), undefined);
	assert.equal(sessionBusSocket({XDG_RUNTIME_DIR: '/run/user/7'}), '/run/user/7/bus');
	assert.equal(sessionBusSocket({}), undefined);
});

function u32be(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeUInt32BE(value);
	return buffer;
}
