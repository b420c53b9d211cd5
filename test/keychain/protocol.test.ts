import assert from 'node:assert/strict';
import {test} from 'node:test';
import {NOT_FOUND} from '../../source/keychain/names.js';
import {type CredentialStore, handleAction, NO_SERVER_URL, NO_USERNAME, type StoredCredential, USAGE} from '../../source/keychain/protocol.js';

function memoryStore(): CredentialStore & {items: Map<string, StoredCredential>} {
	const items = new Map<string, StoredCredential>();
	return {
		items,
		get: async url => items.get(url),
		set: async (url, credential) => void items.set(url, credential),
		erase: async url => items.delete(url),
		list: async () => Object.fromEntries([...items].map(([url, credential]) => [url, credential.username])),
	};
}

const run = (store: CredentialStore, args: string[], input = '') => handleAction(args, input, store, '9.9.9');

test('store, get, list, erase round trip with the JSON shapes docker reads', async () => {
	const store = memoryStore();
	assert.deepEqual(await run(store, ['store'], '{"ServerURL":"quay.io","Username":"org+bot","Secret":"pw"}\n'), {stdout: '', code: 0});
	assert.deepEqual(await run(store, ['get'], 'quay.io'), {stdout: '{"ServerURL":"quay.io","Username":"org+bot","Secret":"pw"}\n', code: 0});
	await run(store, ['store'], '{"ServerURL":"a.example","Username":"u","Secret":"s"}');
	assert.deepEqual(await run(store, ['list']), {stdout: '{"a.example":"u","quay.io":"org+bot"}\n', code: 0});
	assert.deepEqual(await run(store, ['erase'], 'quay.io\n'), {stdout: '', code: 0});
	assert.deepEqual(await run(store, ['get'], 'quay.io'), {stdout: `${NOT_FOUND}\n`, code: 1});
});

test('identity tokens keep the <token> user name, escaped as Go escapes it', async () => {
	const store = memoryStore();
	await run(store, ['store'], '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"a&b"}');
	const got = await run(store, ['get'], 'https://index.docker.io/v1/');
	assert.equal(got.stdout, '{"ServerURL":"https://index.docker.io/v1/","Username":"\\u003ctoken\\u003e","Secret":"a\\u0026b"}\n');
	assert.equal(JSON.parse(got.stdout).Username, '<token>');
	assert.equal((await run(store, ['list'])).stdout, '{"https://index.docker.io/v1/":"\\u003ctoken\\u003e"}\n');
});

test('errors go to stdout with exit 1, in the words docker matches', async () => {
	const store = memoryStore();
	assert.deepEqual(await run(store, ['get'], 'nope:1'), {stdout: `${NOT_FOUND}\n`, code: 1});
	assert.deepEqual(await run(store, ['get'], '  \n'), {stdout: `${NO_SERVER_URL}\n`, code: 1});
	assert.deepEqual(await run(store, ['erase'], ''), {stdout: `${NO_SERVER_URL}\n`, code: 1});
	assert.deepEqual(await run(store, ['store'], '{"ServerURL":"","Username":"u","Secret":"s"}'), {stdout: `${NO_SERVER_URL}\n`, code: 1});
	assert.deepEqual(await run(store, ['store'], '{"ServerURL":"x","Username":"","Secret":"s"}'), {stdout: `${NO_USERNAME}\n`, code: 1});
	assert.deepEqual(await run(store, ['store'], ''), {stdout: 'EOF\n', code: 1});
	assert.deepEqual(await run(store, ['store'], 'garbage'), {stdout: "invalid character 'g' looking for beginning of value\n", code: 1});
	assert.deepEqual(await run(store, ['store'], '{"ServerURL":1}'), {
		stdout: 'json: cannot unmarshal number into Go struct field Credentials.ServerURL of type string\n',
		code: 1,
	});
	assert.deepEqual(await run(store, ['bogus']), {stdout: 'Unknown credential action `bogus`\n', code: 1});
	assert.deepEqual(await run(store, []), {stdout: `${USAGE}\n`, code: 1});
	assert.deepEqual(await run(store, ['store', 'extra']), {stdout: `${USAGE}\n`, code: 1});
	assert.equal(store.items.size, 0);
});

test('input is read like Go reads it: lines joined, keys case-insensitive, trailing text ignored', async () => {
	const store = memoryStore();
	await run(store, ['store'], '{"serverurl":"ci.example",\r\n"USERNAME":"bob","secret":"s"} trailing');
	assert.deepEqual(store.items.get('ci.example'), {username: 'bob', secret: 's'});
	assert.equal((await run(store, ['get'], 'ci.\nexample')).code, 0, 'line ends vanish, as bufio.Scanner joins lines');
	await run(store, ['store'], '{"ServerURL":"ci.example","Username":"carol","Secret":"s2"}');
	assert.deepEqual(store.items.get('ci.example'), {username: 'carol', secret: 's2'}, 'one item per server: a second store replaces');
});

test("an item with an empty secret reads as not found (as Docker's secretservice helper does)", async () => {
	const store = memoryStore();
	assert.equal((await run(store, ['store'], '{"ServerURL":"x","Username":"u","Secret":""}')).code, 0);
	assert.deepEqual(await run(store, ['get'], 'x'), {stdout: `${NOT_FOUND}\n`, code: 1});
});

test('keychain failures are reported on stdout with exit 1', async () => {
	const failing: CredentialStore = {
		get: async () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
		set: async () => Promise.reject(new Error('Cannot create an item in a locked collection')),
		erase: async () => false,
		list: async () => ({}),
	};
	assert.deepEqual(await run(failing, ['get'], 'x'), {stdout: 'Cannot autolaunch D-Bus without X11 $DISPLAY\n', code: 1});
	assert.deepEqual(await run(failing, ['store'], '{"ServerURL":"x","Username":"u","Secret":"s"}'), {
		stdout: 'Cannot create an item in a locked collection\n',
		code: 1,
	});
});

test('version and help', async () => {
	const store = memoryStore();
	assert.deepEqual(await run(store, ['version']), {stdout: 'docker-credential-regauth (regauth) 9.9.9\n', code: 0});
	assert.equal((await run(store, ['--help'])).code, 0);
});
