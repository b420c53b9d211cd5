// verifyCredential against the real registry (Debian's docker-registry = distribution 2.8):
// Basic over HTTP and TLS, token auth with a token service whose signature the registry checks,
// and each way of failing to reach it. Nothing here leaves the loopback interface.

import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {test} from 'node:test';
import {type VerifyResult, verifyCredential} from '../../source/verify/verify-credential.js';
import {freePort} from '../support/free-port.js';
import {startRegistry} from '../support/registry.js';
import {startSilentServer} from '../support/silent-server.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeLeaf} from '../support/tls.js';
import {startTokenIssuer} from '../support/token-issuer.js';

/** Every result must be free of the password and the `auth` value, whatever happened. */
function noSecrets(result: VerifyResult, password: string): VerifyResult {
	const text = JSON.stringify(result);
	assert.ok(!text.includes(password), `the result leaks the password: ${text}`);
	assert.ok(!text.includes(Buffer.from(`ciuser:${password}`).toString('base64')), 'the result leaks the auth value');
	return result;
}

test('Basic over plain HTTP on loopback: right password verified, wrong one rejected', async () => {
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const good = noSecrets(await verifyCredential({registry: registry.host, username: registry.username, password: registry.password}), registry.password);
	assert.equal(good.status, 'verified', good.message);
	assert.equal(good.scheme, 'basic');
	assert.equal(good.url, `http://${registry.host}/v2/`, 'fell back to http after the TLS hello was answered in plain HTTP');
	const bad = noSecrets(await verifyCredential({registry: registry.host, username: registry.username, password: 'wrong-password'}), 'wrong-password');
	assert.equal(bad.status, 'rejected');
	assert.equal(bad.message, `${registry.host} rejected the user name or password (HTTP 401: "authentication required")`);
	assert.match(bad.advice, /Check the user name and the password or token/);
	const unknownUser = await verifyCredential({registry: `http://${registry.host}/v2/`, username: 'nobody', password: registry.password});
	assert.equal(unknownUser.status, 'rejected', 'a scheme and path typed with the registry are ignored, as docker does');
});

