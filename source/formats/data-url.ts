// Inline file contents as Butane turns them into Ignition `data:` URLs (coreos/butane
// base/util/url.go MakeDataURL): three candidates, the shortest wins.
//  1. `data:,` + dataurl.Escape(bytes). vincent-petithory/dataurl v1.0.0 (Butane's pinned
//     version) implements Escape as Go's url.PathEscape: it keeps A–Z a–z 0–9 - _ . ~ and
//     $ & + : = @, and writes every other byte as %XX (upper-case hex). So it is NOT
//     encodeURIComponent (which keeps ! * ' ( ) and escapes : $ & + = @).
//  2. `data:;base64,` + standard base64.
//  3. gzip at the best level, base64'd, when auto-compression is allowed and chosen only if
//     len(gz) + len("gzip") < the best so far; then `compression: "gzip"`.
// Go's deflate and zlib's produce different (equally valid) bytes, so in the rare case where
// candidate 3 is within a few bytes of the others Butane may pick differently; the decoded
// contents are the same either way.
import {gzipSync} from 'node:zlib';

const KEEP = /[A-Za-z0-9\-_.~$&+:=@]/;

/** Go's url.PathEscape over raw bytes. */
export function pathEscape(bytes: Uint8Array): string {
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
	let opaque = `,${pathEscape(bytes)}`;
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
