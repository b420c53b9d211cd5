// Cloud registries end to end through the built CLI. The cloud CLIs (aws, gcloud, az, gh) are
// STAND-INS (test/support/cloud-clis.ts): no cloud account or network here. They record their
// argv and environment and print a token as the real ones do. docker-credential-ecr-login is
// Debian's real amazon-ecr-credential-helper, found on PATH; docker-credential-gcloud is a
// stand-in (gcloud is not in Debian), only ever looked for, never run by regauth.
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {parse} from 'yaml';
import {type CloudCli, cloudClis, TOKENS} from '../support/cloud-clis.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeLeaf} from '../support/tls.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const GAR = 'europe-west1-docker.pkg.dev';
const ACR = 'myreg.azurecr.io';
const ZERO_USER = '00000000-0000-0000-0000-000000000000';

/** A HOME, the stand-in CLIs, and a helper directory with the real ecr-login (and, if asked, a gcloud stand-in). */
function lab(options: {clis?: CloudCli[]; loggedOut?: CloudCli[]; gcloudHelper?: boolean} = {}) {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const clis = cloudClis(dir, options.clis ?? ['aws', 'gcloud', 'az', 'gh'], options.loggedOut ?? []);
	const helpers = join(dir, 'helpers');
	mkdirSync(helpers);
	symlinkSync(
		requireProgram('docker-credential-ecr-login', 'apt install amazon-ecr-credential-helper (.ci/run installs it)'),
		join(helpers, 'docker-credential-ecr-login'),
	);
	if (options.gcloudHelper ?? true) {
		writeFileSync(join(helpers, 'docker-credential-gcloud'), '#!/bin/sh\necho "stand-in: regauth must not run the helper" >&2\nexit 1\n');
		chmodSync(join(helpers, 'docker-credential-gcloud'), 0o755);
	}
	// Only the stand-ins and the helpers: no real cloud CLI on this machine can answer instead.
	const env = cleanEnv(home, {PATH: `${clis.bin}:${helpers}`, AWS_PROFILE: 'dev-team'});
	return {dir, home, env, calls: clis.calls, out: join(dir, 'out')};
}

const secretAuths = (path: string) =>
	JSON.parse(Buffer.from(parse(readFileSync(path, 'utf8')).data['.dockerconfigjson'], 'base64').toString('utf8')).auths as Record<
		string,
		{username: string; password: string; auth: string}
	>;
const decoded = (auth: string) => Buffer.from(auth, 'base64').toString('utf8');

