// A profile as the flags that say the same thing. The headless run and the wizard both take a
// profile through these flags, so a profile can set exactly what a flag can and nothing more
// (never --apply, --destdir, --yes or a password), and "the profile plus these flags" plans what
// the equivalent command line plans. Pure.
import {isAbsolute, join} from 'node:path';
import type {Profile} from './load-profile.js';
import {profileKeys} from './target-sections.js';

export interface ProfileFlag {
	/** The flag's name without dashes ('registry', 'namespace'). */
	name: string;
	/** One argv item, always --name=value so a value starting with "-" stays a value. */
	arg: string;
	/** Where in the profile it comes from ('kubernetes.namespaces'), for messages. */
	field: string;
}

/** The flags a profile stands for. `dir` is the profile's directory: output-dir is relative to it. */
export function profileFlags(profile: Profile, dir: string): ProfileFlag[] {
	const flags: ProfileFlag[] = [];
	const add = (name: string, field: string, value?: string): void => {
		flags.push({name, field, arg: value === undefined ? `--${name}` : `--${name}=${value}`});
	};
	for (const [index, registry] of profile.registries.entries()) add('registry', `registries[${index}].host`, registry.host);
	if (profile.targets && profile.targets.length > 0) add('target', 'targets', profile.targets.join(','));
	for (const {target, option, keys} of profileKeys()) {
		const section = profile[target] as Record<string, unknown> | undefined;
		for (const key of keys) {
			const value = section?.[key];
			const name = option.flag!.name;
			if (value === undefined || value === false) continue;
			if (value === true) add(name, `${target}.${key}`);
			else if (Array.isArray(value)) for (const item of value) add(name, `${target}.${key}`, String(item));
			else add(name, `${target}.${key}`, String(value));
		}
	}
	const store = defaultStore(profile);
	if (store) add('keychain', profile.keychain?.stores?.length ? 'keychain.stores[0]' : 'keychain.policy', store);
	if (profile.verify) add('verify', 'verify', profile.verify);
	const outputDir = profile['output-dir'];
	// The schema keeps it relative and without "..": here it becomes the repository's directory.
	if (outputDir !== undefined && !isAbsolute(outputDir)) add('output-dir', 'output-dir', join(dir, outputDir));
	return flags;
}

/** The store a profile starts from: its first store, or regauth's own when it asks for a keychain. */
export function defaultStore(profile: Profile): string | undefined {
	const keychain = profile.keychain;
	if (keychain?.stores?.[0]) return keychain.stores[0];
	if (keychain?.policy === 'required' || keychain?.policy === 'preferred') return 'regauth';
	return undefined;
}

/** Flags that replace what the profile says about the same thing. */
const REPLACES: Record<string, string[]> = {
	registry: ['registry'],
	// --import names the registry itself.
	import: ['registry'],
	'no-verify': ['verify'],
};

export interface Merged {
	argv: string[];
	/** Profile fields a flag replaced: "targets (by --target)". */
	overridden: string[];
}

/** The profile's flags first, then the user's; a flag the user gave replaces the profile's. */
export function mergeFlags(profile: ProfileFlag[], userArgv: string[], userNames: string[]): Merged {
	const replaced = new Set(userNames.flatMap(name => REPLACES[name] ?? [name]));
	const overridden = new Map<string, string>();
	for (const flag of profile) {
		if (!replaced.has(flag.name)) continue;
		const by = userNames.find(name => (REPLACES[name] ?? [name]).includes(flag.name))!;
		overridden.set(flag.field.replace(/\[\d+\]\.host$/, ''), `--${by}`);
	}
	return {
		argv: [...profile.filter(flag => !replaced.has(flag.name)).map(flag => flag.arg), ...userArgv],
		overridden: [...overridden].map(([field, by]) => `${field} (by ${by})`),
	};
}
