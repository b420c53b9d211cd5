// The profile schema regauth checks against and commits as schema/regauth-profile.schema.json:
// the shared parts (profile-schema.ts) with the targets' sections from their declarations.
import {TARGET_IDS} from '../answers.js';
import {PASSWORD_STORES} from '../keychain/choices.js';
import {type JsonSchema, profileSchema} from './profile-schema.js';
import {targetSections} from './target-sections.js';

export const SCHEMA_FILE = 'schema/regauth-profile.schema.json';

export function teamProfileSchema(): JsonSchema {
	return profileSchema(TARGET_IDS, targetSections(), PASSWORD_STORES);
}

/** The committed file's text (a test checks the repository's copy equals it). */
export function schemaText(): string {
	return `${JSON.stringify(teamProfileSchema(), null, '\t')}\n`;
}