test('ECR, Artifact Registry and ACR with no password: tokens from aws/gcloud/az; docker routes only ECR and GAR to their helpers; the Secret holds AWS:, oauth2accesstoken:, 00000000-…: tokens', async () => {
	const {env, home, calls, out} = lab();
	const result = await runCli(['-r', ECR, '-r', GAR, '-r', ACR, '-t', 'docker,kubernetes', '-o', out, '--no-verify', '--yes'], {env});
	assert.equal(result.code, 0, result.stderr);

	const config = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'));
	assert.deepEqual(config.credHelpers, {[ECR]: 'ecr-login', [GAR]: 'gcloud'}, 'only these hosts, never gcloud’s whole list');
	assert.deepEqual(Object.keys(config.auths), [ACR], 'ACR has no packaged helper: its token is in the file');
	assert.equal(decoded(config.auths[ACR].auth), `${ZERO_USER}:${TOKENS.az}`);

	const auths = secretAuths(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'));
	assert.equal(decoded(auths[ECR]!.auth), `AWS:${TOKENS.aws}`);
	assert.equal(decoded(auths[GAR]!.auth), `oauth2accesstoken:${TOKENS.gcloud}`);
	assert.equal(decoded(auths[ACR]!.auth), `${ZERO_USER}:${TOKENS.az}`);

	const made = calls();
	assert.deepEqual(
		made.map(call => [call.program, ...call.argv]),
		[
			['aws', 'ecr', 'get-login-password', '--region', 'eu-west-1'],
			['gcloud', 'auth', 'print-access-token'],
			['az', 'acr', 'login', '--name', 'myreg', '--expose-token', '--output', 'json'],
		],
	);
	assert.equal(made[0]!.env.AWS_PROFILE, 'dev-team', 'the user’s AWS profile reaches aws');
	for (const call of made) for (const token of Object.values(TOKENS)) assert.ok(!call.argv.join(' ').includes(token), 'no token on a command line');
	for (const token of Object.values(TOKENS)) assert.ok(!result.stderr.includes(token) && !result.stdout.includes(token), 'no token in the output');

	assert.match(
		result.stderr,
		/got a token for 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com from aws ecr get-login-password --region eu-west-1 \(user AWS\), valid until/,
	);
	assert.match(result.stderr, /sends 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com to docker-credential-ecr-login \(credHelpers, this host only\)/);
	// ACR's expiry comes from the JWT's own exp (1900000000 = 2030-03-17 17:46 UTC).
	assert.match(
		result.stderr,
		/The token for myreg\.azurecr\.io \(from az acr login --name myreg --expose-token --output json\) stops working at 2030-03-17 17:46 UTC/,
	);
	assert.match(
		result.stderr,
		/warning: The token for 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com .* stops working at .*Kubernetes Secrets output.*ecr-credential-provider/,
	);
	// doctor on the same PATH: the real docker-credential-ecr-login (and the gcloud stand-in) are
	// found; what it does report is ACR's token in the file, which has no packaged helper.
	const doctor = await runCli(['doctor'], {env});
	assert.doesNotMatch(doctor.stdout, /ecr-login|gcloud/);
	assert.match(doctor.stdout, /the password for myreg\.azurecr\.io .* is stored in the file/);
});

test('ECR with only docker and podman, ecr-login on PATH and no aws: no token is needed or fetched; both files route the host to the helper', async () => {
	const {env, home, calls} = lab({clis: []});
	const result = await runCli(['-r', ECR, '-t', 'docker,podman', '--yes'], {env: {...env, XDG_CONFIG_HOME: join(home, '.config')}});
	assert.equal(result.code, 0, result.stderr);
	assert.match(
		result.stderr,
		/aws is not installed, and docker and podman will ask docker-credential-ecr-login for a fresh token on every pull: no token is needed now/,
	);
	assert.deepEqual(calls(), [], 'no cloud CLI was run');
	const docker = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'));
	assert.deepEqual(docker.credHelpers, {[ECR]: 'ecr-login'});
	assert.equal(docker.auths?.[ECR]?.auth, undefined, 'no token in the file');
	const podman = JSON.parse(readFileSync(join(home, '.config', 'containers', 'auth.json'), 'utf8'));
	assert.deepEqual(podman.credHelpers, {[ECR]: 'ecr-login'});

	// A target that holds the token itself still needs one: without aws that is the exact fix.
	const held = await runCli(['-r', ECR, '-t', 'docker,kubernetes', '--no-verify', '--dry-run'], {env});
	assert.equal(held.code, 1);
	assert.match(held.stderr, /aws is not installed/);
});

test('doctor: a route to a cloud helper that is missing names how to install it', async () => {
	const {env, home} = lab({gcloudHelper: false});
	mkdirSync(join(home, '.docker'));
	writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({auths: {}, credHelpers: {[ECR]: 'ecr-login', [GAR]: 'gcloud'}}), {mode: 0o600});
	const doctor = await runCli(['doctor'], {env});
	assert.equal(doctor.code, 1);
	assert.match(doctor.stdout, /docker-credential-gcloud is not on PATH.*\n.*fix: Install the Google Cloud CLI/);
	assert.doesNotMatch(doctor.stdout, /docker-credential-ecr-login is not on PATH/, 'the real ecr-login is found');
});

test('--json records each minted token’s expiresAt (ISO) and which outputs hold it', async () => {
	const {env, out} = lab();
	const result = await runCli(['-r', ECR, '-t', 'docker,kubernetes', '-o', out, '--no-verify', '--dry-run', '--json'], {env});
	assert.equal(result.code, 0, result.stderr);
	const [expiry, ...more] = JSON.parse(result.stdout).plan.expiries;
	assert.equal(more.length, 0);
	assert.equal(expiry.registry, ECR);
	assert.deepEqual(expiry.holders, ['kubernetes'], 'docker asks ecr-login: it does not hold the token');
	const hoursLeft = (Date.parse(expiry.expiresAt) - Date.now()) / 3_600_000;
	assert.ok(hoursLeft > 11.9 && hoursLeft <= 12, `12 hours: ${expiry.expiresAt}`);
	assert.match(
		JSON.parse(result.stdout).plan.headless,
		/^regauth --registry \S+ --target docker,kubernetes --output-dir \S+ --no-verify --yes$/,
		'no --password-stdin: it mints again; the run’s --no-verify too',
	);
});

