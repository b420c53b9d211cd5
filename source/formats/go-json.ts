// JSON as Go's encoding/json writes it, so generated files are byte-identical to what
// docker and kubectl produce (docs/formats.md §1.3, §3.2): Go escapes <, > and & for HTML safety
// and U+2028/U+2029 for JavaScript; everything else matches JSON.stringify.

const GO_ESCAPES: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

export function goEscape(json: string): string {
	return json.replace(/[<>&\u2028\u2029]/g, char => GO_ESCAPES[char]!);
}

/** `json.Marshal` (indent '') or `json.MarshalIndent(v, "", indent)`. No trailing newline. */
export function goJson(value: unknown, indent = ''): string {
	return goEscape(JSON.stringify(value, null, indent));
}
