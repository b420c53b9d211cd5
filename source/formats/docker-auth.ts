// The `auth` value of a docker config entry: base64 of "user:password" (docs/formats.md §1.2).

export function encodeAuth(username: string, password: string): string {
	return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export type DecodedAuth = {ok: true; username: string; password: string} | {ok: false; message: string};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard, padded base64, as Go's base64.StdEncoding accepts it. */
export function isBase64(text: string): boolean {
	return BASE64.test(text);
}

const ALPHABET = /[A-Za-z0-9+/]/;

/**
 * Where Go's base64.StdEncoding gives up on `text` (the N of "illegal base64 data at input byte
 * N", which docker prints), or undefined when Go accepts it. Mirrors encoding/base64's
 * decodeQuantum, minus its skipping of CR/LF (never present in a config value).
 */
export function goBase64ErrorOffset(text: string): number | undefined {
	let si = 0;
	while (si < text.length) {
		for (let j = 0; j < 4; j++) {
			if (si === text.length) return j === 0 ? undefined : si - j;
			const char = text[si++]!;
			if (char === '=') {
				if (j < 2) return si - 1;
				if (j === 2) {
					if (si === text.length) return text.length;
					if (text[si] !== '=') return si - 1;
					si++;
				}
				return si < text.length ? si : undefined;
			}
			if (!ALPHABET.test(char)) return si - 1;
		}
	}
	return undefined;
}

/** Decode the way docker's `decodeAuth` does: strict base64, split on the first ':'. */
export function decodeAuth(auth: string): DecodedAuth {
	if (!BASE64.test(auth)) {
		const at = goBase64ErrorOffset(auth);
		return {ok: false, message: at === undefined ? 'illegal base64 data' : `illegal base64 data at input byte ${at}`};
	}
	const text = Buffer.from(auth, 'base64').toString('utf8');
	const colon = text.indexOf(':');
	if (colon <= 0) return {ok: false, message: 'invalid auth configuration file (no "user:password" inside)'};
	return {ok: true, username: text.slice(0, colon), password: text.slice(colon + 1).replace(/\0+$/, '')};
}
