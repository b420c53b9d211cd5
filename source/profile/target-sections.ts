// The targets' sections of a profile, generated from their declarations: each option's profile
// key is its flag name (kubernetes: {namespace: [web]}), so a team lead who knows the flags knows
// the profile. A repeatable flag also takes its plural (namespaces), the spelling people write for
// a list. Options without a flag (butane's inline/remote, implied by butane-remote-url) have none.
import {TARGET_IDS, type TargetId} from '../answers.js';
import type {OptionSpec} from '../targets/declaration.js';
import {allOptions} from '../targets/specs.js';
import {type JsonSchema, safeText} from './profile-schema.js';

export interface ProfileKey {
	target: TargetId;
	option: OptionSpec;
	/** The keys that set it: the flag name, and its plural for a repeatable flag. */
	keys: string[];
}

export function profileKeys(): ProfileKey[] {
	return allOptions().flatMap(({target, option}) =>
		option.flag ? [{target, option, keys: option.flag.repeatable ? [option.flag.name, `${option.flag.name}s`] : [option.flag.name]}] : [],
	);
}

function valueSchema(option: OptionSpec): JsonSchema {
	const flag = option.flag!;
	const description = [option.label, ...flag.help].join(': ');
	if (!flag.value) return {type: 'boolean', description};
	const one = option.choices ? {enum: option.choices.map(choice => choice.value)} : safeText({maxLength: 500});
	if (flag.repeatable) return {type: 'array', uniqueItems: true, items: one, description};
	return {...one, description};
}

/** Per target id, the JSON Schema of its profile section. */
export function targetSections(): Record<string, JsonSchema> {
	const sections: Record<string, JsonSchema> = {};
	for (const id of TARGET_IDS) {
		const keys = profileKeys().filter(key => key.target === id);
		if (keys.length === 0) continue;
		sections[id] = {
			type: 'object',
			additionalProperties: false,
			description: `Options of the ${id} target; each key is the flag of the same name.`,
			properties: Object.fromEntries(keys.flatMap(key => key.keys.map(name => [name, valueSchema(key.option)]))),
		};
	}
	return sections;
}
