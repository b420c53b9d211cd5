// Throwaway certificate authorities and server certificates made with the real openssl, for
// registries that speak TLS in tests (docs/real-parts.md §4).
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {requireProgram} from './programs.js';
import {type Registry, startRegistry} from './registry.js';

export interface Ca {
	cert: string;
	key: string;
}

export interface Leaf {
	cert: string;
	key: string;
}

function openssl(args: string[]): void {
	execFileSync('openssl', args, {stdio: ['ignore', 'ignore', 'pipe']});
}

export function makeCa(dir: string, name = 'regauth-test-ca'): Ca {
	requireProgram('openssl', 'apt-get install openssl (see .ci/run)');
	mkdirSync(dir, {recursive: true});
	const cert = join(dir, `${name}.crt`);
	const key = join(dir, `${name}.key`);
	openssl([
		'req',
		'-x509',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-keyout',
		key,
		'-out',
		cert,
		'-days',
		'2',
		'-subj',
		`/CN=${name}`,
		'-addext',
		'basicConstraints=critical,CA:TRUE',
		'-addext',
		'keyUsage=critical,keyCertSign,cRLSign',
	]);
	return {cert, key};
}

/** A server certificate signed by `ca` for the given subjectAltNames (e.g. ['IP:127.0.0.1', 'DNS:localhost']). */
export function makeLeaf(dir: string, ca: Ca, altNames: string[], name = 'registry'): Leaf {
	const cert = join(dir, `${name}.crt`);
	const key = join(dir, `${name}.key`);
	const csr = join(dir, `${name}.csr`);
	const ext = join(dir, `${name}.ext`);
	openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
	writeFileSync(ext, `subjectAltName=${altNames.join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
	openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
	return {cert, key};
}

/** A self-signed certificate (its own trust root), e.g. for a token issuer's signing key. */
export function makeSelfSigned(dir: string, name: string): Leaf {
	requireProgram('openssl', 'apt-get install openssl (see .ci/run)');
	mkdirSync(dir, {recursive: true});
	const cert = join(dir, `${name}.crt`);
	const key = join(dir, `${name}.key`);
	openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`]);
	return {cert, key};
}

/** A client certificate signed by `ca`, for registries that want mutual TLS (extendedKeyUsage clientAuth, as Go checks). */
export function makeClientCert(dir: string, ca: Ca, name = 'client'): Leaf {
	mkdirSync(dir, {recursive: true});
	const cert = join(dir, `${name}.cert`);
	const key = join(dir, `${name}.key`);
	const csr = join(dir, `${name}.csr`);
	const ext = join(dir, `${name}.ext`);
	openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
	writeFileSync(ext, 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
	openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
	return {cert, key};
}

/**
 * A real registry that asks for a client certificate signed by its own client CA, with `client`
 * (signed by it) and `stranger` (signed by another CA) to offer, and the CA its server certificate
 * is signed by.
 */
export async function startMtlsRegistry(dir: string): Promise<{ca: Ca; registry: Registry; client: Leaf; stranger: Leaf}> {
	const ca = makeCa(join(dir, 'pki'));
	const clientCa = makeCa(join(dir, 'client-pki'), 'regauth-client-ca');
	const leaf = makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1', 'DNS:localhost']);
	const client = makeClientCert(join(dir, 'client'), clientCa);
	const stranger = makeClientCert(join(dir, 'stranger'), makeCa(join(dir, 'other-pki'), 'other-ca'), 'stranger');
	const registry = await startRegistry(join(dir, 'registry'), {tls: leaf, httpExtra: `    clientcas:\n      - ${clientCa.cert}\n`});
	return {ca, registry, client, stranger};
}
