// The expiry of a token that carries it: a JWT's `exp` claim (ACR's tokens, federated robot
// tokens). Only a three-part base64url string whose middle part is a JSON object with a numeric
// `exp` counts; every other token's expiry comes from whoever minted it (docs/cloud-registries.md).
// Pure. The token is only decoded here, never kept.

/** The expiry as a Date, or undefined when the token is not a JWT with a numeric `exp`. */
export function jwtExpiry(token: string): Date | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || !parts.every(part => /^[A-Za-z0-9_-]+={0,2}$/.test(part))) return undefined;
	let payload: unknown;
	try {
		payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
	const exp = (payload as {exp?: unknown}).exp;
	if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0) return undefined;
	const date = new Date(exp * 1000);
	return Number.isNaN(date.getTime()) ? undefined : date;
}
