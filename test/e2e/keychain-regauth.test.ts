// End to end with real parts: gnome-keyring in a private D-Bus session, a real registry with
// htpasswd auth, regauth's built CLI and helper, and skopeo reading the config regauth wrote.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab, skopeoInspect} from '../support/keychain-lab.js';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

test('--keychain regauth: the secret lives only in the keychain, and skopeo pulls through the helper', async () => {
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference, digest} = await keychainLab(dir);
	// ~/.local/bin first on PATH, as on a desktop: regauth installs its launcher there.
	const env = cleanEnv(home, {...keyring.env, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});

	const run = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes'], {
		input: registry.password,
		env,
	});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, /✓ Store the 127\.0\.0\.1:\d+ credential in the keychain \(docker-credential-regauth\)/);
	assert.match(run.stdout, /✓ Launcher for docker-credential-regauth/);

	// (a) the keychain holds it…
	const item = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.deepEqual(JSON.parse(item), {Username: registry.username, Secret: registry.password});
	// …the config only routes to the helper…
	const config = join(home, '.docker', 'config.json');
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {auths: {[registry.host]: {}}, credHelpers: {[registry.host]: 'regauth'}});
	assert.equal(statSync(config).mode & 0o777, 0o600);
	assert.equal(statSync(join(home, '.local', 'bin', 'docker-credential-regauth')).mode & 0o777, 0o755);
	// …and no file in HOME holds the password or its base64 (the keyring file is encrypted).
	assert.deepEqual(filesContaining(home, secretForms(registry.username, registry.password)), []);
	assert.ok(!run.stdout.includes(registry.password) && !run.stderr.includes(registry.password));

	// skopeo reads credHelpers and runs docker-credential-regauth from PATH (the launcher).
	const inspect = skopeoInspect(config, reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);
	assert.equal(JSON.parse(inspect.stdout).Digest, digest);

	// (d) a wrong password replaces the item, and the same pull now fails: the test can fail.
	// --no-verify: regauth itself would refuse the wrong password before storing it.
	const wrong = await runCli(
		['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--no-verify', '--yes'],
		{input: 'not-the-password', env},
	);
	assert.equal(wrong.code, 0, wrong.stderr);
	const refused = skopeoInspect(config, reference, env);
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /unauthorized|authentication required/i);
});

test('--from-keychain: a Kubernetes Secret from the remembered credential, without retyping it', async () => {
	const dir = tempDir();
	const {keyring, home, registry, reference} = await keychainLab(dir);
	const env = cleanEnv(home, {...keyring.env, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});
	const store = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes'], {
		input: registry.password,
		env,
	});
	assert.equal(store.code, 0, store.stderr);

	const out = join(dir, 'out');
	const run = await runCli(['-r', registry.host, '-t', 'kubernetes', '--from-keychain', '--yes', '-o', out], {env});
	assert.equal(run.code, 0, run.stderr);
	assert.match(
		run.stderr,
		new RegExp(`using the credential for ${registry.host.replaceAll('.', '\\.')} remembered in the keychain \\(user ${registry.username}\\)`),
	);
	assert.ok(!run.stdout.includes(registry.password) && !run.stderr.includes(registry.password));
	const secret = readFileSync(join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml'), 'utf8');
	const data = /\.dockerconfigjson: (\S+)/.exec(secret)![1]!;
	const dockerconfig = Buffer.from(data, 'base64').toString('utf8');
	assert.equal(JSON.parse(dockerconfig).auths[registry.host].password, registry.password);
	// The Secret's config works for a real client.
	const authfile = join(dir, 'from-secret.json');
	(await import('node:fs')).writeFileSync(authfile, dockerconfig);
	const inspect = skopeoInspect(authfile, reference, env);
	assert.equal(inspect.status, 0, inspect.stderr);

	// Nothing remembered for another registry: exit 2, the message says how to store one.
	const missing = await runCli(['-r', 'quay.io', '-t', 'kubernetes', '--from-keychain', '--dry-run'], {env});
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /--from-keychain: the keychain holds no regauth credential for quay\.io[\s\S]*--keychain regauth/);
	// Both sources of a password at once is a usage error.
	const both = await runCli(['-r', registry.host, '-t', 'kubernetes', '--from-keychain', '--password-stdin', '--dry-run'], {env, input: 'x'});
	assert.equal(both.code, 2);
	assert.match(both.stderr, /--password-stdin and --from-keychain each supply the password/);
});
