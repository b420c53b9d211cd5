// The client certificate the check presents, when the registry wants mutual TLS: the pair given
// with --cert-file/--key-file, else the first pair found in the certs.d directories, with
// docker's rules — foo.cert goes with foo.key, a lone half is an error, pairs are taken in
// alphabetical order (docs/networks.md §3).
import {createPrivateKey, X509Certificate} from 'node:crypto';
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {BoundedReadError, readBoundedFile} from '../bounded-file.js';
import type {CertsDir} from './certs-dirs.js';

export interface ClientCert {
	cert: string;
	key: string;
	/** Where it came from, for messages: the certificate file. */
	certFile: string;
	keyFile: string;
	source: 'flags' | 'certs.d';
}

export class ClientCertError extends Error {}

function why(error: unknown): string {
	if (error instanceof BoundedReadError) return `${error.code === 'ENOTFILE' || error.code === 'EFBIG' ? 'it ' : ''}${error.message.replace(/\.$/, '')}`;
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
}

/** Read and check a pair: both PEM, the key unencrypted and belonging to the certificate. */
export async function loadClientPair(certFile: string, keyFile: string, names: {cert: string; key: string}): Promise<ClientCert> {
	const read = async (path: string, name: string) => {
		try {
			// A certificate or key is kilobytes: FIFOs, devices and anything over 1 MiB are refused at once.
			return (await readBoundedFile(path)).toString('utf8');
		} catch (error) {
			throw new ClientCertError(`${name} ${path}: cannot read it (${why(error)}).`);
		}
	};
	const [cert, key] = await Promise.all([read(certFile, names.cert), read(keyFile, names.key)]);
	let x509: X509Certificate;
	try {
		x509 = new X509Certificate(cert);
	} catch (error) {
		throw new ClientCertError(`${names.cert} ${certFile}: not a PEM certificate (${(error as Error).message}).`);
	}
	let privateKey: ReturnType<typeof createPrivateKey>;
	try {
		privateKey = createPrivateKey(key);
	} catch (error) {
		const message = (error as Error).message;
		throw new ClientCertError(
			/passphrase|encrypted/i.test(message)
				? `${names.key} ${keyFile}: the key is encrypted; give it unencrypted (openssl pkey -in ${keyFile} -out client.key), as docker needs it too.`
				: `${names.key} ${keyFile}: not a PEM private key (${message}).`,
		);
	}
	if (!x509.checkPrivateKey(privateKey)) throw new ClientCertError(`${names.key} ${keyFile} is not the key of ${names.cert} ${certFile}.`);
	return {cert, key, certFile, keyFile, source: 'flags'};
}

/** The first client pair of these directories, docker's way; undefined when there is none. */
export async function findClientCert(dirs: readonly CertsDir[]): Promise<ClientCert | undefined> {
	for (const dir of dirs) {
		const names = (await readdir(dir.path).catch(() => [] as string[])).sort();
		// Every half needs its other half, as docker checks before it uses any pair.
		for (const name of names) {
			if (name.endsWith('.cert') && !names.includes(`${name.slice(0, -'.cert'.length)}.key`))
				throw new ClientCertError(
					`${join(dir.path, name)}: missing key ${name.slice(0, -'.cert'.length)}.key for this client certificate (CA certificates must end in .crt).`,
				);
			if (name.endsWith('.key') && !names.includes(`${name.slice(0, -'.key'.length)}.cert`))
				throw new ClientCertError(`${join(dir.path, name)}: missing client certificate ${name.slice(0, -'.key'.length)}.cert for this key.`);
		}
		const first = names.find(name => name.endsWith('.cert'));
		if (first) {
			const pair = await loadClientPair(join(dir.path, first), join(dir.path, `${first.slice(0, -'.cert'.length)}.key`), {
				cert: 'client certificate',
				key: 'client key',
			});
			return {...pair, source: 'certs.d'};
		}
	}
	return undefined;
}
