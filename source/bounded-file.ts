// Reading a file a user names on the command line (--import, --ca-file): at most `limit` bytes,
// and only a regular file. Otherwise /dev/zero is read until memory runs out and a FIFO blocks
// the run forever. The open is non-blocking (a FIFO without a writer opens at once) and the
// type and size are taken from the opened descriptor, so a file swapped meanwhile is still
// checked (open(2) O_NONBLOCK, fstat(2)).
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';

export const ONE_MIB = 1024 * 1024;

/** Why the file was not read, phrased to follow "FLAG PATH: ". */
export class BoundedReadError extends Error {
	constructor(
		message: string,
		readonly code?: string,
	) {
		super(message);
	}
}

function kind(info: {isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean}): string {
	if (info.isDirectory()) return 'a directory; give the file inside it';
	if (info.isFIFO()) return 'a FIFO (named pipe), not a file';
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a file';
	if (info.isSocket()) return 'a socket, not a file';
	return 'not a regular file';
}

export async function readBoundedFile(path: string, limit = ONE_MIB): Promise<Buffer> {
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EACCES'
					? 'permission denied; regauth cannot read it as this user'
					: code === 'EISDIR'
						? 'a directory; give the file inside it'
						: (error as Error).message;
		throw new BoundedReadError(why, code);
	}
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new BoundedReadError(`is ${kind(info)}.`, 'ENOTFILE');
		const tooBig = () => new BoundedReadError(`is larger than ${limit / ONE_MIB} MiB; that is not a file regauth expects here.`, 'EFBIG');
		if (info.size > limit) throw tooBig();
		// The size can grow after fstat: read one byte past the limit to notice.
		const buffer = Buffer.alloc(limit + 1);
		let length = 0;
		for (;;) {
			const {bytesRead} = await handle.read(buffer, length, buffer.length - length, null);
			if (bytesRead === 0) break;
			length += bytesRead;
			if (length > limit) throw tooBig();
		}
		return buffer.subarray(0, length);
	} finally {
		await handle.close();
	}
}
