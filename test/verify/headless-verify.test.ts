// The headless run checks the credentials with the real registry before it prints or writes
// anything: wrong credentials exit 1 with nothing written; an unreachable registry warns and the
// run goes on, unless --verify=strict.

import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {freePort} from '../support/free-port.js';
import {type Registry, startRegistry} from '../support/registry.js';
import {type CliResult, cleanEnv, runCli} from '../support/run-cli.js';
import {startSilentServer} from '../support/silent-server.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeLeaf} from '../support/tls.js';

function setup() {
	const dir = tempDir();
	const dockerConfig = join(dir, 'docker');
	return {dir, dockerConfig, configFile: join(dockerConfig, 'config.json'), env: cleanEnv(join(dir, 'home'), {DOCKER_CONFIG: dockerConfig})};
}

async function login(registry: string, password: string, env: NodeJS.ProcessEnv, ...flags: string[]): Promise<CliResult> {
	const result = await runCli(['-r', registry, '-u', 'ciuser', '--password-stdin', '-t', 'docker', '--yes', ...flags], {input: password, env});
	assert.ok(!`${result.stdout}${result.stderr}`.includes(password), 'the password never appears in the output');
	return result;
}

// One registry per test: test support stops it when the test that started it ends.
function registry(): Promise<Registry> {
	return startRegistry(join(tempDir(), 'registry'));
}

test('wrong password: exit 1, the reason and the way round, nothing written', async () => {
	const {env, configFile} = setup();
	const reg = await registry();
	const result = await login(reg.host, 'wrong-password-123', env);
	assert.equal(result.code, 1, result.stderr);
	assert.equal(result.stdout, '');
	assert.equal(
		result.stderr,
		`regauth: ${reg.host} rejected the user name or password (HTTP 401: "authentication required"). Check the user name and the password or token (Quay robots: namespace+name and the robot token; tokens may have expired or lack read access).\nregauth: nothing was written. To save them anyway, add --no-verify.\n`,
	);
	assert.equal(existsSync(configFile), false);
});

test('right password: verified, written; --json says so', async () => {
	const {env, configFile} = setup();
	const reg = await registry();
	const result = await login(reg.host, reg.password, env, '--json');
	assert.equal(result.code, 0, result.stderr);
	const output = JSON.parse(result.stdout);
	assert.deepEqual(
		output.verification.map((entry: {status: string; registry: string; scheme: string}) => [entry.status, entry.registry, entry.scheme]),
		[['verified', reg.host, 'basic']],
	);
	assert.ok(
		output.plan.notes.some(
			(note: {level: string; message: string}) => note.level === 'info' && note.message === `Verified: ${reg.host} accepted the user name and password.`,
		),
	);
	assert.match(readFileSync(configFile, 'utf8'), new RegExp(reg.host.replace(/\./g, '\\.')));
});

test('--no-verify saves without asking the registry', async () => {
	const {env, configFile} = setup();
	const reg = await registry();
	const result = await login(reg.host, 'wrong-password-123', env, '--no-verify');
	assert.equal(result.code, 0, result.stderr);
	assert.equal(existsSync(configFile), true);
});

test('unknown host and closed port: a warning each, and the run goes on; --verify=strict stops it', async () => {
	const {env, configFile} = setup();
	const unknown = await login('registry.regauth-test.invalid', 'some-password-1', env);
	assert.equal(unknown.code, 0, unknown.stderr);
	assert.match(
		unknown.stderr,
		/regauth: warning: Not verified: registry\.regauth-test\.invalid: the (host name .* does not resolve \(DNS: ENOTFOUND\)|DNS lookup .* failed for now)\. Check the spelling/,
	);
	assert.equal(existsSync(configFile), true);

	const port = await freePort();
	const closed = await login(`127.0.0.1:${port}`, 'some-password-1', env);
	assert.equal(closed.code, 0, closed.stderr);
	assert.match(
		closed.stderr,
		new RegExp(`regauth: warning: Not verified: 127\\.0\\.0\\.1:${port}: connection refused on port ${port}, nothing listens there\\. Check the port`),
	);

	const before = readFileSync(configFile, 'utf8');
	const strict = await login(`127.0.0.1:${port}`, 'other-password-2', env, '--verify=strict');
	assert.equal(strict.code, 1);
	assert.match(
		strict.stderr,
		/connection refused[^\n]*\nregauth: nothing was written\. Without --verify=strict an unreachable registry only warns; --no-verify saves without checking\.\n$/,
	);
	assert.equal(readFileSync(configFile, 'utf8'), before, 'strict stopped before writing');
});

