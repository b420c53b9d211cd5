// Which keychain stores a team profile lets the wizard use: the same rule headless enforces
// (profile/policy.ts policyProblem): under `keychain.policy: required` the plain file is refused
// and, when `keychain.stores` is set, every store outside it. Pure; choices.ts marks the refused
// rows so the highlight never settles on one and Enter says why.
import type {KeychainChoice} from '../answers.js';
import {storeName} from '../profile/policy.js';

export interface StorePolicy {
	/** The profile file, as messages name it. */
	shown: string;
	required: boolean;
	/** Under `required`: the only stores allowed (undefined: any keychain store). */
	stores?: string[];
}

/** Why the profile refuses this store in the wizard (undefined: allowed). */
export function storeRefusal(policy: StorePolicy | undefined, choice: KeychainChoice): string | undefined {
	if (!policy?.required) return undefined;
	const store = storeName(choice);
	const allowed = policy.stores && policy.stores.length > 0 ? policy.stores : undefined;
	const choose = allowed ? `Choose ${allowed.length > 1 ? `one of: ${allowed.join(', ')}` : allowed[0]}` : 'Choose a keychain store';
	if (store === 'file')
		return `The team profile ${policy.shown} requires a keychain (keychain.policy: required): the plain config file is not allowed. ${choose}, or press Ctrl+C and ask the team.`;
	if (allowed && !allowed.includes(store))
		return `The team profile ${policy.shown} allows only the keychain store${allowed.length > 1 ? 's' : ''} ${allowed.join(', ')} (keychain.stores): ${store} is not allowed. ${choose}, or press Ctrl+C and ask the team.`;
	return undefined;
}
