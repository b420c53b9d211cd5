// The first screen's logins, as state: which login's panel is open, what it shows (its menu, the
// new secret being typed, a plan to confirm, a result), and each login's last check. One action
// (`login`) carries every change, so state.ts only delegates here. Pure.
import type {LoginStatus} from '../status/report.js';
import type {LoginApplied, LoginCheck, LogoutPreview, RotationPreview} from './logins-services.js';

/** A login as the list knows it: docker's key and the user (one registry can hold several users). */
export type LoginId = string;

export const loginId = (login: {key: string; user: string}): LoginId => `${login.key}\u0000${login.user}`;

export type LoginPhase =
	| {kind: 'menu'}
	/** The new secret is typed (never drawn); `problem`: why the last one was not taken. */
	| {kind: 'secret'; problem?: string}
	| {kind: 'rotate'; preview: RotationPreview}
	| {kind: 'logout'; preview: LogoutPreview}
	| {kind: 'done'; what: 'rotate' | 'logout'; applied: LoginApplied; next: string[]}
	/** Something stopped it before anything was written. */
	| {kind: 'problem'; message: string};

export interface LoginsState {
	/** The login whose panel replaces the list; undefined: the list is shown. */
	open?: LoginId;
	/** That login as it was listed when opened: the panel still shows it after a logout removed it from the list. */
	opened?: LoginStatus;
	phase: LoginPhase;
	/** The highlighted entry of the panel's menu. */
	field: number;
	/** The new secret as typed, and the cursor in it (code points; undefined: at the end). */
	secret: string;
	cursor: number | undefined;
	/** When the new secret stops working, as typed (a date or a duration; '' for unknown), and its cursor. */
	expires: string;
	expiresCursor: number | undefined;
	/** Which of the two fields keys edit while the new secret is asked for. */
	typing: 'secret' | 'expires';
	/** Lines the panel's text is scrolled by. */
	scroll: number;
	/** The last check of each login (kept while the list is read again). */
	checks: Record<LoginId, LoginCheck | 'checking'>;
	/** Bumped after a rotate or logout: the list is read again (and the checks are forgotten). */
	version: number;
}

export type LoginChange =
	| {kind: 'open'; login: LoginStatus}
	| {kind: 'close'}
	| {kind: 'phase'; phase: LoginPhase}
	| {kind: 'field'; field: number}
	| {kind: 'secret'; secret: string; cursor: number | undefined}
	| {kind: 'expires'; expires: string; cursor: number | undefined}
	| {kind: 'typing'; typing: LoginsState['typing']}
	| {kind: 'scroll'; delta: number; max: number}
	| {kind: 'check'; id: LoginId; check: LoginCheck | 'checking'}
	| {kind: 'reread'};

export function initialLogins(): LoginsState {
	return {phase: {kind: 'menu'}, field: 0, ...FORGOTTEN, scroll: 0, checks: {}, version: 0};
}

const FORGOTTEN = {secret: '', cursor: undefined, expires: '', expiresCursor: undefined, typing: 'secret'} as const;

/** A new phase starts at its first entry and its top; the secret (and its expiry) is forgotten once it is used or abandoned. */
function enter(state: LoginsState, phase: LoginPhase): LoginsState {
	const keepSecret = phase.kind === 'secret' || phase.kind === 'rotate';
	return {...state, phase, field: 0, scroll: 0, ...(keepSecret ? {} : FORGOTTEN)};
}

export function loginsReducer(state: LoginsState, change: LoginChange): LoginsState {
	switch (change.kind) {
		case 'open':
			return {...enter(state, {kind: 'menu'}), open: loginId(change.login), opened: change.login};
		case 'close': {
			const {open, opened, ...rest} = enter(state, {kind: 'menu'});
			return rest;
		}
		case 'phase':
			return enter(state, change.phase);
		case 'field':
			return {...state, field: change.field};
		case 'secret':
			return {...state, secret: change.secret, cursor: change.cursor};
		case 'expires':
			return {...state, expires: change.expires, expiresCursor: change.cursor};
		case 'typing':
			return {...state, typing: change.typing};
		case 'scroll':
			return {...state, scroll: Math.max(0, Math.min(change.max, state.scroll + change.delta))};
		case 'check':
			return {...state, checks: {...state.checks, [change.id]: change.check}};
		case 'reread':
			// What the checks said was of the old secrets.
			return {...state, version: state.version + 1, checks: {}};
	}
}
