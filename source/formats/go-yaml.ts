// Plain-scalar quoting as kubectl's YAML printer (go-yaml v2 via sigs.k8s.io/yaml) does it: a
// string is double-quoted when it would otherwise read back as a bool, null, number or date.
// Only the strings regauth emits through it (DNS-1123 names, base64) need to be handled;
// the rules below were checked against kubectl v1.32 output (test/formats/go-yaml.test.ts).

const RESOLVE_TABLE = new Set([
	'',
	'~',
	'null',
	'Null',
	'NULL',
	'y',
	'Y',
	'yes',
	'Yes',
	'YES',
	'on',
	'On',
	'ON',
	'true',
	'True',
	'TRUE',
	'n',
	'N',
	'no',
	'No',
	'NO',
	'off',
	'Off',
	'OFF',
	'false',
	'False',
	'FALSE',
	'.nan',
	'.NaN',
	'.NAN',
	'.inf',
	'.Inf',
	'.INF',
	'+.inf',
	'+.Inf',
	'+.INF',
	'-.inf',
	'-.Inf',
	'-.INF',
	'<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt/ParseUint with base 0, reduced to "does it parse and fit". */
function goParsesAsInteger(text: string): boolean {
	const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
	if (!match) return false;
	const digits = match[2]!;
	let value: bigint;
	if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`);
	else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`);
	else value = BigInt(digits);
	if (match[1] === '-') return value <= INT64_MAX + 1n;
	return value <= UINT64_MAX;
}

function goParsesAsFloat(text: string): boolean {
	if (!YAML_STYLE_FLOAT.test(text)) return false;
	return Number.isFinite(Number(text));
}

function goParsesAsDate(text: string): boolean {
	const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function goYamlNeedsQuotes(text: string): boolean {
	if (RESOLVE_TABLE.has(text)) return true;
	if (!/^[-+.0-9]/.test(text)) return false;
	const plain = text.replaceAll('_', '');
	return goParsesAsInteger(plain) || goParsesAsFloat(plain) || goParsesAsDate(text);
}

/** A scalar for kubectl-identical YAML; callers pass only simple strings (names, base64). */
export function goYamlScalar(text: string): string {
	return goYamlNeedsQuotes(text) ? JSON.stringify(text) : text;
}
