// Minted tokens die: ECR's after 12 hours, ACR's after 3, Google's after 1. Files that hold one
// (a Kubernetes Secret, a Butane config, rkt and Mesos files, and docker/podman when the cloud's
// helper is missing) stop pulling then. This says when, for which outputs, and what keeps them
// working (docs/cloud-registries.md §Expiry). Pure: plan() calls it with what it already has.
import type {ResolvedCredential, TargetId} from '../answers.js';
import type {Environment} from '../environment.js';
import type {FollowUp, Note} from '../plan-types.js';
import {routesToHelper, targetSpec} from '../targets/specs.js';
import {cloudRoute} from './cloud-route.js';
import {guideFor} from './providers.js';
import {recognise} from './recognise.js';

/** A credential in the plan that stops working at a known time: the lifecycle inventory records it. */
export interface Expiry {
	/** The registry key, as in config.json. */
	registry: string;
	host: string;
	/** ISO 8601. */
	expiresAt: string;
	/** The chosen outputs that hold the token itself (and so stop working then). */
	holders: TargetId[];
}

/** "2026-12-01 00:00 UTC": unambiguous wherever it is read. */
export function expiryText(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function hours(seconds: number): string {
	return seconds >= 3600 ? `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}` : `${Math.round(seconds / 60)} minutes`;
}

/** The outputs that keep this credential's password (rather than routing to the cloud's helper). */
function holdersOf(credential: ResolvedCredential, targets: readonly TargetId[], env: Pick<Environment, 'helpers'>): TargetId[] {
	const routed = cloudRoute(credential, env)?.present ?? false;
	return targets.filter(target => !targetSpec(target).holdsNoSecret && !(routed && routesToHelper(target)));
}

function names(targets: readonly TargetId[]): string {
	const all = targets.map(target => targetSpec(target).outputName);
	return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '');
}

function outputs(targets: readonly TargetId[]): string {
	return `${names(targets)} ${targets.length === 1 ? 'output' : 'outputs'}`;
}

export function expiries(credentials: readonly ResolvedCredential[], targets: readonly TargetId[], env: Pick<Environment, 'helpers'>): Expiry[] {
	return credentials.flatMap(credential =>
		credential.expiresAt
			? [{registry: credential.key, host: credential.host, expiresAt: credential.expiresAt, holders: holdersOf(credential, targets, env)}]
			: [],
	);
}

export function expiryNotes(credentials: readonly ResolvedCredential[], targets: readonly TargetId[], env: Pick<Environment, 'helpers'>): Note[] {
	const notes: Note[] = [];
	for (const credential of credentials) {
		const guide = guideFor(recognise(credential.host));
		const holders = holdersOf(credential, targets, env);
		if (holders.length === 0) continue;
		if (guide.provider === 'gar' && (credential.username === '_json_key' || credential.username === '_json_key_base64')) {
			notes.push({
				level: 'warning',
				message: `${credential.host}: the ${outputs(holders)} hold a service-account key (user ${credential.username}), which never expires: anyone who reads them can act as that service account until the key is deleted. Give the account only the Artifact Registry Reader role, keep the files out of version control, and rotate the key.`,
			});
			continue;
		}
		const fresh = guide.keepFresh ? ` ${guide.keepFresh}` : '';
		if (credential.expiresAt) {
			const from = credential.mintedBy ? ` (from ${credential.mintedBy})` : '';
			notes.push({
				level: 'warning',
				message: `The token for ${credential.host}${from} stops working at ${expiryText(credential.expiresAt)}: the ${outputs(holders)} written now will fail to pull after that.${fresh}`,
			});
		} else if (guide.lifetimeSeconds && guide.username !== undefined && credential.username === guide.username) {
			// A token piped in: its age is unknown, but the service fixes how long such tokens live.
			notes.push({
				level: 'warning',
				message: `${guide.title} tokens for user ${guide.username} last ${hours(guide.lifetimeSeconds)} from when they were minted: the ${outputs(holders)} written now ${holders.length === 1 ? 'stops' : 'stop'} working then.${fresh}`,
			});
		}
	}
	return notes;
}

/** After applying: the time to act by, for each output that holds a minted token. */
export function expiryFollowUps(list: readonly Expiry[]): FollowUp[] {
	return list
		.filter(expiry => expiry.holders.length > 0)
		.map(expiry => ({
			text: `${expiry.host}: the token in the ${outputs(expiry.holders)} stops working at ${expiryText(expiry.expiresAt)} — run regauth again before then, or set up what refreshes it (the warning on the review says what)`,
		}));
}