test('the inventory records each minted token’s expiry: ECR’s 12 hours from aws, ACR’s from the token az gave ("minted")', async () => {
	const {env, home, out} = lab();
	const started = Date.now();
	const result = await runCli(['-r', ECR, '-r', ACR, '-t', 'docker,kubernetes', '-o', out, '--no-verify', '--yes'], {env});
	assert.equal(result.code, 0, result.stderr);
	const inventory = JSON.parse(readFileSync(join(home, '.local', 'state', 'regauth', 'inventory.json'), 'utf8'));
	const login = (registry: string) => inventory.logins.find((entry: {registry: string}) => entry.registry === registry);
	assert.equal(login(ECR).expirySource, 'minted');
	const hoursLeft = (Date.parse(login(ECR).expiresAt) - started) / 3_600_000;
	assert.ok(hoursLeft > 11.9 && hoursLeft <= 12.01, `12 hours: ${login(ECR).expiresAt}`);
	assert.equal(login(ACR).expirySource, 'minted');
	assert.equal(login(ACR).expiresAt, new Date(1_900_000_000_000).toISOString(), 'the exp of the token az printed');
	// And status shows them as the inventory holds them.
	const status = await runCli(['status', '--json'], {env});
	assert.equal(status.code, 0, status.stderr);
	assert.match(status.stdout, /"expiresAt": "2030-03-17T17:46:40\.000Z"/);
});

