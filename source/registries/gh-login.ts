// GHCR with the GitHub CLI: when gh is logged in with a token that may read packages, its user
// and token serve for ghcr.io. `gh auth status` names the account and the token's scopes (on
// stderr in gh ≤ 2.40, on stdout since); classic scopes are what GHCR checks.

import {guideFor} from './providers.js';
import {tokenFromCli} from './token-from-cli.js';

export type GhLogin = {ok: true; username: string; password: string; scopes: string[]} | {ok: false; message: string};

const PACKAGE_SCOPES = ['read:packages', 'write:packages', 'delete:packages'];

export async function ghLogin(env: NodeJS.ProcessEnv = process.env): Promise<GhLogin> {
	const command = guideFor({provider: 'ghcr', host: 'ghcr.io'}).tokenCommand!;
	const {execa} = await import('execa');
	const status = await execa('gh', ['auth', 'status', '--hostname', 'github.com'], {env, extendEnv: false, stdin: 'ignore', reject: false, timeout: 20_000});
	if ((status as {code?: string}).code === 'ENOENT') return {ok: false, message: `gh is not installed, so regauth cannot use its token. ${command.install}.`};
	const said = `${status.stdout ?? ''}\n${status.stderr ?? ''}`;
	const account = /Logged in to github\.com (?:account|as) ([A-Za-z0-9-]+)/.exec(said)?.[1];
	if (status.exitCode !== 0 || !account) return {ok: false, message: `gh is not logged in to github.com. Run: ${command.login}`};
	const scopes = [...(/Token scopes: (.*)/.exec(said)?.[1] ?? '').matchAll(/'?([a-z:_]+)'?/g)].map(match => match[1]!);
	if (!scopes.some(scope => PACKAGE_SCOPES.includes(scope))) {
		return {
			ok: false,
			message: `gh is logged in as ${account}, but its token lacks read:packages, which GHCR needs. Run: gh auth refresh -h github.com -s read:packages`,
		};
	}
	const token = await tokenFromCli(command, {env});
	if (!token.ok) return {ok: false, message: token.message};
	return {ok: true, username: account, password: token.token.password, scopes};
}
