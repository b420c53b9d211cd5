// The wizard's effects, in one place: the credential check, the keychain lookups and checks,
// reading an import file. Each marks the state busy while it runs (keys typed meanwhile are
// held by the caller and replayed after, so an Enter pressed during the check is not lost) and
// turns its outcome into actions.
import {useEffect, useRef} from 'react';
import type {Environment} from '../../environment.js';
import {terminalText} from '../../formats/terminal-text.js';
import {brokenConfigs} from '../broken-configs.js';
import {defaultKeychainIndex, keychainChoices, keychainWorks, registryChoices, type StoreStatus} from '../choices.js';
import {CREDENTIAL_FIELDS} from '../credential-fields.js';
import {nextAfterKeychain} from '../flow.js';
import type {Effect} from '../keymap.js';
import {afterCredential} from '../profile-flow.js';
import type {WizardServices} from '../services.js';
import {type Action, checkFor, type WizardState} from '../state.js';
import {wizardWords} from '../wizard-words.js';
import {useLoginEffects} from './use-login-effects.js';

/** The notice after "check again": the registry step words it from the machine as now read. */
export const RECHECKED = 'rechecked';

const PASSWORD_FIELD = CREDENTIAL_FIELDS.findIndex(field => field.key === 'password');

export function useWizardEffects(
	get: () => WizardState,
	dispatch: (action: Action) => void,
	services: WizardServices,
	machine: () => {env: Environment | null; stores: StoreStatus | undefined},
	refresh: () => Promise<void>,
): (effect: Effect) => Promise<void> {
	const controller = useRef(new AbortController());
	useEffect(() => () => controller.current.abort(), []);
	const loginEffect = useLoginEffects(get, dispatch, services, refresh);

	const busy = (kind: WizardState['busy']) => dispatch({type: 'busy', busy: kind});

	const run = async (effect: Effect): Promise<void> => {
		switch (effect.kind) {
			case 'login':
				await loginEffect(effect.effect);
				return;
			case 'verify': {
				const current = effect.credential;
				dispatch({type: 'check', check: {...current, result: 'checking'}});
				busy('verify');
				const result = await services.verify(current, controller.current.signal);
				busy(undefined);
				if (!result) {
					// Checks are off (--no-verify): nothing to show, nothing to remember.
					dispatch({type: 'uncheck', credential: current});
					await follow(afterCredential(get(), machine().env, machine().stores));
					return;
				}
				// The registry's words (an error body) are drawn on screen and go into the plan's notes.
				const shown = {...result, message: terminalText(result.message), advice: wizardWords(terminalText(result.advice))};
				dispatch({type: 'check', check: {...current, result: shown}});
				const latest = get();
				const still = latest.step === 'credentials' ? latest.answers.credentials[latest.editing] : undefined;
				if (!still || checkFor(latest, still)?.result !== shown) return;
				if (result.status === 'verified') await follow(afterCredential(latest, machine().env, machine().stores));
				// A rejected login is the password's (or the user's) fault: put the cursor there.
				else if (result.status === 'rejected') dispatch({type: 'field', field: PASSWORD_FIELD});
				return;
			}
			case 'remembered': {
				busy('remembered');
				const result = await services.rememberedCredentials();
				busy(undefined);
				if (result.ok) dispatch({type: 'remembered', remembered: {servers: result.servers}});
				else dispatch({type: 'remembered', remembered: undefined, problem: terminalText(result.message, {multiline: true})});
				// The remembered entries replace the "look them up" row in place: keep the highlight
				// on a row that exists (the first entry found, or the last row).
				const latest = get();
				const {env, stores} = machine();
				const count = registryChoices(latest.answers, latest.registry.remembered, keychainWorks(env, stores), brokenConfigs(env)).length;
				if (latest.field >= count) dispatch({type: 'field', field: Math.max(0, count - 1)});
				return;
			}
			case 'recall': {
				busy('recall');
				const result = await services.recallCredential({registry: effect.key, username: '', password: '', email: ''});
				busy(undefined);
				dispatch({type: 'remembered', remembered: undefined, ...(result.ok ? {} : {problem: terminalText(result.message, {multiline: true})})});
				if (!result.ok) return;
				const index = get().answers.credentials.length;
				dispatch({type: 'answers', update: answers => ({...answers, credentials: [...answers.credentials, result.credential]})});
				dispatch({type: 'edit', index, field: CREDENTIAL_FIELDS.length - 1});
				return;
			}
			case 'keychain': {
				busy('keychain');
				const result = await services.checkKeychain(effect.choice);
				busy(undefined);
				if (!result.ok) {
					// Started from the credentials with a team profile's store: show the keychain step with why.
					if (get().step !== 'keychain') {
						const {env, stores} = machine();
						dispatch({type: 'next', step: 'keychain', field: defaultKeychainIndex(keychainChoices(env, stores), effect.choice)});
					}
					dispatch({type: 'keychainProblem', problem: terminalText(result.message, {multiline: true})});
					return;
				}
				dispatch({type: 'answers', update: answers => ({...answers, keychain: effect.choice})});
				// With a team profile the options are its own (or the defaults): the review shows them, Esc reaches them.
				dispatch({type: 'next', step: get().profile ? 'review' : nextAfterKeychain(get().answers)});
				return;
			}
			case 'mint': {
				const credential = get().answers.credentials[effect.index];
				if (!credential || !services.mintToken) return;
				busy('mint');
				const result = await services.mintToken(credential);
				busy(undefined);
				if (!result.ok) {
					dispatch({type: 'notice', text: result.message});
					return;
				}
				dispatch({
					type: 'answers',
					update: answers => ({...answers, credentials: answers.credentials.map((item, index) => (index === effect.index ? result.credential : item))}),
				});
				dispatch({type: 'notice', text: `✓ ${result.message[0]!.toUpperCase()}${result.message.slice(1)} Enter on Email checks it with the registry.`});
				dispatch({type: 'field', field: CREDENTIAL_FIELDS.length - 1});
				return;
			}
			case 'recheck': {
				busy('recheck');
				await refresh();
				busy(undefined);
				// The view says what the new read found (the machine arrives with the next render).
				dispatch({type: 'notice', text: RECHECKED});
				return;
			}
			case 'import': {
				busy('import');
				const [read, {importCredentials}] = await Promise.all([services.readFile(effect.path), import('../../import/quay-files.js')]);
				busy(undefined);
				if (!read.ok) {
					dispatch({type: 'imported', result: {ok: false, message: terminalText(read.message)}});
					return;
				}
				const result = importCredentials(read.text, effect.path);
				if (!result.ok) {
					dispatch({type: 'imported', result: {ok: false, message: terminalText(`Import file ${effect.path}: ${result.message}`)}});
					return;
				}
				const editing = get().editing;
				// The file's first credential replaces this one; any others are added after it.
				dispatch({
					type: 'answers',
					update: answers => ({
						...answers,
						credentials: [...answers.credentials.slice(0, editing), ...result.credentials, ...answers.credentials.slice(editing + 1)],
					}),
				});
				dispatch({type: 'imported', result: {ok: true, message: `Imported ${result.found}.`}});
				dispatch({type: 'field', field: CREDENTIAL_FIELDS.length - 1});
				return;
			}
		}
	};
	/** Actions and effects, in order (afterCredential may start the keychain check). */
	const follow = async (commands: (Action | {type: 'effect'; effect: Effect})[]): Promise<void> => {
		for (const command of commands) {
			if (command.type === 'effect') await run(command.effect);
			else dispatch(command);
		}
	};
	return run;
}
