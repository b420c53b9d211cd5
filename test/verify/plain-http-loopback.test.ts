// Plain HTTP only for loopback (docs/networks.md): a registry that answers in plain HTTP under a
// name that is not localhost/127.0.0.0/8/::1 gets no credentials unless the user says --insecure.
// Real parts: Debian's docker-registry with htpasswd, without TLS, listening on a local address
// reached by a real non-loopback name (test/support/local-name.ts), and regauth's check.

import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {isLoopback} from '../../source/verify/endpoint.js';
import {verifyCredential} from '../../source/verify/verify-credential.js';
import {localName} from '../support/local-name.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

test('a plain-HTTP registry under a non-loopback name: refused without --insecure, verified with it', async () => {
	const dir = tempDir();
	const {name, address} = await localName();
	assert.ok(!isLoopback(name), `${name} must not count as loopback for this test`);
	const registry = await startRegistry(join(dir, 'registry'), {address, hostname: name});
	const credential = {registry: registry.host, username: registry.username, password: registry.password};

	const refused = await verifyCredential(credential);
	assert.notEqual(refused.status, 'verified');
	assert.equal(refused.message, `${registry.host} answered in plain HTTP, not HTTPS`);
	assert.match(refused.advice ?? '', /add --insecure/);

	const allowed = await verifyCredential({...credential, insecure: true});
	assert.equal(allowed.status, 'verified', allowed.message);

	// The same through the CLI: nothing written without --insecure.
	const home = join(dir, 'home');
	const args = ['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--yes', '--json'];
	const cli = await runCli([...args, '--dry-run'], {input: registry.password, env: cleanEnv(home)});
	assert.equal(JSON.parse(cli.stdout).verification[0].status, refused.status, cli.stdout);
	const insecure = await runCli([...args, '--dry-run', '--insecure'], {input: registry.password, env: cleanEnv(home)});
	assert.equal(JSON.parse(insecure.stdout).verification[0].status, 'verified', insecure.stdout);
	assert.ok(!`${cli.stdout}${cli.stderr}${insecure.stdout}${insecure.stderr}`.includes(registry.password));
});
