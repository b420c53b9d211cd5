// The target options a team profile sets, named as the options step names its fields
// (option-fields.ts optionKey): the wizard asks only the others. Pure.
import type {Profile} from '../profile/load-profile.js';
import {profileKeys} from '../profile/target-sections.js';

export function fixedOptions(profile: Profile): string[] {
	const fixed = profileKeys()
		.filter(({target, keys}) => {
			const section = profile[target] as Record<string, unknown> | undefined;
			return keys.some(key => section?.[key] !== undefined);
		})
		.map(({target, option}) => `${target}:${option.id}`);
	return profile['output-dir'] !== undefined ? [...fixed, 'outputDir'] : fixed;
}
