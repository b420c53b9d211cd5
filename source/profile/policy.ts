// What a profile's keychain policy allows, and how to say where the secret will be kept before
// anything happens. Pure: the headless run and the wizard ask the same questions.
import type {Answers, KeychainChoice} from '../answers.js';
import {routesToHelper, targetSpec} from '../targets/specs.js';
import type {Profile} from './load-profile.js';

export const storeName = (choice: KeychainChoice): string => (choice.kind === 'helper' ? choice.name : choice.kind);

/**
 * Why the chosen store breaks the profile's policy (undefined when it does not). Only targets
 * whose config can route to a helper (docker, podman) keep the secret in a store at all.
 * `where` names the profile file in the message.
 */
export function policyProblem(profile: Profile, where: string, answers: Answers): string | undefined {
	const keychain = profile.keychain;
	if (keychain?.policy !== 'required' || !answers.targets.some(routesToHelper)) return undefined;
	const store = storeName(answers.keychain);
	const allowed = keychain.stores && keychain.stores.length > 0 ? keychain.stores : undefined;
	if (store === 'file')
		return `${where} requires a keychain (keychain.policy: required): keeping the password in the config file is refused. Use --keychain ${allowed?.[0] ?? 'regauth'}${allowed && allowed.length > 1 ? ` (or ${allowed.slice(1).join(', ')})` : ''}, or ask the team to change the profile.`;
	if (allowed && !allowed.includes(store))
		return `${where} allows only the keychain store${allowed.length > 1 ? 's' : ''} ${allowed.join(', ')} (keychain.stores): --keychain ${store} is refused.`;
	return undefined;
}

/** The stores the wizard may offer under the profile's policy (undefined: any). */
export function allowedStores(profile: Profile): string[] | undefined {
	const keychain = profile.keychain;
	if (keychain?.policy !== 'required') return undefined;
	return keychain.stores && keychain.stores.length > 0 ? keychain.stores : undefined;
}

/** Where the secret ends up in plain text, said before anything is written. */
export function plainTextLines(answers: Answers): string[] {
	const lines: string[] = [];
	const helperTargets = answers.targets.filter(routesToHelper);
	if (helperTargets.length > 0 && answers.keychain.kind === 'file')
		lines.push(
			`the password is kept in plain text (base64) in the ${helperTargets.map(id => targetSpec(id).title).join(' and ')} config file, not in a keychain`,
		);
	const fileTargets = answers.targets.filter(id => !routesToHelper(id));
	if (fileTargets.length > 0)
		lines.push(
			`the password is written into ${fileTargets.map(id => targetSpec(id).outputName).join(', ')} files, which hold it in plain text (base64) by design`,
		);
	return lines;
}
