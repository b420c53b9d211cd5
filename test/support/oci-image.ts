// A tiny OCI image layout built by hand (one layer with one file), for pushing to the test
// registry with skopeo (shared/reference/real-components.md §5).
import {createHash} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {createTar} from 'nanotar';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes an OCI layout to `dir` with one image tagged `tag`; returns the `oci:` reference. */
export function writeOciImage(dir: string, tag = 'v1'): string {
	const blobs = join(dir, 'blobs', 'sha256');
	mkdirSync(blobs, {recursive: true});
	const blob = (bytes: Uint8Array) => {
		const digest = sha256(bytes);
		writeFileSync(join(blobs, digest), bytes);
		return {digest: `sha256:${digest}`, size: bytes.length};
	};
	const layerTar = createTar([{name: 'hello.txt', data: 'hello from regauth tests\n', attrs: {mtime: 0, uid: 0, gid: 0}}]);
	const layer = blob(gzipSync(layerTar));
	const config = blob(
		Buffer.from(JSON.stringify({architecture: 'amd64', os: 'linux', config: {}, rootfs: {type: 'layers', diff_ids: [`sha256:${sha256(layerTar)}`]}})),
	);
	const manifest = blob(
		Buffer.from(
			JSON.stringify({
				schemaVersion: 2,
				mediaType: 'application/vnd.oci.image.manifest.v1+json',
				config: {mediaType: 'application/vnd.oci.image.config.v1+json', ...config},
				layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer}],
			}),
		),
	);
	writeFileSync(join(dir, 'oci-layout'), JSON.stringify({imageLayoutVersion: '1.0.0'}));
	writeFileSync(
		join(dir, 'index.json'),
		JSON.stringify({
			schemaVersion: 2,
			manifests: [{mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: {'org.opencontainers.image.ref.name': tag}}],
		}),
	);
	return `oci:${dir}:${tag}`;
}
