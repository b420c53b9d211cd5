// status as data: one entry per registry and user, the shape `regauth status --json` prints
// (docs/lifecycle.md §2). Pure.
import {type ExpiryState, expiryState} from '../inventory/expiry.js';
import type {Place} from '../inventory/schema.js';
import type {MachineLogins, RegistryStatus, Stored} from './collect.js';

export type CheckResult = 'ok' | 'rejected' | 'unreachable' | 'error';

export interface LoginStatus {
	/** host[:port]; docker.io for Docker Hub. */
	registry: string;
	/** docker's key for it. */
	key: string;
	/** '' when no file or helper says. */
	user: string;
	stored: Array<{
		file: string;
		reader: 'docker' | 'podman';
		key: string;
		storage: 'plain-text' | 'helper';
		helper?: string;
		via?: 'credHelpers' | 'credsStore';
	}>;
	/** What regauth wrote for it; null when regauth has no record. */
	regauth: {configured: string; places: Place[]} | null;
	expiresAt: string | null;
	expiry: ExpiryState;
	check?: {result: CheckResult; message: string};
}

export interface StatusReport {
	version: 1;
	logins: LoginStatus[];
	problems: string[];
}

function storedView(stored: Stored): LoginStatus['stored'][number] {
	return {
		file: stored.file,
		reader: stored.reader,
		key: stored.key,
		...(stored.storage === 'file' ? {storage: 'plain-text' as const} : {storage: 'helper' as const, helper: stored.storage.helper, via: stored.storage.via}),
	};
}

function loginsOf(status: RegistryStatus, now: Date): LoginStatus[] {
	const users = [...new Set([...status.stored.map(stored => stored.username ?? ''), ...status.recorded.map(login => login.username)])];
	// A helper that could not say the user, beside a known user: the same login.
	const named = users.filter(user => user !== '');
	return (named.length > 0 ? named : ['']).map(user => {
		const recorded = status.recorded.find(login => login.username === user);
		const stored = status.stored.filter(item => (item.username ?? '') === user || (item.username === undefined && named.length === 1));
		const expiresAt = recorded?.expiresAt ?? null;
		return {
			registry: status.host,
			key: status.registry,
			user,
			stored: stored.map(storedView),
			regauth: recorded ? {configured: recorded.configured, places: recorded.places} : null,
			expiresAt,
			expiry: expiryState(expiresAt ?? undefined, now),
		};
	});
}

export function statusReport(machine: MachineLogins, now: Date): StatusReport {
	return {version: 1, logins: machine.registries.flatMap(status => loginsOf(status, now)), problems: machine.problems};
}
