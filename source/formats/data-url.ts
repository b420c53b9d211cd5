// Inline file contents as Butane turns them into Ignition `data:` URLs (coreos/butane
// base/util/url.go MakeDataURL): three candidates, the shortest wins.
//  1. `data:,` + dataurl.Escape(bytes): vincent-petithory/dataurl v1.0.0 (Butane's pinned
//     version) keeps the RFC 2396 unreserved bytes A–Z a–z 0–9 - _ . ! ~ * ' ( ) and writes every
//     other byte as %XX, upper-case hex: the set encodeURIComponent keeps. Butane's own tests
//     show it (fcos v1_5 grub: `set%20superusers%3D%22root%22%0A`; base v0_4: `file%20contents%0A`).
//     (A later dataurl commit switched to url.PathEscape, which keeps = : $ & + @; Butane does
//     not use that version.)
//  2. `data:;base64,` + standard base64.
//  3. gzip at the best level, base64'd, when auto-compression is allowed and chosen only if
//     len(gz) + len("gzip") < the best so far; then `compression: "gzip"`.
// Go's deflate and zlib's produce different (equally valid) bytes, so in the rare case where
// candidate 3 is within a few bytes of the others Butane may pick differently; the decoded
// contents are the same either way.
import {gzipSync} from 'node:zlib';

const KEEP = /[A-Za-z0-9\-_.!~*'()]/;

/** dataurl.Escape over raw bytes (for valid UTF-8, the same as encodeURIComponent). */
export function dataUrlEscape(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) {
		const char = String.fromCharCode(byte);
		out += byte < 0x80 && KEEP.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

export interface DataUrl {
	source: string;
	/** '' (Butane writes it explicitly for inline contents) or 'gzip'. */
	compression: '' | 'gzip';
}

export function butaneDataUrl(bytes: Uint8Array, options: {autoCompress?: boolean} = {}): DataUrl {
	let opaque = `,${dataUrlEscape(bytes)}`;
	const b64 = `;base64,${Buffer.from(bytes).toString('base64')}`;
	if (b64.length < opaque.length) opaque = b64;
	let compression: DataUrl['compression'] = '';
	if (options.autoCompress ?? true) {
		const gz = `;base64,${gzipSync(bytes, {level: 9}).toString('base64')}`;
		if (gz.length + 'gzip'.length < opaque.length) {
			opaque = gz;
			compression = 'gzip';
		}
	}
	return {source: `data:${opaque}`, compression};
}

/** The bytes a `data:` URL carries (the inverse, for checks and previews). */
export function decodeDataUrl(url: string): Uint8Array {
	const match = /^data:([^,]*),(.*)$/s.exec(url);
	if (!match) throw new Error(`not a data: URL: ${url.slice(0, 40)}`);
	if (/;base64$/i.test(match[1]!)) return new Uint8Array(Buffer.from(match[2]!, 'base64'));
	return new Uint8Array(percentDecode(match[2]!));
}

function percentDecode(text: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '%') {
			const hex = text.slice(i + 1, i + 3);
			if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Error(`bad %-escape in data: URL at ${i}`);
			out.push(Number.parseInt(hex, 16));
			i += 2;
		} else {
			out.push(text.charCodeAt(i));
		}
	}
	return out;
}
