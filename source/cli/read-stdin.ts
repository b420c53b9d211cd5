// Reading a secret (or an import) from stdin: strict UTF-8, so a password is never silently
// changed by replacement characters, and a size limit, so a wrong pipe (a whole file, /dev/zero)
// is an error rather than a "password".
import {UsageError} from './errors.js';

export interface StdinOptions {
	/** The flag the input belongs to, for messages. */
	flag: string;
	limit: number;
}

export const PASSWORD_LIMIT = 64 * 1024;

export async function readStdin(
	options: StdinOptions = {flag: '--password-stdin', limit: PASSWORD_LIMIT},
	stream: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
		size += buffer.length;
		if (size > options.limit) {
			throw new UsageError(
				`${options.flag}: more than ${Math.round(options.limit / 1024)} KiB on stdin; a password or token is never that long. Did you pipe a file by mistake?`,
			);
		}
		chunks.push(buffer);
	}
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(Buffer.concat(chunks));
	} catch {
		throw new UsageError(
			`${options.flag}: stdin is not valid UTF-8; pass the password as UTF-8 text (convert it with iconv if it comes from another encoding).`,
		);
	}
}
