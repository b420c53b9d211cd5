// What a key does in a login's panel (the first screen, after Enter on a login): its menu, the
// new secret typed for a rotation, the plan to confirm, the result. Pure, like keymap.ts, which
// hands the panel its keys; the effects (check, plan, apply) run in use-login-effects.ts.
import {parseExpires} from '../inventory/expiry.js';
import type {LoginStatus} from '../status/report.js';
import type {Command} from './keymap.js';
import type {Key} from './keys.js';
import {editLine} from './line-edit.js';
import {type LoginChange, loginId} from './logins-state.js';
import {LOGIN_PREFIX, openLogin, panelChoices} from './logins-view.js';
import type {WizardState} from './state.js';

export type LoginEffect =
	| {do: 'check'; login: LoginStatus}
	/** `expires` as typed: a date or a duration from now (parsed with the clock by the effect), '' for unknown. */
	| {do: 'rotate'; login: LoginStatus; password: string; expires: string}
	| {do: 'logout'; login: LoginStatus}
	/** Carry out the plan the panel shows (the rotation or the logout). */
	| {do: 'apply'; kubernetes: boolean};

const change = (value: LoginChange): Command => ({type: 'login', change: value});
const effect = (value: LoginEffect): Command => ({type: 'effect', effect: {kind: 'login', effect: value}});

/** Enter on a login's entry of the registry list opens its panel. */
export function loginEntryKeys(value: string, key: Key, logins: readonly LoginStatus[]): Command[] | undefined {
	if (!value.startsWith(LOGIN_PREFIX) || key.name !== 'enter') return undefined;
	const login = logins.find(each => loginId(each) === value.slice(LOGIN_PREFIX.length));
	return login ? [change({kind: 'open', login})] : [];
}

/** The new secret's field is the focus: letters are the secret, not commands. */
export function typingSecret(state: WizardState): boolean {
	return state.step === 'registry' && state.logins.open !== undefined && state.logins.phase.kind === 'secret';
}

/** A date or a duration is valid whatever the clock says; the effect reads the clock. */
const EPOCH = new Date(0);

export const EXPIRES_PROBLEM = 'Expires: give a date (2027-01-31) or a duration from now (90d, 12h, 4w), or leave it empty if you do not know.';

/** The two fields of a rotation: the new secret and, optionally, when it expires. */
function newSecretKeys(panel: WizardState['logins'], login: LoginStatus, key: Key): Command[] {
	if (key.name === 'tab' || key.name === 'up' || key.name === 'down')
		return [change({kind: 'typing', typing: panel.typing === 'secret' ? 'expires' : 'secret'})];
	if (key.name === 'enter') {
		if (panel.secret === '') return panel.typing === 'secret' ? [] : [change({kind: 'typing', typing: 'secret'})];
		const expires = panel.expires.trim();
		if (expires !== '' && !parseExpires(expires, EPOCH))
			return [change({kind: 'phase', phase: {kind: 'secret', problem: EXPIRES_PROBLEM}}), change({kind: 'typing', typing: 'expires'})];
		return [effect({do: 'rotate', login, password: panel.secret, expires})];
	}
	const [value, cursor] = panel.typing === 'secret' ? [panel.secret, panel.cursor] : [panel.expires, panel.expiresCursor];
	const edited = editLine({value, cursor: cursor ?? [...value].length}, key);
	if (!edited) return [];
	const at = edited.cursor === [...edited.value].length ? undefined : edited.cursor;
	return [change(panel.typing === 'secret' ? {kind: 'secret', secret: edited.value, cursor: at} : {kind: 'expires', expires: edited.value, cursor: at})];
}

export interface PanelContext {
	logins: readonly LoginStatus[];
	/** How far the panel's text can scroll, and one page of it. */
	panelMax: number;
	panelPage: number;
}

export function loginPanelKeys(state: WizardState, key: Key, ctx: PanelContext): Command[] {
	const panel = state.logins;
	const login = openLogin(panel, ctx.logins);
	if (!login) return [change({kind: 'close'})];
	const phase = panel.phase;
	if (key.name === 'escape') {
		if (phase.kind === 'menu' || (phase.kind === 'done' && phase.what === 'logout')) return [change({kind: 'close'})];
		return [change({kind: 'phase', phase: {kind: 'menu'}})];
	}
	if (key.name === 'pageUp' || key.name === 'pageDown')
		return [change({kind: 'scroll', delta: key.name === 'pageUp' ? -ctx.panelPage : ctx.panelPage, max: ctx.panelMax})];
	if (phase.kind === 'secret') return newSecretKeys(panel, login, key);
	if (key.name === 'text' && key.text === '?') return [{type: 'help', open: true}];
	const items = panelChoices(panel, login);
	const count = items.length;
	if (key.name === 'up' || key.name === 'down' || key.name === 'tab')
		return count === 0 ? [] : [change({kind: 'field', field: (panel.field + (key.name === 'up' || key.shift ? -1 : 1) + count) % count})];
	if (key.name === 'home' || key.name === 'end') return [change({kind: 'field', field: key.name === 'home' ? 0 : Math.max(0, count - 1)})];
	if (key.name !== 'enter') return [];
	const choice = items[Math.min(panel.field, count - 1)];
	if (!choice || choice.disabled) return [];
	switch (choice.value) {
		case 'check':
			return panel.checks[loginId(login)] === 'checking' ? [] : [effect({do: 'check', login})];
		case 'rotate':
			return [change({kind: 'phase', phase: {kind: 'secret'}})];
		case 'logout':
			return [effect({do: 'logout', login})];
		case 'apply':
		case 'apply-kubernetes':
			return [effect({do: 'apply', kubernetes: choice.value === 'apply-kubernetes'})];
		case 'menu':
			return [change({kind: 'phase', phase: {kind: 'menu'}})];
		default:
			return [change({kind: 'close'})];
	}
}