test('TLS with a throwaway CA: trusted through caFile, refused without it, the problem named', async () => {
	const dir = tempDir();
	const ca = makeCa(join(dir, 'pki'));
	const leaf = makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1', 'DNS:localhost']);
	const registry = await startRegistry(join(dir, 'registry'), {tls: leaf});
	const credential = {registry: registry.host, username: registry.username, password: registry.password};

	const trusted = noSecrets(await verifyCredential({...credential, caFile: ca.cert}), registry.password);
	assert.equal(trusted.status, 'verified', trusted.message);
	assert.equal(trusted.url, `https://${registry.host}/v2/`);
	const byName = await verifyCredential({...credential, registry: `localhost:${registry.port}`, caFile: ca.cert});
	assert.equal(byName.status, 'verified', byName.message);

	const untrusted = noSecrets(await verifyCredential(credential), registry.password);
	assert.equal(untrusted.status, 'tls');
	assert.equal(
		untrusted.message,
		`TLS problem with ${registry.host}: the certificate is not signed by an authority this machine trusts (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
	);
	assert.match(untrusted.advice, /--ca-file FILE/);
	assert.match(untrusted.advice, new RegExp(`/etc/docker/certs.d/${registry.host}/ca.crt`));

	// Loopback allows plain HTTP, not an untrusted certificate: the server speaks TLS, so no fallback.
	const insecure = await verifyCredential({...credential, insecure: true});
	assert.equal(insecure.status, 'tls');

	const wrong = await verifyCredential({...credential, password: 'nope-nope', caFile: ca.cert});
	assert.equal(wrong.status, 'rejected');

	// docker's per-registry CA directory is trusted too, as docker trusts it.
	const certsRoot = join(dir, 'certs.d');
	const {mkdirSync, copyFileSync} = await import('node:fs');
	mkdirSync(join(certsRoot, registry.host), {recursive: true});
	copyFileSync(ca.cert, join(certsRoot, registry.host, 'ca.crt'));
	const viaCertsDir = await verifyCredential({...credential, certsRoots: [{root: certsRoot, shown: certsRoot}]});
	assert.equal(viaCertsDir.status, 'verified', viaCertsDir.message);
});

test('TLS: a certificate for another name is named as such', async () => {
	const dir = tempDir();
	const ca = makeCa(join(dir, 'pki'));
	const leaf = makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1']);
	const registry = await startRegistry(join(dir, 'registry'), {tls: leaf});
	const result = await verifyCredential({registry: `localhost:${registry.port}`, username: registry.username, password: registry.password, caFile: ca.cert});
	assert.equal(result.status, 'tls');
	assert.equal(
		result.message,
		`TLS problem with localhost:${registry.port}: the certificate is for IP Address:127.0.0.1, not this host name (ERR_TLS_CERT_ALTNAME_INVALID)`,
	);
	assert.match(result.advice, /host name the certificate was issued for/);
});

test('Bearer: a token from the realm (service, account, pull scope), and the registry checks its signature', async () => {
	const dir = tempDir();
	const issuer = await startTokenIssuer(join(dir, 'issuer'), {username: 'ciuser', password: 'token-pass-1'});
	const registry = await startRegistry(join(dir, 'registry'), {authYaml: issuer.authYaml});
	const good = noSecrets(
		await verifyCredential({registry: registry.host, username: 'ciuser', password: 'token-pass-1', repository: 'team/app'}),
		'token-pass-1',
	);
	assert.equal(good.status, 'verified', good.message);
	assert.equal(good.scheme, 'bearer');
	assert.equal(good.message, `${registry.host} accepted the user name and password (token from ${new URL(issuer.realm).host})`);
	assert.deepEqual(issuer.requests.at(-1), {service: 'regauth-test-registry', scope: 'repository:team/app:pull', account: 'ciuser', accepted: true});

	const bad = noSecrets(await verifyCredential({registry: registry.host, username: 'ciuser', password: 'token-pass-2'}), 'token-pass-2');
	assert.equal(bad.status, 'rejected');
	assert.equal(
		bad.message,
		`the token service ${new URL(issuer.realm).host} rejected the user name or password for ${registry.host} (HTTP 401: "incorrect username or password")`,
	);
	assert.equal(issuer.requests.at(-1)?.scope, null, 'no scope is asked when neither the challenge nor the caller names one (as docker login)');
});

test('Bearer: a token signed by a key outside rootcertbundle is refused by the registry itself', async () => {
	const dir = tempDir();
	const issuer = await startTokenIssuer(join(dir, 'issuer'), {username: 'ciuser', password: 'token-pass-1', untrusted: true});
	const registry = await startRegistry(join(dir, 'registry'), {authYaml: issuer.authYaml});
	const result = await verifyCredential({registry: registry.host, username: 'ciuser', password: 'token-pass-1'});
	assert.equal(result.status, 'rejected');
	assert.match(
		result.message,
		new RegExp(`^${registry.host.replace(/\./g, '\\.')} refused the token that the token service .* issued for these credentials \\(HTTP 401`),
	);
	assert.ok(
		issuer.requests.some(request => request.accepted),
		'the token service did accept the password',
	);
});

test('a registry without auth cannot check credentials; a non-registry answers 404', async () => {
	const dir = tempDir();
	const open = await startRegistry(join(dir, 'open'), {authYaml: ''});
	const anonymous = await verifyCredential({registry: open.host, username: 'u', password: 'p-12345'});
	assert.equal(anonymous.status, 'anonymous');
	assert.match(anonymous.message, /without a login, so the credentials could not be checked/);

	const server = createServer((_request, response) => response.writeHead(404).end('not here'));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	try {
		const port = (server.address() as AddressInfo).port;
		const notRegistry = await verifyCredential({registry: `127.0.0.1:${port}`, username: 'u', password: 'p-12345'});
		assert.equal(notRegistry.status, 'unexpected');
		assert.equal(notRegistry.message, `http://127.0.0.1:${port}/v2/ answered HTTP 404, not the registry API`);
	} finally {
		server.close();
	}
});

test('unknown host, closed port and a silent server each get their own message', async () => {
	const unknown = await verifyCredential({registry: 'registry.regauth-test.invalid', username: 'u', password: 'p-12345'});
	assert.equal(unknown.status, 'unreachable');
	assert.equal(unknown.reason, 'dns');
	assert.match(
		unknown.message,
		/^registry\.regauth-test\.invalid: the (host name registry\.regauth-test\.invalid does not resolve \(DNS: ENOTFOUND\)|DNS lookup of registry\.regauth-test\.invalid failed for now \(EAI_AGAIN\))$/,
	);

	const port = await freePort();
	const closed = await verifyCredential({registry: `127.0.0.1:${port}`, username: 'u', password: 'p-12345'});
	assert.equal(closed.status, 'unreachable');
	assert.equal(closed.reason, 'refused');
	assert.equal(closed.message, `127.0.0.1:${port}: connection refused on port ${port}, nothing listens there`);

	const silent = await startSilentServer();
	const slow = await verifyCredential({registry: silent.host, username: 'u', password: 'p-12345', timeoutMs: 1500});
	assert.equal(slow.status, 'unreachable');
	assert.equal(slow.reason, 'timeout');
	assert.equal(slow.message, `${silent.host}: no answer within 1.5 s`);
	assert.match(slow.advice, /--verify-timeout/);
	assert.ok(silent.accepted() >= 1, 'the connection was made; the server just never answered');

	const messages = new Set([unknown.message, closed.message, slow.message].map(message => message.replace(/\d+/g, 'N')));
	assert.equal(messages.size, 3);
});

test('cancelling stops the check; a bad CA file or registry name is reported, not thrown', async () => {
	const silent = await startSilentServer();
	const controller = new AbortController();
	const pending = verifyCredential({registry: silent.host, username: 'u', password: 'p-12345', signal: controller.signal, timeoutMs: 60_000});
	setTimeout(() => controller.abort(), 50);
	assert.equal((await pending).status, 'cancelled');

	const dir = tempDir();
	const missing = await verifyCredential({registry: silent.host, username: 'u', password: 'p-12345', caFile: join(dir, 'nope.pem')});
	assert.equal(missing.status, 'invalid');
	assert.match(missing.message, /^--ca-file .*nope\.pem: cannot read it \(no such file\)/);
	const badName = await verifyCredential({registry: 'ftp://x', username: 'u', password: 'p-12345'});
	assert.equal(badName.status, 'invalid');
});
