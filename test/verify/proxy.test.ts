// The credential check through a real proxy (Debian's tinyproxy) in front of the real registry,
// with Go's rules deciding when to use it. The registry is reached under this machine's own
// host name (support/local-name.ts): it points at a local address but, unlike "localhost" or a
// loopback IP, Go's rules do not exempt it, so the proxy really is on the path. tinyproxy's log
// is the evidence that a request went through it.

import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {verifyCredential} from '../../source/verify/verify-credential.js';
import {freePort} from '../support/free-port.js';
import {localName} from '../support/local-name.js';
import {startProxy} from '../support/proxy.js';
import {startRegistry} from '../support/registry.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeLeaf} from '../support/tls.js';

async function tlsRegistry() {
	const dir = tempDir();
	const {name, address} = await localName();
	const ca = makeCa(join(dir, 'pki'));
	const leaf = makeLeaf(join(dir, 'pki'), ca, [`DNS:${name}`]);
	const registry = await startRegistry(join(dir, 'registry'), {tls: leaf, address, hostname: name});
	return {dir, ca, registry, name};
}

const noRoots = [] as Array<{root: string; shown: string}>;

test('HTTPS_PROXY: the check goes through the proxy (its log shows the CONNECT) and succeeds', async () => {
	const {dir, ca, registry} = await tlsRegistry();
	const proxy = await startProxy(join(dir, 'proxy'));
	const result = await verifyCredential({
		registry: registry.host,
		username: registry.username,
		password: registry.password,
		caFile: ca.cert,
		certsRoots: noRoots,
		env: {HTTPS_PROXY: proxy.url},
	});
	assert.equal(result.status, 'verified', result.message);
	assert.equal(result.proxy, proxy.url);
	assert.equal(result.message, `${registry.host} accepted the user name and password, through the proxy ${proxy.url}`);
	assert.deepEqual(proxy.requests(), [`CONNECT ${registry.host} HTTP/1.1`, `CONNECT ${registry.host} HTTP/1.1`]);

	// Through the tunnel, an untrusted registry certificate is still the registry's TLS problem, with
	// a word on TLS-inspecting proxies.
	const untrusted = await verifyCredential({...credential(registry), caFile: undefined, certsRoots: noRoots, env: {HTTPS_PROXY: proxy.url}});
	assert.equal(untrusted.status, 'tls');
	assert.equal(untrusted.reason, undefined);
	assert.match(untrusted.advice, new RegExp(`Behind ${proxy.url.replaceAll('.', '\\.')}, a proxy that inspects TLS signs with its own CA`));
});

function credential(registry: {host: string; username: string; password: string}) {
	return {registry: registry.host, username: registry.username, password: registry.password};
}

test('BasicAuth proxy: credentials in the URL pass; without them a 407 gets its own message', async () => {
	const {dir, ca, registry} = await tlsRegistry();
	const proxy = await startProxy(join(dir, 'proxy'), {auth: {user: 'alice', password: 'pr0xy-S3cret'}});
	const credential = {registry: registry.host, username: registry.username, password: registry.password, caFile: ca.cert, certsRoots: noRoots};

	const good = await verifyCredential({...credential, env: {https_proxy: proxy.authUrl}});
	assert.equal(good.status, 'verified', good.message);
	assert.equal(good.proxy, proxy.url.replace('//', '//alice:***@'));
	assert.ok(!JSON.stringify(good).includes('pr0xy-S3cret'), 'the proxy password never appears');

	const none = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url}});
	assert.equal(none.status, 'unreachable');
	assert.equal(none.reason, 'proxy');
	assert.equal(
		none.message,
		`${registry.host}: the proxy ${proxy.url} (from HTTPS_PROXY) wants a login (HTTP 407 Proxy Authentication Required); the registry was not asked`,
	);
	assert.equal(none.advice, "Put the proxy's user and password into the URL: HTTPS_PROXY=http://USER:PASSWORD@host:port (write @ as %40, : as %3A).");

	const wrong = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url.replace('//', '//alice:nope@')}});
	assert.equal(wrong.reason, 'proxy');
	// tinyproxy answers a wrong login with 401 rather than 407: still the proxy's refusal.
	assert.match(wrong.message, /the proxy http:\/\/alice:\*\*\*@127\.0\.0\.1:\d+ \(from HTTPS_PROXY\) refused the login \(HTTP 40[17]/);
	assert.equal(wrong.advice, 'Check the user and password in HTTPS_PROXY (in the URL, write @ as %40 and : as %3A).');
	assert.ok(!JSON.stringify(wrong).includes('nope'), 'a wrong proxy password is masked too');
});

