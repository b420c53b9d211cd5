// The team profile's JSON Schema (draft 2020-12). The parts about targets come from the targets'
// own declarations (`targetOptions`), so a profile can set exactly what a flag can. Every string
// is free of control characters: a profile comes from a cloned repository and its text reaches
// the terminal. Nothing in it can name a command, a path outside the output directory, a file
// mode, or a place to send the secret other than the registry's own host.
export type JsonSchema = Record<string, unknown>;

// No C0/C1 controls, no DEL, no bidi overrides or isolates.
const SAFE_TEXT = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$';
export const safeText = (extra: JsonSchema = {}): JsonSchema => ({type: 'string', pattern: SAFE_TEXT, ...extra});

export const PROFILE_SCHEMA_ID = 'https://regauth.dev/schema/profile.json';

export function profileSchema(targetIds: readonly string[], targetOptions: Record<string, JsonSchema>, stores?: readonly string[]): JsonSchema {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: PROFILE_SCHEMA_ID,
		title: 'regauth team profile (.regauth.yaml)',
		description: 'Fixes the answers a team shares (registries, targets, options, keychain policy) so the wizard asks each developer only for what is theirs.',
		type: 'object',
		additionalProperties: false,
		required: ['registries'],
		properties: {
			welcome: safeText({description: 'A short text shown on the first screen.', maxLength: 2000}),
			registries: {
				type: 'array',
				minItems: 1,
				description: 'The registries to log in to.',
				items: {
					type: 'object',
					additionalProperties: false,
					required: ['host'],
					properties: {
						host: safeText({description: 'The registry host[:port], as in registry.team.example or ghcr.io.', minLength: 1, maxLength: 260}),
						name: safeText({description: 'A display name.', maxLength: 100}),
						'username-hint': safeText({description: 'The user-name convention, e.g. "your e-mail address" or "team+ci".', maxLength: 200}),
						'token-help': safeText({description: 'Where and how to create the token: free text.', maxLength: 1000}),
						'token-url': safeText({description: 'The page where the token is created (https only).', pattern: '^https://[^\\s]+$', maxLength: 500}),
						scopes: {type: 'array', items: safeText({maxLength: 100}), description: 'The scopes the token needs.'},
					},
				},
			},
			targets: {type: 'array', uniqueItems: true, items: {enum: [...targetIds]}, description: 'Where the login goes.'},
			...Object.fromEntries(Object.entries(targetOptions).map(([id, schema]) => [id, schema])),
			keychain: {
				type: 'object',
				additionalProperties: false,
				properties: {
					policy: {
						enum: ['required', 'preferred', 'allowed'],
						description:
							'required: only a keychain store may hold the secret; preferred: a keychain by default, the file on request; allowed: the user chooses.',
					},
					stores: {
						type: 'array',
						uniqueItems: true,
						// Only known stores: a helper name becomes a program regauth runs.
						items: stores ? {enum: [...stores]} : safeText({pattern: '^[a-z0-9][a-z0-9._-]*$'}),
						description: 'Stores in order of preference (regauth, pass, secretservice, …); the first is the default.',
					},
				},
			},
			verify: {enum: ['strict', 'on'], description: 'strict: stop when the registry cannot be reached; on: warn.'},
			'output-dir': safeText({description: 'Where project files go, relative to the repository.', pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\u0000-\\u001f]+$'}),
		},
	};
}
