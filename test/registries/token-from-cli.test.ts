// The cloud CLIs (aws, gcloud, az, gh) cannot run here: no cloud account, no network. These are
// SIMULATED by stand-in programs on PATH that record their argv and environment and answer as
// the real CLIs do (token on stdout; their documented complaints on stderr when not logged in).
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {ghLogin} from '../../source/registries/gh-login.js';
import {guideFor} from '../../source/registries/providers.js';
import {recognise} from '../../source/registries/recognise.js';
import {tokenFromCli} from '../../source/registries/token-from-cli.js';
import {recordingPrograms} from '../support/recording-program.js';
import {tempDir} from '../support/temp.js';

const TOKEN = 'eyJwYXlsb2FkIjoiZmFrZS1lY3ItdG9rZW4ifQ==';
const commandFor = (host: string) => guideFor(recognise(host)).tokenCommand!;

/** A stand-in that prints `stderr` and exits with `code` (the shape of a CLI that is not logged in). */
function failingProgram(dir: string, name: string, stderr: string, code: number): string {
	const bin = join(dir, 'failing-bin');
	mkdirSync(bin, {recursive: true});
	writeFileSync(join(bin, name), `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(stderr)} >&2\nexit ${code}\n`);
	chmodSync(join(bin, name), 0o755);
	return bin;
}

test('ECR: aws ecr get-login-password with the host’s region; the token only on stdout; 12 h expiry', async () => {
	const dir = tempDir();
	const fake = recordingPrograms(dir, ['aws'], {aws: `${TOKEN}\n`});
	const now = new Date('2026-11-30T12:00:00Z');
	const result = await tokenFromCli(commandFor('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'), {
		env: {PATH: `${fake.bin}:/usr/bin:/bin`, AWS_PROFILE: 'dev'},
		lifetimeSeconds: 12 * 3600,
		now: () => now,
	});
	assert.ok(result.ok, JSON.stringify(result));
	assert.equal(result.token.password, TOKEN);
	assert.deepEqual(result.token.expiresAt, new Date('2026-12-01T00:00:00Z'));
	const [call] = fake.calls();
	assert.deepEqual(call?.argv, ['ecr', 'get-login-password', '--region', 'us-east-1']);
	assert.equal(call?.env.AWS_USE_FIPS_ENDPOINT, 'true');
	assert.equal(call?.env.AWS_PROFILE, 'dev', 'the user’s profile reaches the CLI');
});

test('ACR: the accessToken field of az’s JSON, and the JWT’s own exp as expiry', async () => {
	const dir = tempDir();
	const jwt = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"exp":1900000000}').toString('base64url')}.c2ln`;
	const fake = recordingPrograms(dir, ['az'], {az: JSON.stringify({accessToken: jwt, loginServer: 'myreg.azurecr.io'})});
	const result = await tokenFromCli(commandFor('myreg.azurecr.io'), {env: {PATH: `${fake.bin}:/usr/bin:/bin`}, lifetimeSeconds: 3 * 3600});
	assert.ok(result.ok);
	assert.equal(result.token.password, jwt);
	assert.deepEqual(result.token.expiresAt, new Date(1_900_000_000_000));
	assert.deepEqual(fake.calls()[0]?.argv, ['acr', 'login', '--name', 'myreg', '--expose-token', '--output', 'json']);
});

test('a missing CLI and a CLI that is not logged in each get the exact fix', async () => {
	const dir = tempDir();
	const missing = await tokenFromCli(commandFor('us-docker.pkg.dev'), {env: {PATH: join(dir, 'empty')}});
	assert.ok(!missing.ok);
	assert.equal(missing.reason, 'missing');
	assert.match(missing.message, /gcloud is not installed.*Install the Google Cloud CLI/);

	const cases: Array<[string, string, string, RegExp]> = [
		['us-docker.pkg.dev', 'gcloud', 'ERROR: (gcloud.auth.print-access-token) You do not currently have an active account selected.', /Run: gcloud auth login$/],
		[
			'123456789012.dkr.ecr.eu-west-1.amazonaws.com',
			'aws',
			'Unable to locate credentials. You can configure credentials by running "aws configure".',
			/Run: aws sso login/,
		],
		['myreg.azurecr.io', 'az', "ERROR: Please run 'az login' to setup account.", /Run: az login$/],
		['ghcr.io', 'gh', 'no oauth token', /Run: gh auth login --scopes read:packages/],
	];
	for (const [host, program, stderr, fix] of cases) {
		const bin = failingProgram(dir, program, `\x1b]0;pwned\x07${stderr}`, 1);
		const result = await tokenFromCli(commandFor(host), {env: {PATH: `${bin}:/usr/bin:/bin`}});
		assert.ok(!result.ok, program);
		assert.equal(result.reason, 'not-logged-in', program);
		assert.match(result.message, fix, program);
		assert.doesNotMatch(result.message, /\x1b|\x07/, 'the CLI’s escape sequences are not passed on');
	}
	const bin = failingProgram(dir, 'aws', 'An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation', 254);
	const denied = await tokenFromCli(commandFor('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), {env: {PATH: `${bin}:/usr/bin:/bin`}});
	assert.ok(!denied.ok);
	assert.equal(denied.reason, 'failed');
	assert.match(denied.message, /aws ecr get-login-password --region eu-west-1 failed \(exit 254\): An error occurred \(AccessDeniedException\)/);
});

test('empty output is not a token', async () => {
	const dir = tempDir();
	const fake = recordingPrograms(dir, ['gcloud'], {gcloud: '\n'});
	const result = await tokenFromCli(commandFor('gcr.io'), {env: {PATH: `${fake.bin}:/usr/bin:/bin`}});
	assert.ok(!result.ok);
	assert.equal(result.reason, 'empty');
});

test('GHCR: gh’s user and token when its token may read packages, the refresh command when not', async () => {
	const dir = tempDir();
	const bin = join(dir, 'gh-bin');
	mkdirSync(bin);
	const gh = (scopes: string) =>
		writeFileSync(
			join(bin, 'gh'),
			`#!/bin/sh
if [ "$1 $2" = "auth status" ]; then
  printf 'github.com\\n  ✓ Logged in to github.com account octo-dev (keyring)\\n  - Token scopes: %s\\n' "${scopes}"
  exit 0
fi
if [ "$1 $2" = "auth token" ]; then printf 'gho_faketoken123\\n'; exit 0; fi
exit 2
`,
			{mode: 0o755},
		);
	gh("'gist', 'read:org', 'read:packages', 'repo'");
	const env = {PATH: `${bin}:/usr/bin:/bin`};
	assert.deepEqual(await ghLogin(env), {ok: true, username: 'octo-dev', password: 'gho_faketoken123', scopes: ['gist', 'read:org', 'read:packages', 'repo']});
	gh("'gist', 'read:org', 'repo'");
	const lacking = await ghLogin(env);
	assert.ok(!lacking.ok);
	assert.match(lacking.message, /logged in as octo-dev, but its token lacks read:packages.*gh auth refresh -h github.com -s read:packages/);
});
