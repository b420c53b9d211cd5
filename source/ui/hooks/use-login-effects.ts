// The effects of a login's panel: the check, planning a rotation or logout, and applying it.
// Planning marks the state busy (keys typed meanwhile wait, as elsewhere in the wizard); a check
// does not (it shows "checking" in the list, and the user may go on). The plan's apply is kept
// here until confirmed: the state holds only what is shown.
import {useEffect, useRef} from 'react';
import {terminalText} from '../../formats/terminal-text.js';
import {parseExpires} from '../../inventory/expiry.js';
import type {LoginEffect} from '../logins-keys.js';
import type {Prepared} from '../logins-services.js';
import {type LoginChange, loginId} from '../logins-state.js';
import type {WizardServices} from '../services.js';
import type {Action, WizardState} from '../state.js';

type Apply = Extract<Prepared<unknown>, {ok: true}>['apply'];

const failure = (error: unknown) => terminalText((error as Error).message ?? String(error));

export function useLoginEffects(
	get: () => WizardState,
	dispatch: (action: Action) => void,
	services: WizardServices,
	refresh: () => Promise<void>,
): (effect: LoginEffect) => Promise<void> {
	const controller = useRef(new AbortController());
	useEffect(() => () => controller.current.abort(), []);
	const pending = useRef<Apply | undefined>(undefined);
	// Ctrl+C while a rotation or logout is written (state.applying, as on the apply step) stops it
	// between two items instead of quitting mid-way: what was done is shown, and undo reverts it.
	const applying = useRef<AbortController | undefined>(undefined);
	useEffect(() => {
		if (get().applying === 'cancelling') applying.current?.abort();
	});
	const change = (value: LoginChange) => dispatch({type: 'login', change: value});
	const busy = (on: boolean) => dispatch({type: 'busy', busy: on ? 'login' : undefined});

	/** Plan it (busy meanwhile); a plan shown waits here for the confirmation. */
	const prepare = async (run: () => Promise<Prepared<unknown>>, shown: (preview: unknown) => LoginChange): Promise<void> => {
		pending.current = undefined;
		busy(true);
		try {
			const prepared = await run();
			if (prepared.ok) {
				pending.current = prepared.apply;
				change(shown(prepared.preview));
			} else change({kind: 'phase', phase: prepared.secret ? {kind: 'secret', problem: prepared.message} : {kind: 'problem', message: prepared.message}});
		} catch (error) {
			change({kind: 'phase', phase: {kind: 'problem', message: failure(error)}});
		} finally {
			busy(false);
		}
	};

	return async effect => {
		const logins = services.logins;
		if (!logins) return;
		switch (effect.do) {
			case 'check': {
				const id = loginId(effect.login);
				change({kind: 'check', id, check: 'checking'});
				const check = await logins.check(effect.login).catch(error => ({result: 'error' as const, message: failure(error)}));
				change({kind: 'check', id, check});
				return;
			}
			case 'rotate':
				await prepare(
					// The key map checked the form; a duration counts from now.
					() => logins.prepareRotation(effect.login, effect.password, parseExpires(effect.expires, new Date()), controller.current.signal),
					preview => ({kind: 'phase', phase: {kind: 'rotate', preview: preview as never}}),
				);
				return;
			case 'logout':
				await prepare(
					() => logins.prepareLogout(effect.login),
					preview => ({kind: 'phase', phase: {kind: 'logout', preview: preview as never}}),
				);
				return;
			case 'apply': {
				const run = pending.current;
				const phase = get().logins.phase;
				if (!run || (phase.kind !== 'rotate' && phase.kind !== 'logout')) return;
				pending.current = undefined;
				applying.current = new AbortController();
				dispatch({type: 'applying', phase: 'running'});
				busy(true);
				try {
					const applied = await run(applying.current.signal, {kubernetes: effect.kubernetes});
					change({kind: 'phase', phase: {kind: 'done', what: phase.kind, applied, next: phase.kind === 'rotate' && applied.ok ? phase.preview.next : []}});
				} catch (error) {
					change({kind: 'phase', phase: {kind: 'problem', message: failure(error)}});
				} finally {
					applying.current = undefined;
					dispatch({type: 'applying', phase: 'no'});
					busy(false);
					// What changed on disk: the list and the machine's findings are read again (the checks are stale).
					change({kind: 'reread'});
					void refresh();
				}
				return;
			}
		}
	};
}
