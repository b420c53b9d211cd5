// The wizard's effects, in one place: the credential check, the keychain lookups and checks,
// reading an import file. Each marks the state busy while it runs (keys typed meanwhile are
// held by the caller and replayed after, so an Enter pressed during the check is not lost) and
// turns its outcome into actions.
import {useEffect, useRef} from 'react';
import type {Environment} from '../../environment.js';
import {terminalText} from '../../formats/terminal-text.js';
import {SetupError} from '../../keychain/setup/errors.js';
import type {SecretQuestion} from '../../keychain/setup/setup.js';
import {brokenConfigs} from '../broken-configs.js';
import {defaultKeychainIndex, keychainChoices, keychainWorks, registryChoices, type StoreStatus} from '../choices.js';
import {CERT_ROW, KEY_LABEL, KEY_ROW} from '../client-cert-fields.js';
import {CREDENTIAL_FIELDS} from '../credential-fields.js';
import {nextAfterKeychain} from '../flow.js';
import {setupNext, setupWords} from '../keychain-setup.js';
import type {Effect} from '../keymap.js';
import {afterCredential, afterKeychain} from '../profile-flow.js';
import type {WizardServices} from '../services.js';
import {type Action, type ClientCertState, checkFor, type SetupState, type WizardState} from '../state.js';
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
	/** The keychain set-up's question waiting for the person (answered by a setupReply effect). */
	const pending = useRef<((answer: boolean | string | null) => void) | undefined>(undefined);

	const run = async (effect: Effect): Promise<void> => {
		switch (effect.kind) {
			case 'login':
				await loginEffect(effect.effect);
				return;
			case 'verify': {
				const current = effect.credential;
				dispatch({type: 'check', check: {...current, result: 'checking'}});
				busy('verify');
				// The client certificate typed on the credentials step, once its files were checked.
				const result = await services.verify(current, controller.current.signal, get().clientCert.inUse);
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
				// The registry wants a client certificate (or refused the one given): ask for it.
				else if (result.clientCertificate) dispatch({type: 'field', field: CERT_ROW});
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
						dispatch({type: 'next', step: 'keychain', field: defaultKeychainIndex(keychainChoices(env, stores, get().profile), effect.choice)});
					}
					dispatch({type: 'keychainProblem', problem: terminalText(result.message, {multiline: true})});
					return;
				}
				dispatch({type: 'answers', update: answers => ({...answers, keychain: effect.choice})});
				// With a team profile only the options it does not set are asked.
				dispatch({type: 'next', step: get().profile ? afterKeychain(get(), machine().env) : nextAfterKeychain(get().answers)});
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
			case 'openUrl': {
				// Not busy: keys keep working while a browser starts (the opener may take seconds).
				const result = services.openUrl
					? await services.openUrl(effect.url)
					: {ok: false, message: `No program here opens web pages: copy the address ${effect.url}`};
				dispatch({type: 'notice', text: terminalText(result.message)});
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
			case 'keychainSetup':
				return setUpKeychain();
			case 'clientCert':
				return presentClientCert();
			case 'setupReply': {
				const answer = pending.current;
				pending.current = undefined;
				answer?.(effect.answer);
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
	/**
	 * Set a keychain up (keychain/setup) from the keychain step: its confirmation and questions
	 * become the step's screens, its progress lines stream in; then the stores are checked again
	 * and the one that works now is highlighted. Not busy while it waits for the person: the
	 * step's keys answer it (keymap.ts setupKeys).
	 */
	const setUpKeychain = async (): Promise<void> => {
		if (!services.setUpKeychain) return;
		const update = (change: Partial<SetupState>) => dispatch({type: 'setup', update: setup => (setup ? {...setup, ...change} : setup)});
		const waitFor = (onAnswer: (answer: boolean | string | null) => void) => {
			pending.current = onAnswer;
		};
		dispatch({type: 'setup', update: () => ({phase: 'running', lines: [], secret: '', again: '', entry: 0})});
		const stopped = new SetupError('stopped: nothing more was changed.', 1);
		try {
			const report = await services.setUpKeychain({
				progress: line => dispatch({type: 'setup', update: setup => setup && {...setup, lines: [...setup.lines, setupWords(line)]}}),
				confirm: (question, details) =>
					new Promise<boolean>(resolve => {
						waitFor(answer => resolve(answer === true));
						update({phase: 'confirm', question: setupWords(question), details: setupWords(details)});
					}),
				ask: (question: SecretQuestion) =>
					new Promise<string>((resolve, reject) => {
						waitFor(answer => (typeof answer === 'string' ? resolve(answer) : reject(stopped)));
						update({
							phase: 'ask',
							prompt: setupWords(question.prompt.trim().replace(/:$/, '')),
							twice: question.kind === 'new-passphrase',
							secret: '',
							again: '',
							entry: 0,
							error: undefined,
						});
					}),
			});
			if (!report.ok) {
				update({phase: 'failed', message: setupWords(report.failure ?? 'the set-up did not finish.')});
				return;
			}
			const lines = get().setup?.lines ?? [];
			update({phase: 'running', lines: [...lines, 'Checking the keychains again…']});
			const rechecked = (await services.recheckStores?.()) ?? {};
			const {env, stores} = machine();
			const items = keychainChoices(env, {...stores, ...rechecked}, get().profile);
			const index = items.findIndex(item => item.choice.kind === 'helper' && item.choice.name === report.helper && !item.disabled && !item.checking);
			const item = items[index];
			if (!item) {
				const status = report.helper ? rechecked[report.helper] : undefined;
				update({
					phase: 'failed',
					message: setupWords(
						`The set-up finished, but ${report.helper ? `docker-credential-${report.helper}` : 'the store'} still does not work for regauth${status && !status.ok ? `: ${status.problem.message}` : ''}.`,
					),
				});
				return;
			}
			dispatch({type: 'answers', update: answers => ({...answers, keychain: item.choice})});
			dispatch({type: 'field', field: index});
			update({
				phase: 'done',
				lines,
				store: report.helper,
				message: `✓ docker-credential-${report.helper} works now (highlighted above): Enter keeps the password there.`,
				next: setupNext(report.next),
			});
		} catch (error) {
			// Esc on its confirmation or question: back to the list as it was.
			if (error === stopped || (error instanceof SetupError && /^cancelled/.test(error.message))) {
				dispatch({type: 'setup', update: () => undefined});
				return;
			}
			update({phase: 'failed', message: setupWords(error instanceof SetupError ? error.message : `the set-up stopped: ${(error as Error).message}`)});
		} finally {
			pending.current = undefined;
		}
	};
	/**
	 * The client certificate pair typed on the credentials step: its files checked (readable, PEM,
	 * the key unencrypted and the certificate's), then the login checked again presenting it.
	 * Both fields emptied: the checks present none again.
	 */
	const presentClientCert = async (): Promise<void> => {
		const typed = {certFile: get().clientCert.certFile.trim(), keyFile: get().clientCert.keyFile.trim()};
		const setCert = (change: Partial<ClientCertState>) => dispatch({type: 'clientCert', update: cert => ({...cert, ...change})});
		const again = async () => {
			const latest = get();
			const credential = latest.answers.credentials[latest.editing];
			if (credential) await run({kind: 'verify', credential});
		};
		if (typed.certFile === '' && typed.keyFile === '') {
			setCert({inUse: undefined, problem: undefined});
			return again();
		}
		if (typed.certFile === '' || typed.keyFile === '') {
			setCert({problem: `Give both files: the ${typed.certFile === '' ? 'certificate (PEM) for this key' : 'private key (PEM) of this certificate'}.`});
			dispatch({type: 'field', field: typed.certFile === '' ? CERT_ROW : KEY_ROW});
			return;
		}
		if (!services.checkClientCert) return;
		busy('verify');
		const checked = await services.checkClientCert(typed.certFile, typed.keyFile);
		busy(undefined);
		if (!checked.ok) {
			setCert({inUse: undefined, problem: terminalText(checked.message)});
			dispatch({type: 'field', field: checked.message.startsWith(KEY_LABEL) ? KEY_ROW : CERT_ROW});
			return;
		}
		// Shown and planned as absolute paths: the headless command works from any directory.
		setCert({inUse: checked.pair, ...checked.pair, problem: undefined});
		return again();
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
