// doctor's warnings about logins that expire within 7 days or have expired, from the inventory
// (docs/lifecycle.md §4). Pure.
import type {Finding} from '../doctor/findings.js';
import {expiryState, relativeTime} from './expiry.js';
import type {InventoryRead} from './schema.js';

export function expiryFindings(read: InventoryRead, path: string, now: Date): Finding[] {
	if (read.state === 'untrusted')
		return [
			{
				id: 'inventory-untrusted',
				level: 'warning',
				path,
				message: `regauth's inventory of logins is not trusted: ${read.reason}`,
				fix: 'Move it away (regauth starts a new one at the next login) or restore it with regauth undo.',
			},
		];
	return read.inventory.logins.flatMap((login): Finding[] => {
		const state = expiryState(login.expiresAt, now);
		if (state !== 'expired' && state !== 'soon') return [];
		const when = relativeTime(login.expiresAt!, now);
		return [
			{
				id: state === 'expired' ? 'login-expired' : 'login-expiring',
				level: state === 'expired' ? 'error' : 'warning',
				path,
				registry: login.registry,
				message: `the login of ${login.username} to ${login.registry} ${state === 'expired' ? `expired ${when}` : `expires ${when}`} (${login.expiresAt})`,
				fix: `Get a new token and run: regauth rotate ${login.registry} --password-stdin --yes`,
			},
		];
	});
}
