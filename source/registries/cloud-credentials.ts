// Headless credentials for cloud registries: the user name each service expects, and — when no
// password was piped in — a token from the cloud CLI the user is already logged in to (aws,
// gcloud, az, gh). Tokens travel on the CLI's stdout only (token-from-cli.ts).
// docs/cloud-registries.md.
import type {Answers, Credential} from '../answers.js';
import {registryKey} from '../formats/registry-key.js';
import {expiryText} from './expiry.js';
import {jwtExpiry} from './jwt-expiry.js';
import {guideFor, type ProviderGuide} from './providers.js';
import {recognise} from './recognise.js';
import {KEY_FILE_USER, serviceAccountKeyProblem} from './service-account-key.js';

export function guideOf(registry: string): ProviderGuide | undefined {
	const key = registryKey(registry);
	return key.ok ? guideFor(recognise(key.value.host)) : undefined;
}

/** regauth can get a token for this registry from a CLI (no --password-stdin needed). */
export function canMint(registry: string): boolean {
	return guideOf(registry)?.tokenCommand !== undefined;
}

export function isGar(registry: string): boolean {
	return guideOf(registry)?.provider === 'gar';
}

/**
 * The user name where the service fixes it and none was given: AWS for ECR, 00000000-… for ACR,
 * oauth2accesstoken for a Google access token, _json_key for a Google key file. The password's
 * own expiry (a JWT's exp) is recorded too.
 */
export function fillFixedUsernames(credentials: Credential[]): void {
	for (const credential of credentials) {
		const guide = guideOf(credential.registry);
		if (!guide) continue;
		if (credential.username === '') {
			if (guide.provider === 'gar' && serviceAccountKeyProblem(credential.password) === undefined) credential.username = KEY_FILE_USER;
			else if (guide.username) credential.username = guide.username;
		}
		if (!credential.expiresAt) {
			const exp = jwtExpiry(credential.password);
			if (exp) credential.expiresAt = exp.toISOString();
		}
	}
}

export type MintOutcome = {ok: true; lines: string[]} | {ok: false; usage: boolean; message: string};

/**
 * Each credential gets a token from its cloud's CLI, run with the user's own environment
 * (profiles, config directories). The first failure ends it: a missing CLI or a login to renew
 * is named with the exact fix.
 */
export async function mintCredentials(answers: Pick<Answers, 'credentials'>, env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<MintOutcome> {
	const lines: string[] = [];
	const {tokenFromCli} = await import('./token-from-cli.js');
	for (const credential of answers.credentials) {
		const guide = guideOf(credential.registry);
		const command = guide?.tokenCommand;
		if (!guide || !command)
			return {
				ok: false,
				usage: true,
				message: `--registry ${credential.registry}: regauth cannot get a token for it by itself; pipe one in with --password-stdin.`,
			};
		const host = registryKey(credential.registry).ok ? guide.title : credential.registry;
		const shown = `${command.file} ${command.args.join(' ')}`;
		if (guide.provider === 'ghcr') {
			const {ghLogin} = await import('./gh-login.js');
			const login = await ghLogin(env);
			if (!login.ok) {
				return {
					ok: false,
					usage: false,
					message: `${login.message} Or pipe a personal access token (classic) with read:packages: printf '%s' "$TOKEN" | regauth -r ghcr.io -u USER --password-stdin …`,
				};
			}
			if (credential.username !== '' && credential.username.toLowerCase() !== login.username.toLowerCase()) {
				return {
					ok: false,
					usage: true,
					message: `--username ${credential.username}: gh is logged in as ${login.username}, and its token belongs to that account. Drop --username, or pipe ${credential.username}'s token with --password-stdin.`,
				};
			}
			credential.username = login.username;
			credential.password = login.password;
			credential.mintedBy = 'gh auth token';
			lines.push(`got the token for ${credential.registry} from gh (user ${login.username}, scopes ${login.scopes.join(', ')}).`);
			continue;
		}
		if (guide.username && credential.username !== '' && credential.username !== guide.username) {
			return {
				ok: false,
				usage: true,
				message: `--username ${credential.username}: a token from ${shown} goes with user ${guide.username}. Drop --username, or pipe that user's password with --password-stdin.`,
			};
		}
		const result = await tokenFromCli(command, {env, now, ...(guide.lifetimeSeconds ? {lifetimeSeconds: guide.lifetimeSeconds} : {})});
		if (!result.ok) return {ok: false, usage: false, message: `${host} (${credential.registry}): ${result.message}`};
		credential.username = guide.username ?? credential.username;
		credential.password = result.token.password;
		credential.mintedBy = shown;
		if (result.token.expiresAt) credential.expiresAt = result.token.expiresAt.toISOString();
		lines.push(
			`got a token for ${credential.registry} from ${shown} (user ${credential.username})${result.token.expiresAt ? `, valid until ${expiryText(result.token.expiresAt.toISOString())}` : ''}.`,
		);
	}
	return {ok: true, lines};
}
