// How the first screen words the logins `regauth status` finds: one list entry each (registry,
// user, where the secret is, expiry, the last check), the details when highlighted, and the
// entries of a login's panel. Everything read from files, helpers and registries goes through
// terminalText (docs/terminal-text.md). Pure.

import {terminalText} from '../formats/terminal-text.js';
import {expiryState, relativeTime, shownTime} from '../inventory/expiry.js';
import type {Place} from '../inventory/schema.js';
import type {LoginStatus} from '../status/report.js';
import type {Choice} from './choices.js';
import type {LoginCheck} from './logins-services.js';
import {type LoginsState, loginId} from './logins-state.js';

/** The value of a login's list entry. */
export const LOGIN_PREFIX = 'login:';

const clean = (text: string) => terminalText(text);

/** Where the secret is: "plain text", "keychain (docker-credential-regauth)", both when files differ. */
export function storageWords(login: LoginStatus): string {
	const kinds = [...new Set(login.stored.map(stored => (stored.storage === 'plain-text' ? 'plain text' : `keychain via ${stored.helper}`)))];
	return kinds.length > 0 ? kinds.join(' + ') : 'not in docker’s or podman’s files';
}

/** "⚠ expires in 2 days", "✗ expired 3 hours ago", or '' when it is far off or unknown. */
export function expiryWords(login: LoginStatus, now: Date): string {
	if (!login.expiresAt) return '';
	if (login.expiry === 'expired') return `✗ expired ${relativeTime(login.expiresAt, now)}`;
	if (login.expiry === 'soon') return `⚠ expires ${relativeTime(login.expiresAt, now)}`;
	return '';
}

export function checkWords(check: LoginCheck | 'checking' | undefined): string {
	if (check === undefined) return '';
	if (check === 'checking') return '… checking';
	return {ok: '✓ ok', rejected: '✗ rejected', unreachable: '? unreachable', error: '✗ check failed'}[check.result];
}

function placeWords(place: Place): string {
	const applied = place.applied ? ` applied in ${place.applied.namespace || 'the current namespace'} (${place.applied.context || 'current context'})` : '';
	return `${place.title}${place.path && !place.title.includes(place.path) ? ` — ${place.path}` : ''}${applied}`;
}

/** The login's details, one line each: where it is, its expiry and last check, then what regauth wrote (the longest part, last). */
export function loginDetails(login: LoginStatus, now: Date, check?: LoginCheck | 'checking'): string[] {
	const lines = login.stored.map(
		stored =>
			`${stored.reader === 'docker' ? 'Docker' : 'Podman'}: ${stored.file} — ${stored.storage === 'plain-text' ? 'plain text' : `keychain via docker-credential-${stored.helper}`}`,
	);
	if (login.stored.length === 0) lines.push('Not in docker’s or podman’s files now.');
	if (login.expiresAt) {
		const mark = login.expiry === 'expired' ? '✗ Expired' : login.expiry === 'soon' ? '⚠ Expires' : 'Expires';
		lines.push(`${mark} ${shownTime(login.expiresAt)} (${relativeTime(login.expiresAt, now)})`);
	}
	if (check === 'checking') lines.push('Checking with the registry…');
	else if (check) lines.push(`Check: ${checkWords(check)} — ${check.message}`);
	if (login.regauth)
		lines.push(
			`regauth wrote it on ${login.regauth.configured.replace('T', ' ').slice(0, 16)} UTC to:`,
			...login.regauth.places.map(place => `  ${placeWords(place)}`),
		);
	else lines.push('Not set up by regauth: check and log out work; rotate needs it set up through regauth once.');
	return lines.map(clean);
}

export function loginChoice(login: LoginStatus, check: LoginCheck | 'checking' | undefined, now: Date): Choice {
	const status = [expiryWords(login, now), checkWords(check)].filter(Boolean).join(' ');
	return {
		value: `${LOGIN_PREFIX}${loginId(login)}`,
		// What needs attention (expiry, the check) before where it is kept: a narrow column cuts the end.
		label: clean(`● ${login.registry} — ${login.user || '(user unknown)'}${status ? ` · ${status}` : ''} · ${storageWords(login)}`),
		hint: clean(
			`${login.regauth ? `regauth wrote: ${[...new Set(login.regauth.places.map(place => place.title))].join(', ')}` : 'not set up by regauth'}${check && check !== 'checking' ? ` · ${check.message}` : ''} · Enter: check, rotate or log out`,
		),
	};
}

/**
 * The registry list with the logins: after the registries (and the keychain entry), before the
 * entries that deal with a broken config, which stay last (End reaches them, as the notice says).
 * The logins arrive after the first frame: the rows above them never move.
 */
export function withLogins(items: Choice[], logins: readonly LoginStatus[], state: Pick<LoginsState, 'checks'>, now: Date): Choice[] {
	if (logins.length === 0) return items;
	const rows = logins.map(login => loginChoice(login, state.checks[loginId(login)], now));
	const broken = items.findIndex(item => item.value === 'recheck');
	return broken === -1 ? [...items, ...rows] : [...items.slice(0, broken), ...rows, ...items.slice(broken)];
}