test('a registry that never answers: the timeout is its own message (--verify-timeout)', async () => {
	const {env} = setup();
	const silent = await startSilentServer();
	const result = await login(silent.host, 'some-password-1', env, '--verify-timeout', '0.5', '--dry-run');
	assert.equal(result.code, 0, result.stderr);
	assert.match(
		result.stdout,
		new RegExp(
			`! Not verified: ${silent.host.replace(/\./g, '\\.')}: no answer within 0\\.5 s\\. Check firewalls, proxies and VPNs on the way; give a slow registry more time with --verify-timeout SECONDS\\.`,
		),
	);
});

test('TLS: --ca-file trusts a private CA; without it a warning names the problem; strict refuses', async () => {
	const {dir, env, configFile} = setup();
	const ca = makeCa(join(dir, 'pki'));
	const reg = await startRegistry(join(dir, 'tls-registry'), {tls: makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1', 'DNS:localhost'])});
	const trusted = await login(reg.host, reg.password, env, '--ca-file', ca.cert, '--json', '--dry-run');
	assert.equal(trusted.code, 0, trusted.stderr);
	assert.equal(JSON.parse(trusted.stdout).verification[0].status, 'verified');

	const wrong = await login(reg.host, 'not-the-password', env, '--ca-file', ca.cert);
	assert.equal(wrong.code, 1);
	assert.match(wrong.stderr, /rejected the user name or password/);

	const untrusted = await login(reg.host, reg.password, env);
	assert.equal(untrusted.code, 0, untrusted.stderr);
	assert.match(
		untrusted.stderr,
		/warning: Not verified: TLS problem with 127\.0\.0\.1:\d+: the certificate is not signed by an authority this machine trusts \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\. If the registry uses a private CA, pass its certificate with --ca-file FILE/,
	);
	assert.equal(existsSync(configFile), true);

	const strict = await login(reg.host, reg.password, env, '--verify=strict', '--dry-run');
	assert.equal(strict.code, 1);
	assert.match(strict.stderr, /TLS problem/);
});

test('bad verification flags name the flag and the fix (exit 2)', async () => {
	const {dir, env} = setup();
	const missing = await login('127.0.0.1:5000', 'pw-123456', env, '--ca-file', join(dir, 'missing.pem'));
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /^regauth: --ca-file .*missing\.pem: cannot read it \(no such file\); give the registry's CA certificate in PEM form\.\n$/);
	const bare = await runCli(['-r', 'quay.io', '-u', 'x', '--password-stdin', '--verify'], {input: 'pw', env});
	assert.equal(bare.code, 2);
	assert.equal(bare.stderr, 'regauth: --verify needs a value: --verify=strict (or --no-verify to skip the check).\n');
	const both = await runCli(['-r', 'quay.io', '-u', 'x', '--password-stdin', '--no-verify', '--verify=strict'], {input: 'pw', env});
	assert.equal(both.code, 2);
	assert.match(both.stderr, /--no-verify and --verify=strict contradict each other/);
	const timeout = await runCli(['-r', 'quay.io', '-u', 'x', '--password-stdin', '--verify-timeout', 'soon'], {input: 'pw', env});
	assert.equal(timeout.code, 2);
	assert.match(timeout.stderr, /--verify-timeout soon: give a number of seconds/);
});
