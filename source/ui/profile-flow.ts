// The wizard with a team profile: the answers the profile fixes are filled in, and the user is
// taken from one registry's user name and token to the next, then to the first question the
// profile leaves open (the keychain when its store does not work here), else to the review.
// Pure: the effects hook and the key map call it with the latest state.
import {type Credential, checkRegistry} from '../answers.js';
import type {Environment} from '../environment.js';
import type {RegistryProfile} from '../profile/load-profile.js';
import {defaultKeychainIndex, keychainChoices, type StoreStatus} from './choices.js';
import {nextAfterTargets} from './flow.js';
import type {Effect} from './keymap.js';
import type {Action, WizardState} from './state.js';

export interface WizardProfile {
	/** The file, as messages name it. */
	shown: string;
	welcome?: string;
	/** Per credential index, what the profile says about that registry (name, hints, token page). */
	registries: RegistryProfile[];
	/** The profile names the targets: the targets step is not asked. */
	targetsFixed: boolean;
	/** keychain.policy: required refuses the plain file. */
	required: boolean;
	/** The store the profile starts from (regauth, secretservice…), if any. */
	store?: string;
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
		const items = keychainChoices(env, stores);
		const wanted = items.find(item => item.value === JSON.stringify(state.answers.keychain));
		// No store in the profile, or it is known not to work here: the user chooses, with the reason shown.
		if (!state.profile.store || wanted?.disabled) return [{type: 'next', step: 'keychain', field: defaultKeychainIndex(items, state.answers.keychain)}];
		// Checked as the keychain step would (the plan routes to a store only once it works); on
		// success the check goes on to the review, on failure to the keychain step with the reason.
		return [{type: 'effect', effect: {kind: 'keychain', choice: state.answers.keychain}}];
	}
	return [{type: 'next', step: 'review'}];
}

export function requiredRefusal(profile: WizardProfile): string {
	return `The team profile ${profile.shown} requires a keychain (keychain.policy: required): the plain config file is not allowed. Choose a keychain store, or press Ctrl+C and ask the team.`;
}
