// Mutual TLS against the real registry (distribution 2.8 with http.tls.clientcas, an
// openssl-made CA): the check presents the client certificate from --cert-file/--key-file or from
// the certs.d directories (temporary roots here, so nothing is written under /etc), and without one
// fails with a message naming the flags and the directories.

import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {verifyCredential} from '../../source/verify/verify-credential.js';
import {localName} from '../support/local-name.js';
import {startProxy} from '../support/proxy.js';
import {startRegistry} from '../support/registry.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeClientCert, makeLeaf, startMtlsRegistry} from '../support/tls.js';

async function mtlsRegistry() {
	const dir = tempDir();
	const {ca, registry, client, stranger} = await startMtlsRegistry(dir);
	const roots = ['docker', 'home-docker', 'containers'].map(name => ({root: join(dir, name), shown: `<${name}>`}));
	const credential = {registry: registry.host, username: registry.username, password: registry.password, caFile: ca.cert, certsRoots: roots};
	return {dir, registry, client, stranger, roots, credential};
}

test('without a client certificate: a clear message naming the flags and the certs.d directories', async () => {
	const {registry, credential} = await mtlsRegistry();
	const result = await verifyCredential(credential);
	assert.equal(result.status, 'tls', result.message);
	assert.equal(result.clientCertificate, 'required');
	assert.match(result.message, new RegExp(`^TLS problem with ${registry.host}: it requires a client certificate and regauth had none to give \\(ERR_SSL_`));
	assert.equal(
		result.advice,
		`Give one with --cert-file FILE --key-file FILE, or put client.cert and client.key into <docker>/${registry.host}/ as docker expects (also read: <home-docker>/${registry.host}, <containers>/${registry.host}).`,
	);
});

test('--cert-file/--key-file: verified; a certificate from another CA is turned down, named', async () => {
	const {client, stranger, credential, registry} = await mtlsRegistry();
	const good = await verifyCredential({...credential, certFile: client.cert, keyFile: client.key});
	assert.equal(good.status, 'verified', good.message);
	assert.equal(good.message, `${registry.host} accepted the user name and password, with the client certificate ${client.cert}`);

	const bad = await verifyCredential({...credential, certFile: stranger.cert, keyFile: stranger.key});
	assert.equal(bad.status, 'tls', bad.message);
	assert.equal(bad.clientCertificate, 'rejected');
	assert.match(bad.message, new RegExp(`it turned down the client certificate ${stranger.cert}`));

	const mismatched = await verifyCredential({...credential, certFile: client.cert, keyFile: stranger.key});
	assert.equal(mismatched.status, 'invalid');
	assert.equal(mismatched.message, `--key-file ${stranger.key} is not the key of --cert-file ${client.cert}.`);
	const missing = await verifyCredential({...credential, certFile: `${client.cert}.nope`, keyFile: client.key});
	assert.equal(missing.message, `--cert-file ${client.cert}.nope: cannot read it (no such file).`);
});

test('certs.d: docker’s client.cert + client.key, the home and containers directories, a lone half named', async () => {
	const {client, roots, credential, registry} = await mtlsRegistry();
	for (const root of roots) {
		const dir = join(root.root, registry.host);
		mkdirSync(dir, {recursive: true});
		const base = root.shown === '<containers>' ? 'registry-client' : 'client';
		copyFileSync(client.cert, join(dir, `${base}.cert`));
		copyFileSync(client.key, join(dir, `${base}.key`));
		const result = await verifyCredential({...credential, certsRoots: [root]});
		assert.equal(result.status, 'verified', `${root.shown}: ${result.message}`);
		assert.equal(result.message, `${registry.host} accepted the user name and password, with the client certificate ${join(dir, `${base}.cert`)}`);
	}
	// A .cert without its .key is docker's error too.
	const lone = join(roots[0]!.root, registry.host);
	writeFileSync(join(lone, 'extra.cert'), 'x');
	const result = await verifyCredential({...credential, certsRoots: [roots[0]!]});
	assert.equal(result.status, 'invalid');
	assert.equal(result.message, `${join(lone, 'extra.cert')}: missing key extra.key for this client certificate (CA certificates must end in .crt).`);
});

test('through a proxy (tinyproxy, CONNECT), the client certificate still reaches the registry', async () => {
	const dir = tempDir();
	const {name, address} = await localName();
	const ca = makeCa(join(dir, 'pki'));
	const clientCa = makeCa(join(dir, 'client-pki'), 'client-ca');
	const client = makeClientCert(join(dir, 'client'), clientCa);
	const registry = await startRegistry(join(dir, 'registry'), {
		tls: makeLeaf(join(dir, 'pki'), ca, [`DNS:${name}`]),
		httpExtra: `    clientcas:\n      - ${clientCa.cert}\n`,
		address,
		hostname: name,
	});
	const proxy = await startProxy(join(dir, 'proxy'));
	const credential = {
		registry: registry.host,
		username: registry.username,
		password: registry.password,
		caFile: ca.cert,
		certsRoots: [],
		env: {HTTPS_PROXY: proxy.url},
	};
	const good = await verifyCredential({...credential, certFile: client.cert, keyFile: client.key});
	assert.equal(good.status, 'verified', good.message);
	assert.equal(
		good.message,
		`${registry.host} accepted the user name and password, through the proxy ${proxy.url}, with the client certificate ${client.cert}`,
	);
	const none = await verifyCredential(credential);
	assert.equal(none.clientCertificate, 'required', none.message);
	assert.equal(none.proxy, proxy.url);
});
