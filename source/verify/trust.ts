// Which certificate authorities the check trusts: the same ones docker would for this registry —
// the system's bundle and the certs.d directories' <host:port>/*.crt — plus node's own roots,
// NODE_EXTRA_CA_CERTS and --ca-file. Otherwise a registry docker trusts would be reported as a
// TLS problem just because node ships its own root list.
import {X509Certificate} from 'node:crypto';
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {createSecureContext, rootCertificates, type SecureContext} from 'node:tls';
import {BoundedReadError, readBoundedFile} from '../bounded-file.js';
import type {CertsDir} from './certs-dirs.js';
import type {ClientCert} from './client-cert.js';

/** Where Linux distributions keep the system bundle (Go's crypto/x509 looks in the same places). */
const SYSTEM_BUNDLES = [
	'/etc/ssl/certs/ca-certificates.crt',
	'/etc/pki/tls/certs/ca-bundle.crt',
	'/etc/ssl/ca-bundle.pem',
	'/etc/pki/tls/cacert.pem',
	'/etc/ssl/cert.pem',
];

const PEM = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

export class CaFileError extends Error {}

/** The certificates of --ca-file, checked so a wrong file is named now, not as a TLS failure later. */
export async function loadCaFile(path: string): Promise<string> {
	let text: string;
	try {
		// A CA bundle is kilobytes: FIFOs, devices and anything over 1 MiB are refused at once.
		text = (await readBoundedFile(path)).toString('utf8');
	} catch (error) {
		const why =
			error instanceof BoundedReadError
				? `${error.code === 'ENOTFILE' || error.code === 'EFBIG' ? 'it ' : ''}${error.message.replace(/\.$/, '')}`
				: (error as Error).message;
		throw new CaFileError(`--ca-file ${path}: cannot read it (${why}); give the registry's CA certificate in PEM form.`);
	}
	const blocks = text.match(PEM) ?? [];
	if (blocks.length === 0) throw new CaFileError(`--ca-file ${path}: no certificate in it; expected PEM text starting with -----BEGIN CERTIFICATE-----.`);
	for (const block of blocks) {
		try {
			new X509Certificate(block);
		} catch (error) {
			throw new CaFileError(`--ca-file ${path}: a certificate in it does not parse (${(error as Error).message}).`);
		}
	}
	return blocks.join('\n');
}

async function readIfPresent(path: string): Promise<string | undefined> {
	return readFile(path, 'utf8').catch(() => undefined);
}

async function certsDirCas(dir: string): Promise<string[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	const texts = await Promise.all(names.filter(name => name.endsWith('.crt')).map(name => readIfPresent(join(dir, name))));
	return texts.filter((text): text is string => text !== undefined);
}

export interface TrustOptions {
	caFile?: string;
	/** The registry's certs.d directories (certs-dirs.ts): their *.crt are trusted, as docker and podman do. */
	dirs: readonly CertsDir[];
	env?: NodeJS.ProcessEnv;
	/** Presented when the server asks for a client certificate. */
	clientCert?: ClientCert;
}

// One context per distinct set of certificates: building one parses every CA (~300 of them),
// ~5 ms on a quiet machine and 50 ms under load, and status --check builds one per login at once
// (bench/status-check.mjs; docs/performance.md §6).
const contexts = new Map<string, SecureContext>();
// The same bundle texts come back for every check: split each once.
const parsed = new Map<string, Array<[string, string]>>();

function blocksOf(pem: string): Array<[string, string]> {
	let blocks = parsed.get(pem);
	if (!blocks) {
		blocks = (pem.match(PEM) ?? []).map(block => [block.replace(/\s+/g, ''), block]);
		parsed.set(pem, blocks);
	}
	return blocks;
}

export async function trustContext(options: TrustOptions): Promise<SecureContext> {
	const env = options.env ?? process.env;
	let system: string | undefined;
	for (const path of SYSTEM_BUNDLES) {
		system = await readIfPresent(path);
		if (system) break;
	}
	const extra = env.NODE_EXTRA_CA_CERTS ? await readIfPresent(env.NODE_EXTRA_CA_CERTS) : undefined;
	const dirs = (await Promise.all(options.dirs.map(dir => certsDirCas(dir.path)))).flat();
	const own = options.caFile ? await loadCaFile(options.caFile) : undefined;
	const pems = [...rootCertificates, system, extra, ...dirs, own].filter((pem): pem is string => pem !== undefined);
	// Only the certificate blocks (a bundle may carry comments), each once: the system bundle
	// mostly repeats node's own list, and every copy costs parsing time.
	const blocks = new Map<string, string>();
	for (const pem of pems) for (const [key, block] of blocksOf(pem)) blocks.set(key, block);
	const client = options.clientCert ? {cert: options.clientCert.cert, key: options.clientCert.key} : {};
	const key = JSON.stringify([[...blocks.keys()], options.clientCert?.cert ?? '', options.clientCert?.key ?? '']);
	let context = contexts.get(key);
	if (!context) {
		context = createSecureContext({ca: [...blocks.values()], ...client});
		contexts.set(key, context);
	}
	return context;
}
