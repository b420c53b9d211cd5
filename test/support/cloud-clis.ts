// STAND-INS for the cloud CLIs (aws, gcloud, az, gh). The real ones cannot run here: no cloud
// account, no network. Each stand-in records its argv and environment (so a test can prove no
// token travelled on a command line) and answers as the real CLI does: the token on stdout, or
// the documented complaint on stderr with a non-zero exit when it is "not logged in".
// docs/cloud-registries.md holds the real CLIs' behaviour these imitate.
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export type CloudCli = 'aws' | 'gcloud' | 'az' | 'gh';

export interface CliCall {
	program: string;
	argv: string[];
	env: Record<string, string>;
}

export const TOKENS = {
	aws: 'ecr-token-AAAA1111',
	gcloud: 'ya29.gcloud-token-BBBB2222',
	az: `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"exp":1900000000}').toString('base64url')}.c2lnbmF0dXJl`,
	gh: 'gho_ghTokenCCCC3333',
} as const;

/** What each stand-in says when it is not logged in (the real CLIs' words). */
const NOT_LOGGED_IN: Record<CloudCli, string> = {
	aws: '\nUnable to locate credentials. You can configure credentials by running "aws configure".',
	gcloud: 'ERROR: (gcloud.auth.print-access-token) You do not currently have an active account selected.\nPlease run:\n\n  $ gcloud auth login',
	az: "ERROR: Please run 'az login' to setup account.",
	gh: 'You are not logged into any GitHub hosts. To log in, run: gh auth login',
};

function script(name: CloudCli, log: string, loggedIn: boolean): string {
	const out: Record<CloudCli, string> = {
		aws: `process.stdout.write(${JSON.stringify(`${TOKENS.aws}\n`)});`,
		gcloud: `process.stdout.write(${JSON.stringify(`${TOKENS.gcloud}\n`)});`,
		az: `process.stdout.write(JSON.stringify({accessToken: ${JSON.stringify(TOKENS.az)}, loginServer: 'x'}, null, 2));`,
		// gh auth status names the account and the token's scopes; gh auth token prints the token.
		gh: `if (argv[1] === 'status') process.stderr.write("github.com\\n  ✓ Logged in to github.com account octocat (keyring)\\n  - Token scopes: 'gist', 'read:org', 'read:packages', 'repo'\\n");
else process.stdout.write(${JSON.stringify(`${TOKENS.gh}\n`)});`,
	};
	return `#!${process.execPath}
const fs = require('node:fs');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({program: ${JSON.stringify(name)}, argv, env: process.env}) + '\\n');
${loggedIn ? out[name] : `process.stderr.write(${JSON.stringify(`${NOT_LOGGED_IN[name]}\n`)}); process.exit(${name === 'aws' ? 253 : 1});`}
`;
}

/** Stand-ins in `dir/cloud-bin`; `loggedOut` lists the ones that answer as if not logged in. */
export function cloudClis(dir: string, names: CloudCli[], loggedOut: CloudCli[] = []): {bin: string; calls: () => CliCall[]} {
	const bin = join(dir, 'cloud-bin');
	const log = join(dir, 'cloud-calls.jsonl');
	mkdirSync(bin, {recursive: true});
	for (const name of names) {
		writeFileSync(join(bin, name), script(name, log, !loggedOut.includes(name)));
		chmodSync(join(bin, name), 0o755);
	}
	return {
		bin,
		calls: () =>
			existsSync(log)
				? readFileSync(log, 'utf8')
						.split('\n')
						.filter(Boolean)
						.map(line => JSON.parse(line) as CliCall)
				: [],
	};
}
