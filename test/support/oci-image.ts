// A tiny image built by hand as an OCI layout (docs/real-parts.md §5): one gzip'd tar layer,
// a config blob, a manifest and index.json, every blob named by its sha256. pushImage() copies
// it into a registry with the real skopeo, so tests can pull it back through regauth's files.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {createTar} from 'nanotar';
import {requireProgram} from './programs.js';

export interface OciImage {
	/** The layout directory (give it to skopeo as oci:DIR:TAG). */
	dir: string;
	tag: string;
	/** sha256:… of the manifest: what a registry reports after the push. */
	manifestDigest: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function writeBlob(dir: string, bytes: Uint8Array): {digest: string; size: number} {
	const hex = sha256(bytes);
	writeFileSync(join(dir, 'blobs', 'sha256', hex), bytes);
	return {digest: `sha256:${hex}`, size: bytes.length};
}

export function buildOciImage(dir: string, options: {tag?: string; files?: Record<string, string>} = {}): OciImage {
	const tag = options.tag ?? 'v1';
	mkdirSync(join(dir, 'blobs', 'sha256'), {recursive: true});
	const files = options.files ?? {'hello.txt': 'hello from regauth tests\n'};
	const tar = createTar(
		Object.entries(files).map(([name, text]) => ({name, data: new TextEncoder().encode(text), attrs: {mode: '644', mtime: 0, uid: 0, gid: 0}})),
	);
	const layer = writeBlob(dir, gzipSync(tar, {level: 9}));
	const config = writeBlob(
		dir,
		Buffer.from(JSON.stringify({architecture: 'amd64', os: 'linux', config: {}, rootfs: {type: 'layers', diff_ids: [`sha256:${sha256(tar)}`]}})),
	);
	const manifestBytes = Buffer.from(
		JSON.stringify({
			schemaVersion: 2,
			mediaType: 'application/vnd.oci.image.manifest.v1+json',
			config: {mediaType: 'application/vnd.oci.image.config.v1+json', ...config},
			layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer}],
		}),
	);
	const manifest = writeBlob(dir, manifestBytes);
	writeFileSync(join(dir, 'oci-layout'), JSON.stringify({imageLayoutVersion: '1.0.0'}));
	writeFileSync(
		join(dir, 'index.json'),
		JSON.stringify({
			schemaVersion: 2,
			manifests: [{mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: {'org.opencontainers.image.ref.name': tag}}],
		}),
	);
	return {dir, tag, manifestDigest: manifest.digest};
}

/** `skopeo copy` the layout to docker://HOST/REPO:TAG over plain HTTP with the registry's own user. */
export function pushImage(image: OciImage, registry: {host: string; username: string; password: string}, repository = 'demo/hello'): string {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const reference = `${registry.host}/${repository}:${image.tag}`;
	// --dest-creds is an argument: fine for a throwaway test registry, never for a user's secret.
	execFileSync(
		'skopeo',
		[
			'copy',
			'--quiet',
			'--dest-tls-verify=false',
			'--dest-creds',
			`${registry.username}:${registry.password}`,
			`oci:${image.dir}:${image.tag}`,
			`docker://${reference}`,
		],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {...process.env, HOME: image.dir},
		},
	);
	return reference;
}