test('regauth exec with ECR and ACR: tokens from the aws and az stand-ins, on no child’s command line; the command’s private config routes ECR to ecr-login and holds ACR’s token', async () => {
	const {dir, env, calls} = lab();
	const runtime = join(dir, 'run');
	mkdirSync(runtime, {mode: 0o700});
	// PATH holds only the stand-ins and the helpers: the command is named by its path.
	const script = '/bin/cat "$DOCKER_CONFIG/config.json"';
	const result = await runCli(['exec', '-r', ECR, '-r', ACR, '--no-verify', '--', '/bin/sh', '-c', script], {env: {...env, XDG_RUNTIME_DIR: runtime}});
	assert.equal(result.code, 0, result.stderr);
	const config = JSON.parse(result.stdout);
	assert.deepEqual(config.credHelpers, {[ECR]: 'ecr-login'});
	assert.equal(decoded(config.auths[ACR].auth), `${ZERO_USER}:${TOKENS.az}`, 'the command logs in to ACR with the token az printed');
	assert.match(result.stderr, /got a token for myreg\.azurecr\.io from az acr login --name myreg --expose-token --output json/);
	const made = calls();
	assert.deepEqual(
		made.map(call => call.program),
		['aws', 'az'],
	);
	for (const call of made)
		for (const token of Object.values(TOKENS)) assert.ok(!call.argv.join(' ').includes(token), `${call.program}: no token on its command line`);
	// regauth's own output and the command line it ran: no token either.
	for (const token of [TOKENS.aws, TOKENS.az]) assert.ok(!result.stderr.includes(token), 'no token in regauth’s output');
	assert.match(result.stderr, /logged in to 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com, myreg\.azurecr\.io for \/bin\/sh \(private config in /);
	assert.deepEqual(readdirSync(runtime), [], 'the private directory is gone');
});

test('podman routes the ECR host to ecr-login; ECR Public tokens are minted in us-east-1', async () => {
	const {env, home, calls, out} = lab();
	const result = await runCli(['-r', ECR, '-r', 'public.ecr.aws', '-t', 'podman,rkt', '-o', out, '--destdir', join(out, 'root'), '--no-verify', '--yes'], {
		env: {...env, XDG_CONFIG_HOME: join(home, '.config')},
	});
	assert.equal(result.code, 0, result.stderr);
	const auth = JSON.parse(readFileSync(join(out, 'root', home, '.config', 'containers', 'auth.json'), 'utf8'));
	assert.deepEqual(auth.credHelpers, {[ECR]: 'ecr-login', 'public.ecr.aws': 'ecr-login'});
	assert.deepEqual(
		calls().map(call => call.argv.join(' ')),
		['ecr get-login-password --region eu-west-1', 'ecr-public get-login-password --region us-east-1'],
	);
	assert.match(result.stderr, /rkt output written now will fail to pull after that/);
});

test('a missing CLI and a CLI that is not logged in: exit 1 with the exact fix; nothing written', async () => {
	const missing = lab({clis: []});
	const gone = await runCli(['-r', ECR, '-t', 'kubernetes', '-o', missing.out, '--no-verify', '--yes'], {env: missing.env});
	assert.equal(gone.code, 1);
	assert.match(gone.stderr, /aws is not installed \(or not on PATH\), so regauth cannot get a token\. Install the AWS CLI v2/);

	for (const [cli, registry, fix] of [
		['aws', ECR, /Run: aws sso login/],
		['gcloud', GAR, /Run: gcloud auth login/],
		['az', ACR, /Run: az login/],
		['gh', 'ghcr.io', /gh is not logged in to github\.com\. Run: gh auth login --scopes read:packages/],
	] as const) {
		const {env, out, home} = lab({loggedOut: [cli]});
		const result = await runCli(['-r', registry, '-t', 'docker,kubernetes', '-o', out, '--no-verify', '--yes'], {env});
		assert.equal(result.code, 1, `${cli}: ${result.stderr}`);
		assert.match(result.stderr, fix);
		assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
		assert.throws(() => readFileSync(join(home, '.docker', 'config.json')), 'nothing written');
	}
});

test('GHCR: gh’s user and token when its scopes include read:packages; a different --username is refused', async () => {
	const {env, out, calls} = lab();
	const result = await runCli(['-r', 'ghcr.io', '-t', 'kubernetes', '-o', out, '--no-verify', '--yes'], {env});
	assert.equal(result.code, 0, result.stderr);
	assert.equal(decoded(secretAuths(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'))['ghcr.io']!.auth), `octocat:${TOKENS.gh}`);
	assert.deepEqual(
		calls().map(call => call.argv.join(' ')),
		['auth status --hostname github.com', 'auth token --hostname github.com'],
	);
	const other = await runCli(['-r', 'ghcr.io', '-u', 'someone', '-t', 'kubernetes', '-o', out, '--no-verify', '--yes'], {env});
	assert.equal(other.code, 2);
	assert.match(other.stderr, /--username someone: gh is logged in as octocat/);
});

test('--password-stdin: the token given is used, no CLI runs, the user name is filled in, the lifetime is stated', async () => {
	const {env, out, calls} = lab();
	const result = await runCli(['-r', ECR, '-t', 'kubernetes', '-o', out, '--password-stdin', '--no-verify', '--yes'], {env, input: 'piped-ecr-token\n'});
	assert.equal(result.code, 0, result.stderr);
	assert.equal(decoded(secretAuths(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'))[ECR]!.auth), 'AWS:piped-ecr-token');
	assert.deepEqual(calls(), []);
	assert.match(result.stderr, /Amazon ECR tokens for user AWS last 12 hours from when they were minted/);
});

test('--gar-key-file: user _json_key, the key as password, a long-lived warning; a wrong file exits 2', async () => {
	const {env, out, dir, calls} = lab();
	const key = JSON.stringify(
		{
			type: 'service_account',
			client_email: 'puller@proj.iam.gserviceaccount.com',
			private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
		},
		null,
		2,
	);
	writeFileSync(join(dir, 'key.json'), `${key}\n`);
	const result = await runCli(['-r', GAR, '-t', 'kubernetes', '-o', out, '--gar-key-file', join(dir, 'key.json'), '--no-verify', '--yes'], {env});
	assert.equal(result.code, 0, result.stderr);
	assert.equal(decoded(secretAuths(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'))[GAR]!.auth), `_json_key:${key}`);
	assert.match(result.stderr, /using the key of puller@proj\.iam\.gserviceaccount\.com \(user _json_key\)/);
	assert.match(result.stderr, /service-account key \(user _json_key\), which never expires/);
	assert.ok(!result.stderr.includes('MIIB'));
	assert.deepEqual(calls(), [], 'gcloud is not asked');

	writeFileSync(join(dir, 'adc.json'), JSON.stringify({type: 'authorized_user', client_id: 'x'}));
	const wrong = await runCli(['-r', GAR, '-t', 'kubernetes', '-o', out, '--gar-key-file', join(dir, 'adc.json'), '--no-verify', '--yes'], {env});
	assert.equal(wrong.code, 2);
	assert.match(wrong.stderr, /--gar-key-file .*adc\.json has "type": "authorized_user", not "service_account"/);
	const quay = await runCli(['-r', 'quay.io', '-t', 'kubernetes', '--gar-key-file', join(dir, 'key.json'), '--no-verify', '--yes'], {env});
	assert.equal(quay.code, 2);
	assert.match(quay.stderr, /--gar-key-file is for Google Artifact Registry/);
});

test('docker-credential-gcloud missing: docker keeps the token in the file, with the install hint and its expiry', async () => {
	const {env, home, out} = lab({gcloudHelper: false});
	const result = await runCli(['-r', GAR, '-t', 'docker', '-o', out, '--no-verify', '--yes'], {env});
	assert.equal(result.code, 0, result.stderr);
	const config = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'));
	assert.equal(config.credHelpers, undefined);
	assert.equal(decoded(config.auths[GAR].auth), `oauth2accesstoken:${TOKENS.gcloud}`);
	assert.match(result.stderr, /docker-credential-gcloud is not on PATH, so docker cannot refresh .*Install the Google Cloud CLI/);
	assert.match(result.stderr, /stops working at .*Docker output/);
});

test('a registry regauth cannot mint for still needs --password-stdin, and says which', async () => {
	const {env} = lab();
	const result = await runCli(['-r', ECR, '-r', 'quay.io', '-u', 'AWS', '-u', 'org+bot', '-t', 'docker', '--no-verify', '--yes'], {env});
	assert.equal(result.code, 2);
	assert.match(result.stderr, /--password-stdin is required without a terminal for quay\.io/);
});

/**
 * SIMULATED name resolution: a CONNECT proxy that sends every tunnel to the local registry, so
 * the ECR host name reaches the real docker-registry here (regauth's check goes through
 * HTTPS_PROXY as it would through a corporate proxy). The registry and its TLS are real.
 */
async function tunnelTo(port: number): Promise<{url: string; hosts: string[]}> {
	const {createServer, connect} = await import('node:net');
	const hosts: string[] = [];
	const server = createServer(client => {
		client.once('data', head => {
			const target = /^CONNECT (\S+) HTTP/.exec(head.toString('latin1'))?.[1];
			if (!target) return client.destroy();
			hosts.push(target);
			const upstream = connect(port, '127.0.0.1', () => {
				client.write('HTTP/1.1 200 Connection established\r\n\r\n');
				client.pipe(upstream).pipe(client);
			});
			upstream.on('error', () => client.destroy());
			client.on('error', () => upstream.destroy());
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	after(() => server.close());
	return {url: `http://127.0.0.1:${(server.address() as {port: number}).port}`, hosts};
}

test('the token aws mints is verified against the registry like any password: accepted, and a rejected one stops the run', async () => {
	const {env, dir, out, home} = lab();
	const ca = makeCa(join(dir, 'pki'));
	const registry = await startRegistry(join(dir, 'registry'), {username: 'AWS', password: TOKENS.aws, tls: makeLeaf(join(dir, 'pki'), ca, [`DNS:${ECR}`])});
	const tunnel = await tunnelTo(registry.port);
	const networked = {...env, HTTPS_PROXY: tunnel.url};
	const good = await runCli(['-r', ECR, '-t', 'kubernetes', '-o', out, '--verify=strict', '--ca-file', ca.cert, '--yes'], {env: networked});
	assert.equal(good.code, 0, good.stderr);
	assert.deepEqual(tunnel.hosts.filter(host => host.startsWith(ECR)).length > 0, true, 'the check went to the ECR host');

	const other = await startRegistry(join(dir, 'registry2'), {
		username: 'AWS',
		password: 'another-token',
		tls: makeLeaf(join(dir, 'pki'), ca, [`DNS:${ECR}`], 'registry2'),
	});
	const wrong = await tunnelTo(other.port);
	const rejected = await runCli(['-r', ECR, '-t', 'docker', '-o', out, '--ca-file', ca.cert, '--yes'], {env: {...env, HTTPS_PROXY: wrong.url}});
	assert.equal(rejected.code, 1, rejected.stderr);
	assert.match(rejected.stderr, /rejected|unauthori[sz]ed|wrong/i);
	assert.throws(() => readFileSync(join(home, '.docker', 'config.json')), 'nothing written');
});
