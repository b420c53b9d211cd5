// A gzip'd POSIX (ustar) tar whose bytes depend only on its members: fixed time, owner and
// gzip header, so re-running regauth leaves an identical archive (and apply sees "unchanged").
// nanotar writes the headers; two things it leaves to chance are fixed here (checked with
// GNU tar 1.34 in test/formats/tar-gz.test.ts):
// - it rounds the archive up to 10 KiB records but does not guarantee the two zero blocks that
//   end an archive when the members fill the last record exactly;
// - it writes the checksum left-aligned and NUL-padded; POSIX spells it as six octal digits,
//   NUL, space, as GNU tar and bsdtar do.
import {gzipSync} from 'node:zlib';
import {createTar} from 'nanotar';

export interface TarMember {
	/** Relative path; directories end in '/'. */
	name: string;
	mode: number;
	/** Omitted for directories. */
	data?: Uint8Array;
}

const BLOCK = 512;
const RECORD = 20 * BLOCK;
/** 2000-01-01T00:00:00Z: a fixed time that no extractor calls implausible. */
export const TAR_MTIME_MS = Date.UTC(2000, 0, 1);

function blocksFor(size: number): number {
	return Math.ceil(size / BLOCK);
}

export function tar(members: readonly TarMember[]): Uint8Array {
	for (const member of members) {
		if (Buffer.byteLength(member.name) > 99) throw new Error(`tar member name too long for ustar: ${member.name}`);
	}
	const raw = createTar(
		members.map(member => ({
			name: member.name,
			...(member.data ? {data: member.data} : {}),
			attrs: {mode: (member.mode & 0o7777).toString(8), uid: 0, gid: 0, user: 'root', group: 'root', mtime: TAR_MTIME_MS},
		})),
	);
	const used = members.reduce((sum, member) => sum + BLOCK + blocksFor(member.data?.length ?? 0) * BLOCK, 0);
	// Members, then at least two zero blocks, padded to whole records (what GNU tar writes).
	const size = Math.ceil((used + 2 * BLOCK) / RECORD) * RECORD;
	const out = new Uint8Array(size);
	out.set(raw.subarray(0, used));
	for (let offset = 0, index = 0; index < members.length; index++) {
		fixChecksum(out.subarray(offset, offset + BLOCK));
		offset += BLOCK + blocksFor(members[index]!.data?.length ?? 0) * BLOCK;
	}
	return out;
}

function fixChecksum(header: Uint8Array): void {
	header.fill(0x20, 148, 156);
	let sum = 0;
	for (const byte of header) sum += byte;
	const field = `${sum.toString(8).padStart(6, '0')}\0 `;
	for (let i = 0; i < 8; i++) header[148 + i] = field.charCodeAt(i);
}

/** gzip with a zero mtime and no file name in its header (node's default), at the best level. */
export function tarGz(members: readonly TarMember[]): Uint8Array {
	return new Uint8Array(gzipSync(tar(members), {level: 9}));
}
