// --cert-file/--key-file and certs.d pairs are read with the bounded reader: a device, a FIFO or
// a huge file is refused at once with a message, instead of reading /dev/zero until memory runs
// out or waiting forever on a FIFO nobody writes. Real openssl-made certificate and key.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {ClientCertError, findClientCert, loadClientPair} from '../../source/verify/client-cert.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeClientCert} from '../support/tls.js';

const NAMES = {cert: '--cert-file', key: '--key-file'};

test('a device, a FIFO and a 2 MiB file are refused by name, at once', async () => {
	const dir = tempDir();
	const client = makeClientCert(join(dir, 'client'), makeCa(join(dir, 'pki')));
	const fifo = join(dir, 'client.fifo');
	execFileSync('mkfifo', [fifo]);
	const big = join(dir, 'big.cert');
	writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 'A'));
	const started = Date.now();
	await assert.rejects(loadClientPair('/dev/zero', client.key, NAMES), (error: Error) => {
		assert.ok(error instanceof ClientCertError);
		assert.equal(error.message, '--cert-file /dev/zero: cannot read it (it is a device, not a file).');
		return true;
	});
	await assert.rejects(loadClientPair(client.cert, fifo, NAMES), {message: `--key-file ${fifo}: cannot read it (it is a FIFO (named pipe), not a file).`});
	await assert.rejects(loadClientPair(big, client.key, NAMES), {
		message: `--cert-file ${big}: cannot read it (it is larger than 1 MiB; that is not a file regauth expects here).`,
	});
	assert.ok(Date.now() - started < 5000, 'refused at once');
	// The real pair still loads.
	assert.equal((await loadClientPair(client.cert, client.key, NAMES)).certFile, client.cert);
});

test('certs.d: a FIFO named client.cert does not hang the check', async () => {
	const dir = tempDir();
	const client = makeClientCert(join(dir, 'client'), makeCa(join(dir, 'pki')));
	const certsd = join(dir, 'certs.d', 'registry.example.com');
	execFileSync('mkdir', ['-p', certsd]);
	execFileSync('mkfifo', [join(certsd, 'client.cert')]);
	execFileSync('cp', [client.key, join(certsd, 'client.key')]);
	await assert.rejects(findClientCert([{path: certsd, shown: certsd}]), /client certificate .*client\.cert: cannot read it \(it is a FIFO/);
});