test('NO_PROXY (Go rules: name, host:port, *, lists, any case) bypasses the proxy; upper case wins over lower', async () => {
	const {dir, ca, registry, name} = await tlsRegistry();
	const proxy = await startProxy(join(dir, 'proxy'));
	const credential = {registry: registry.host, username: registry.username, password: registry.password, caFile: ca.cert, certsRoots: noRoots};
	for (const noProxy of [name, registry.host, '*', `other.example, ${name.toUpperCase()}`]) {
		const result = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url, NO_PROXY: noProxy}});
		assert.equal(result.status, 'verified', `${noProxy}: ${result.message}`);
		assert.equal(result.proxy, undefined, `NO_PROXY=${noProxy} bypasses the proxy`);
	}
	const otherPort = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url, no_proxy: `${name}:1`}});
	assert.equal(otherPort.proxy, proxy.url, 'a NO_PROXY entry for another port does not match');
	// In Go a leading dot means subdomains only: ".name" does not exempt "name" itself.
	const dotted = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url, NO_PROXY: `.${name}`}});
	assert.equal(dotted.proxy, proxy.url);
	assert.equal(proxy.requests().length, 4, 'two requests each for the two checks that used the proxy');

	// Go's getEnvAny: HTTPS_PROXY before https_proxy; an empty one counts as unset.
	const dead = `http://127.0.0.1:${await freePort()}`;
	const upper = await verifyCredential({...credential, env: {HTTPS_PROXY: proxy.url, https_proxy: dead}});
	assert.equal(upper.status, 'verified', upper.message);
	const emptyUpper = await verifyCredential({...credential, env: {HTTPS_PROXY: '', https_proxy: dead}});
	assert.equal(emptyUpper.reason, 'proxy');
});

test('a proxy that is not there, a proxy name that does not resolve, a registry the proxy cannot reach: each named as such', async () => {
	const {dir, ca, registry} = await tlsRegistry();
	const credential = {registry: registry.host, username: registry.username, password: registry.password, caFile: ca.cert, certsRoots: noRoots};
	const port = await freePort();
	const refused = await verifyCredential({...credential, env: {HTTPS_PROXY: `127.0.0.1:${port}`}});
	assert.equal(refused.reason, 'proxy');
	assert.equal(
		refused.message,
		`${registry.host}: the proxy http://127.0.0.1:${port} (from HTTPS_PROXY) refused the connection: nothing listens at 127.0.0.1:${port}`,
	);

	const dns = await verifyCredential({...credential, env: {HTTPS_PROXY: 'http://proxy.regauth-test.invalid:3128'}});
	assert.equal(dns.reason, 'proxy');
	assert.match(
		dns.message,
		/the host name of the proxy http:\/\/proxy\.regauth-test\.invalid:3128 \(from HTTPS_PROXY\) does not resolve \(DNS: (ENOTFOUND|EAI_AGAIN)\)/,
	);

	const proxy = await startProxy(join(dir, 'proxy'));
	const unknown = await verifyCredential({...credential, registry: 'registry.regauth-test.invalid', env: {HTTPS_PROXY: proxy.url}});
	assert.equal(unknown.reason, 'proxy');
	assert.match(
		unknown.message,
		/^registry\.regauth-test\.invalid: the proxy http:\/\/127\.0\.0\.1:\d+ \(from HTTPS_PROXY\) could not connect to registry\.regauth-test\.invalid \(HTTP 5\d\d\)/,
	);

	const socks = await verifyCredential({...credential, env: {HTTPS_PROXY: 'socks5://127.0.0.1:1080'}});
	assert.equal(socks.reason, 'proxy');
	assert.match(socks.message, /HTTPS_PROXY uses socks5:\/\//);
});

test('loopback and localhost never go through the proxy (Go exempts them)', async () => {
	const dir = tempDir();
	const registry = await startRegistry(join(dir, 'registry'));
	const proxy = await startProxy(join(dir, 'proxy'));
	for (const host of [registry.host, `localhost:${registry.port}`]) {
		const result = await verifyCredential({
			registry: host,
			username: registry.username,
			password: registry.password,
			certsRoots: noRoots,
			env: {HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url},
		});
		assert.equal(result.status, 'verified', result.message);
		assert.equal(result.proxy, undefined);
	}
	assert.deepEqual(proxy.requests(), []);
});

test('an https:// proxy is trusted through --ca-file (or the system CAs); an untrusted one is named as the proxy’s TLS problem', async () => {
	const {dir, ca, registry} = await tlsRegistry();
	const proxy = await startProxy(join(dir, 'proxy'));
	// tinyproxy speaks plain HTTP only: a TLS front (node's tls server, the one simulated part here)
	// terminates TLS with a certificate from the same private CA and hands the bytes to tinyproxy.
	const {createServer} = await import('node:tls');
	const {connect} = await import('node:net');
	const {readFileSync} = await import('node:fs');
	const front = makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1'], 'proxy-front');
	const server = createServer({cert: readFileSync(front.cert), key: readFileSync(front.key)}, socket => {
		const upstream = connect(proxy.port, '127.0.0.1');
		socket.pipe(upstream).pipe(socket);
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as {port: number}).port;
	const credential = {registry: registry.host, username: registry.username, password: registry.password, certsRoots: noRoots};
	try {
		const trusted = await verifyCredential({...credential, caFile: ca.cert, env: {HTTPS_PROXY: `https://127.0.0.1:${port}`}});
		assert.equal(trusted.status, 'verified', trusted.message);
		assert.equal(trusted.proxy, `https://127.0.0.1:${port}`);
		assert.ok(proxy.requests().includes(`CONNECT ${registry.host} HTTP/1.1`));

		const untrusted = await verifyCredential({...credential, env: {HTTPS_PROXY: `https://127.0.0.1:${port}`}});
		assert.equal(untrusted.status, 'tls');
		assert.equal(untrusted.reason, 'proxy');
		assert.equal(
			untrusted.message,
			`${registry.host}: TLS problem with the proxy https://127.0.0.1:${port} (from HTTPS_PROXY) (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
		);
	} finally {
		server.close();
	}
});
