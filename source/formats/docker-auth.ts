// The `auth` value of a docker config entry: base64 of "user:password" (formats.md §1.2).

export function encodeAuth(username: string, password: string): string {
	return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export type DecodedAuth = {ok: true; username: string; password: string} | {ok: false; message: string};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decode the way docker's `decodeAuth` does: strict base64, split on the first ':'. */
export function decodeAuth(auth: string): DecodedAuth {
	if (!BASE64.test(auth)) {
		const bad = [...auth].findIndex((char, index) => !/[A-Za-z0-9+/=]/.test(char) || (char === '=' && index < auth.length - 2));
		return {
			ok: false,
			message: bad === -1 ? 'illegal base64 data (wrong length or padding)' : `illegal base64 data at input byte ${bad}`,
		};
	}
	const text = Buffer.from(auth, 'base64').toString('utf8');
	const colon = text.indexOf(':');
	if (colon <= 0) return {ok: false, message: 'invalid auth configuration file (no "user:password" inside)'};
	return {ok: true, username: text.slice(0, colon), password: text.slice(colon + 1).replace(/\0+$/, '')};
}
