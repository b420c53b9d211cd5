// A wizard run's answers as a team profile: what the team shares, never what is one person's.
// Left out on purpose: user names, passwords, e-mail addresses (the user's), the kubectl context
// (a name in each user's own kubeconfig), --destdir (this machine's staging), and a registry the
// user only recalled from the keychain is kept (its host is shared) but not its credential.
import {isAbsolute, relative} from 'node:path';
import {stringify} from 'yaml';
import {type Answers, DEFAULT_OUTPUT_DIR} from '../answers.js';
import {registryKey} from '../formats/registry-key.js';
import type {Profile, RegistryProfile} from './load-profile.js';
import {storeName} from './policy.js';
import {profileKeys} from './target-sections.js';

/** Options that belong to one user's machine, not to the team. */
const PERSONAL_OPTIONS = new Set(['kubernetes.context', 'kubernetes.contexts']);

export interface SaveContext {
	/** The directory the profile is saved in: an output directory inside it is written relative to it. */
	dir: string;
	/** The wizard's cwd, which answers.outputDir is relative to. */
	cwd: string;
	verify?: 'strict' | 'on';
	/** What the profile the run started from said about each registry (name, token help): kept. */
	from?: Profile;
}

export function answersToProfile(answers: Answers, context: SaveContext): Profile {
	const registries: RegistryProfile[] = [];
	for (const credential of answers.credentials) {
		const key = registryKey(credential.registry);
		const host = key.ok ? key.value.host : credential.registry.trim();
		if (host === '' || registries.some(registry => registry.host === host)) continue;
		const known = context.from?.registries.find(registry => registry.host === host || registry.host === credential.registry);
		registries.push({...known, host});
	}
	const profile: Profile = {registries, targets: [...answers.targets]};
	if (context.from?.welcome) profile.welcome = context.from.welcome;
	for (const {target, option, keys} of profileKeys()) {
		if (!answers.targets.includes(target) || PERSONAL_OPTIONS.has(option.id)) continue;
		if (option.when && !option.when(answers)) continue;
		const emitted = option.flag!.emit(answers);
		if (emitted === false || (Array.isArray(emitted) && emitted.length === 0)) continue;
		// Lists under their plural (namespaces), the spelling people read as a list.
		const value = emitted === true ? true : option.flag!.repeatable ? emitted : emitted[0];
		profile[target] = {...(profile[target] as object | undefined), [keys.at(-1)!]: value};
	}
	const store = storeName(answers.keychain);
	if (store !== 'file') profile.keychain = {...context.from?.keychain, policy: context.from?.keychain?.policy ?? 'preferred', stores: [store]};
	else if (context.from?.keychain && context.from.keychain.policy !== 'required') profile.keychain = context.from.keychain;
	if (context.verify === 'strict') profile.verify = 'strict';
	if (answers.outputDir !== DEFAULT_OUTPUT_DIR) {
		const absolute = isAbsolute(answers.outputDir) ? answers.outputDir : `${context.cwd}/${answers.outputDir}`;
		const inside = relative(context.dir, absolute);
		if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) profile['output-dir'] = inside;
	}
	return profile;
}

export function profileYaml(profile: Profile): string {
	return `# regauth team profile: commit it at the repository root as .regauth.yaml.
# regauth asks each developer only for their user name and token; see docs/profiles.md.
# Check it in CI with: npx regauth profile check .regauth.yaml
${stringify(profile, {lineWidth: 0})}`;
}
