// The headless CLI behind an enterprise network: HTTPS_PROXY/NO_PROXY from the environment
// (real tinyproxy with BasicAuth), and a registry that wants a client certificate (real
// distribution registry with http.tls.clientcas), given by flags or found in ~/.docker/certs.d.

import assert from 'node:assert/strict';
import {copyFileSync, existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {localName} from '../support/local-name.js';
import {startProxy} from '../support/proxy.js';
import {startRegistry} from '../support/registry.js';
import {type CliResult, cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeClientCert, makeLeaf} from '../support/tls.js';

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	const dockerConfig = join(dir, 'docker');
	return {
		dir,
		home,
		configFile: join(dockerConfig, 'config.json'),
		env: (extra: NodeJS.ProcessEnv = {}) => cleanEnv(home, {DOCKER_CONFIG: dockerConfig, ...extra}),
	};
}

async function login(registry: string, password: string, env: NodeJS.ProcessEnv, ...flags: string[]): Promise<CliResult> {
	const result = await runCli(['-r', registry, '-u', 'ciuser', '--password-stdin', '-t', 'docker', '--yes', ...flags], {input: password, env});
	assert.ok(!`${result.stdout}${result.stderr}`.includes(password), 'the password never appears in the output');
	return result;
}

test('client certificate: from the flags, from ~/.docker/certs.d; without one a warning names both; strict stops; bad pairs exit 2', async () => {
	const {dir, home, env, configFile} = setup();
	const ca = makeCa(join(dir, 'pki'));
	const clientCa = makeCa(join(dir, 'client-pki'), 'client-ca');
	const client = makeClientCert(join(dir, 'client'), clientCa);
	const registry = await startRegistry(join(dir, 'registry'), {
		tls: makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1']),
		httpExtra: `    clientcas:\n      - ${clientCa.cert}\n`,
	});
	const flags = ['--ca-file', ca.cert, '--json', '--dry-run'];

	const byFlags = await login(registry.host, registry.password, env(), ...flags, '--cert-file', client.cert, '--key-file', client.key);
	assert.equal(byFlags.code, 0, byFlags.stderr);
	assert.equal(JSON.parse(byFlags.stdout).verification[0].status, 'verified');

	const none = await login(registry.host, registry.password, env(), '--ca-file', ca.cert, '--dry-run');
	assert.equal(none.code, 0, none.stderr);
	assert.match(
		none.stdout,
		new RegExp(
			`Not verified: TLS problem with ${registry.host}: it requires a client certificate and regauth had none to give \\(ERR_SSL_[A-Z0-9_]+\\)\\. Give one with --cert-file FILE --key-file FILE, or put client\\.cert and client\\.key into /etc/docker/certs\\.d/${registry.host}/ as docker expects \\(also read: ~/\\.docker/certs\\.d/${registry.host}, ~/\\.config/containers/certs\\.d/${registry.host}, /etc/containers/certs\\.d/${registry.host}\\)\\.`,
		),
	);
	const strict = await login(registry.host, registry.password, env(), '--ca-file', ca.cert, '--verify=strict');
	assert.equal(strict.code, 1);
	assert.match(strict.stderr, /requires a client certificate/);
	assert.equal(existsSync(configFile), false, 'strict wrote nothing');

	const certsDir = join(home, '.docker', 'certs.d', registry.host);
	mkdirSync(certsDir, {recursive: true});
	copyFileSync(client.cert, join(certsDir, 'client.cert'));
	copyFileSync(client.key, join(certsDir, 'client.key'));
	const byCertsDir = await login(registry.host, registry.password, env(), ...flags);
	assert.equal(byCertsDir.code, 0, byCertsDir.stderr);
	assert.equal(JSON.parse(byCertsDir.stdout).verification[0].status, 'verified');

	const alone = await login(registry.host, registry.password, env(), '--cert-file', client.cert);
	assert.equal(alone.code, 2);
	assert.equal(alone.stderr, 'regauth: --cert-file needs --key-file: give the certificate’s private key too.\n');
	const swapped = await login(registry.host, registry.password, env(), '--cert-file', client.key, '--key-file', client.cert);
	assert.equal(swapped.code, 2);
	assert.match(swapped.stderr, /^regauth: --cert-file .*client\.key: not a PEM certificate/);
});

test('HTTPS_PROXY from the environment: a 407 warns with its own message; with the login in the URL the check passes through it', async () => {
	const {dir, env} = setup();
	const {name, address} = await localName();
	const ca = makeCa(join(dir, 'pki'));
	const registry = await startRegistry(join(dir, 'registry'), {tls: makeLeaf(join(dir, 'pki'), ca, [`DNS:${name}`]), address, hostname: name});
	const proxy = await startProxy(join(dir, 'proxy'), {auth: {user: 'ci', password: 'Pr0xy-pass'}});

	const noLogin = await login(registry.host, registry.password, env({https_proxy: proxy.url}), '--ca-file', ca.cert, '--dry-run');
	assert.equal(noLogin.code, 0, noLogin.stderr);
	assert.match(
		noLogin.stdout,
		new RegExp(
			`Not verified: ${registry.host}: the proxy ${proxy.url} \\(from https_proxy\\) wants a login \\(HTTP 407 Proxy Authentication Required\\); the registry was not asked\\. Put the proxy's user and password into the URL`,
		),
	);

	// DEBUG=* would make the proxy agents' debug logging print the proxy URL, password included.
	const through = await login(registry.host, registry.password, env({HTTPS_PROXY: proxy.authUrl, DEBUG: '*'}), '--ca-file', ca.cert, '--dry-run', '--json');
	assert.equal(through.code, 0, through.stderr);
	assert.ok(!`${through.stdout}${through.stderr}`.includes('Pr0xy-pass'), 'the proxy password is masked, even with DEBUG=*');
	const verification = JSON.parse(through.stdout).verification[0];
	assert.equal(verification.status, 'verified');
	assert.equal(verification.proxy, proxy.url.replace('//', '//ci:***@'));
	assert.ok(proxy.requests().includes(`CONNECT ${registry.host} HTTP/1.1`));

	const bypassed = await login(registry.host, registry.password, env({HTTPS_PROXY: proxy.url, NO_PROXY: name}), '--ca-file', ca.cert, '--dry-run', '--json');
	assert.equal(JSON.parse(bypassed.stdout).verification[0].status, 'verified', bypassed.stdout);
});
