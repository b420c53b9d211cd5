// When a login stops working: --expires as a date or a duration, and how near that is. Pure.

/** Warn this long before a login expires (docs/lifecycle.md §4). */
export const EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

const UNITS: Record<string, number> = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000};

/** `--expires 2027-01-31`, `--expires 2027-01-31T12:00:00Z`, `--expires 12h` / `90d` / `4w`; undefined when neither. */
export function parseExpires(value: string, now: Date): Date | undefined {
	const duration = /^(\d+)([mhdw])$/.exec(value.trim());
	if (duration) return new Date(now.getTime() + Number(duration[1]) * UNITS[duration[2]!]!);
	if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) return undefined;
	const date = new Date(value.trim());
	return Number.isNaN(date.getTime()) ? undefined : date;
}

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'unknown';

export function expiryState(expiresAt: string | undefined, now: Date): ExpiryState {
	if (expiresAt === undefined) return 'unknown';
	const left = Date.parse(expiresAt) - now.getTime();
	if (Number.isNaN(left)) return 'unknown';
	if (left <= 0) return 'expired';
	return left <= EXPIRY_WARNING_MS ? 'soon' : 'ok';
}

/** An ISO 8601 time as people read it: "2027-01-31 00:00 UTC" (the inventory and --json keep ISO 8601). */
export function shownTime(iso: string): string {
	const time = new Date(iso);
	return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "in 3 days", "2 hours ago". */
export function relativeTime(expiresAt: string, now: Date): string {
	const left = Date.parse(expiresAt) - now.getTime();
	const size = Math.abs(left);
	const [amount, unit] =
		size >= 2 * UNITS.d!
			? [Math.round(size / UNITS.d!), 'days']
			: size >= 2 * UNITS.h!
				? [Math.round(size / UNITS.h!), 'hours']
				: [Math.max(1, Math.round(size / UNITS.m!)), 'minutes'];
	return left > 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}