/** The open panel's login: as listed now, or as it was when opened (a logout removes it from the list). */
export function openLogin(state: Pick<LoginsState, 'open' | 'opened'>, logins: readonly LoginStatus[]): LoginStatus | undefined {
	if (state.open === undefined) return undefined;
	return logins.find(login => loginId(login) === state.open) ?? state.opened;
}

/** The panel's menu for the phase it is in. */
export function panelChoices(state: LoginsState, login: LoginStatus, self = 'regauth'): Choice[] {
	const phase = state.phase;
	switch (phase.kind) {
		case 'menu':
			return [
				{value: 'check', label: 'Check it with the registry', hint: 'asks the registry whether this login still works (nothing is changed)'},
				{
					value: 'rotate',
					label: 'Rotate: replace the secret everywhere',
					hint: login.regauth
						? `the new secret is checked, then written to every place regauth wrote (${login.regauth.places.length})`
						: 'regauth did not set this login up: it does not know where else the secret went',
					disabled: !login.regauth,
				},
				{value: 'logout', label: 'Log out: remove it from this machine', hint: 'shows what is removed before anything changes'},
				{value: 'close', label: 'Back to the registry list'},
			];
		case 'rotate':
			return [
				{value: 'apply', label: 'Replace it everywhere', hint: `backups are kept; ${self} undo puts the old one back`},
				{value: 'menu', label: 'Cancel'},
			];
		case 'logout':
			return [
				{value: 'apply', label: 'Log out', hint: phase.preview.secrets.length > 0 ? 'the Kubernetes Secrets stay' : 'backups are kept'},
				...(phase.preview.secrets.length > 0
					? [{value: 'apply-kubernetes', label: 'Log out and delete the Kubernetes Secrets', hint: 'runs the kubectl delete commands listed above'}]
					: []),
				{value: 'menu', label: 'Cancel'},
			];
		case 'done':
		case 'problem':
			return [{value: phase.kind === 'done' && phase.what === 'logout' ? 'close' : 'menu', label: 'Back'}];
		case 'secret':
			return [];
	}
}

/** When the new secret stops working, as the rotation's plan says it. */
function rotatedExpiry(expiresAt: string, now: Date): string {
	const when = `${shownTime(expiresAt)} (${relativeTime(expiresAt, now)})`;
	switch (expiryState(expiresAt, now)) {
		case 'expired':
			return `! That expiry is past: ${when}. Esc, then check the date.`;
		case 'soon':
			return `It expires ${when}: regauth status warns about it from now on.`;
		default:
			return `It expires ${when}: regauth status warns a week before.`;
	}
}

/** The panel's text above its menu, for the phase it is in. */
export function panelLines(state: LoginsState, login: LoginStatus, now: Date, self: string): string[] {
	const phase = state.phase;
	const check = state.checks[loginId(login)];
	switch (phase.kind) {
		case 'menu':
			return loginDetails(login, now, check);
		case 'secret':
			return [];
		case 'rotate':
			return [
				phase.preview.verified === undefined
					? '! The new secret was not checked: the wizard was started with the checks off.'
					: phase.preview.verified.ok
						? `✓ The new secret works: ${phase.preview.verified.message}`
						: `! Not verified: ${phase.preview.verified.message}`,
				...(phase.preview.expiresAt ? [rotatedExpiry(phase.preview.expiresAt, now)] : []),
				'It replaces the old one in:',
				...phase.preview.places.map(place => `  ${place}`),
				...phase.preview.notes.map(note => `! ${note}`),
			];
		case 'logout':
			return [
				'Logging out removes:',
				...phase.preview.removes.map(line => `  ${line}`),
				...(phase.preview.secrets.length > 0
					? ['Kubernetes Secrets regauth applied (deleted only if you choose so below):', ...phase.preview.secrets.map(line => `  ${line}`)]
					: []),
				...(phase.preview.leftFiles.length > 0
					? ['Left in place (files regauth generated; delete or re-host them yourself):', ...phase.preview.leftFiles.map(file => `  ${file}`)]
					: []),
				...(phase.preview.erasesItem ? ['The keychain item that holds it is erased too (undo stores it back from a copy kept beside the journal).'] : []),
			];
		case 'done': {
			const {applied} = phase;
			const what = phase.what === 'rotate' ? 'Rotated' : 'Logged out';
			return [
				applied.ok ? `✓ ${what}.` : `✗ ${what === 'Rotated' ? 'The rotation' : 'The logout'} did not finish:`,
				...applied.lines.map(line => `  ${line}`),
				...phase.next.map(step => `Next: ${step}`),
				...(applied.undo ? [`${self} undo reverts this (restores every file as it was).`] : []),
			];
		}
		case 'problem':
			return [`✗ ${phase.message}`];
	}
}
