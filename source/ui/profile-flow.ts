// The wizard with a team profile: the answers the profile fixes are filled in, and the user is
// taken from one registry's user name and token to the next, then to the first question the
// profile leaves open (the targets if it names none, the keychain when its store does not work
// here), else to the review; the options it does not set keep their defaults, changeable from the
// review with Esc.
// Pure: the effects hook and the key map call it with the latest state.
import {type Credential, checkRegistry} from '../answers.js';
import type {Environment} from '../environment.js';
import type {RegistryProfile} from '../profile/load-profile.js';
import {defaultKeychainIndex, keychainChoices, type StoreStatus} from './choices.js';
import {nextAfterKeychain, nextAfterTargets} from './flow.js';
import type {Effect} from './keymap.js';
import {optionFields} from './option-fields.js';
import type {StorePolicy} from './profile-stores.js';
import type {Action, WizardState} from './state.js';

export interface WizardProfile extends StorePolicy {
	/** The file, as messages name it. */
	shown: string;
	welcome?: string;
	/** Per credential index, what the profile says about that registry (name, hints, token page). */
	registries: RegistryProfile[];
	/** The profile names the targets: the targets step is not asked. */
	targetsFixed: boolean;
	/** The store the profile starts from (regauth, secretservice…), if any. */
	store?: string;
	/** The target options the profile sets (option-fields.ts optionKey): not asked; the rest are. */
	optionsFixed: string[];
	/** What the profile fixed, one line each, for the review ("Targets: docker, kubernetes"). */
	fixed: string[];
}

/** What the team profile says about this credential's registry (matched by host as typed or as a key). */
export function teamRegistry(state: Pick<WizardState, 'profile'>, credential: Credential): RegistryProfile | undefined {
	if (!state.profile) return undefined;
	const host = checkRegistry(credential.registry).value?.host;
	return state.profile.registries.find(registry => registry.host === credential.registry || registry.host === host);
}

/** The key that opens the team's token page (only on that key: a profile never runs anything by itself). */
export const OPEN_TOKEN_KEY = {name: 'ctrl', text: 'o', label: 'Ctrl+O'} as const;

/** After a credential is done. Without a profile: back to the registry list, as always. */
export function afterCredential(state: WizardState, env: Environment | null, stores: StoreStatus | undefined): (Action | {type: 'effect'; effect: Effect})[] {
	if (!state.profile) return [{type: 'next', step: 'registry'}];
	const open = state.answers.credentials.findIndex(
		(credential, index) => index !== state.editing && (credential.username === '' || credential.password === ''),
	);
	if (open !== -1) return [{type: 'edit', index: open, field: 1}];
	if (!state.profile.targetsFixed) return [{type: 'next', step: 'targets'}];
	if (nextAfterTargets(state.answers) === 'keychain') {
		const items = keychainChoices(env, stores, state.profile);
		const wanted = items.find(item => item.value === JSON.stringify(state.answers.keychain));
		// No store in the profile, or it is known not to work here: the user chooses, with the reason shown.
		// The profile's own store known broken: highlighted, so its row's hint says why (Enter: the fix).
		if (!state.profile.store || wanted?.disabled)
			return [{type: 'next', step: 'keychain', field: wanted ? items.indexOf(wanted) : defaultKeychainIndex(items, state.answers.keychain)}];
		// Checked as the keychain step would (the plan routes to a store only once it works); on
		// success the check goes on to the review, on failure to the keychain step with the reason.
		return [{type: 'effect', effect: {kind: 'keychain', choice: state.answers.keychain}}];
	}
	return [{type: 'next', step: afterKeychain(state, env)}];
}

/**
 * With a profile, after the keychain: the review, unless an option the profile leaves open has no
 * usable default (a required value): then the options step, with only the open options. The
 * others keep their defaults, shown on the review, and Esc from it reaches them (never the ones
 * the profile sets). Onboarding asks the user and the token, "typically" all that is left.
 */
export function afterKeychain(state: Pick<WizardState, 'answers' | 'profile'>, env: Environment | null): 'options' | 'review' {
	if (nextAfterKeychain(state.answers) !== 'options') return 'review';
	const open = optionFields(state.answers, env, state.profile?.optionsFixed).filter(field => !field.when || field.when(state.answers));
	return open.some(field => field.check?.(field.get(state.answers)) !== undefined) ? 'options' : 'review';
}
