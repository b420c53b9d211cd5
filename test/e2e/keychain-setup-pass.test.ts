// `regauth keychain setup --store pass` as on an SSH or CI shell: no D-Bus session, no desktop,
// no terminal. Real gpg, pass and docker-credential-pass; then regauth's own login routes docker
// and podman to pass, and the real skopeo pulls from a real registry through the helper.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {skopeoInspect} from '../support/keychain-lab.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const PASSPHRASE = 'Passphrase for-the-test 7!';

test('keychain setup --store pass without D-Bus, then docker and podman logins through docker-credential-pass; skopeo pulls', async () => {
	for (const program of ['gpg', 'pass', 'docker-credential-pass', 'skopeo'])
		requireProgram(program, 'apt-get install pass gnupg golang-docker-credential-helpers skopeo (see .ci/run)');
	const dir = tempDir();
	const home = join(dir, 'home');
	const registry = await startRegistry(join(dir, 'registry'));
	const image = buildOciImage(join(dir, 'oci'));
	const reference = pushImage(image, registry);
	// What an SSH or CI shell has: no DBUS_SESSION_BUS_ADDRESS, no DISPLAY, no GPG_TTY.
	const env = cleanEnv(home);
	after(() => spawnSync('gpgconf', ['--kill', 'gpg-agent'], {env}));
	mkdirSync(home, {recursive: true});

	const setup = await runCli(['keychain', 'setup', '--store', 'pass', '--passphrase-stdin', '--yes', '--registry', registry.host], {
		input: `${PASSPHRASE}\n`,
		env,
		timeoutMs: 170_000,
	});
	assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
	assert.match(setup.stdout, /✓ GPG key [0-9A-F]{40} created/);
	assert.match(setup.stdout, /✓ docker-credential-pass: store, get and erase of a test credential worked/);
	assert.match(setup.stdout, new RegExp(`Keychain ready: pass \\(docker-credential-pass\\); ${registry.host.replace(/\./g, '\\.')} → docker-credential-pass`));
	assert.doesNotMatch(`${setup.stdout}${setup.stderr}`, new RegExp(PASSPHRASE));
	const agentConf = readFileSync(join(home, '.gnupg', 'gpg-agent.conf'), 'utf8');
	assert.match(agentConf, /^allow-loopback-pinentry$/m);
	assert.match(agentConf, /^default-cache-ttl 28800$/m);
	assert.match(readFileSync(join(home, '.password-store', '.gpg-id'), 'utf8'), /^[0-9A-F]{40}$/m);
	const dockerConfig = join(home, '.docker', 'config.json');
	assert.deepEqual(JSON.parse(readFileSync(dockerConfig, 'utf8')), {auths: {}, credHelpers: {[registry.host]: 'pass'}});

	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker,podman', '--keychain', 'pass', '--yes'], {
		input: `${registry.password}\n`,
		env,
	});
	assert.equal(login.code, 0, `${login.stdout}\n${login.stderr}`);
	const podmanAuth = join(home, '.config', 'containers', 'auth.json');
	assert.equal(JSON.parse(readFileSync(podmanAuth, 'utf8')).credHelpers[registry.host], 'pass');

	// skopeo runs docker-credential-pass get → pass → gpg, decrypting with the agent's cache.
	for (const authfile of [dockerConfig, podmanAuth]) {
		const inspect = skopeoInspect(authfile, reference, env);
		assert.equal(inspect.status, 0, `${authfile}: ${inspect.stderr}`);
		assert.equal(JSON.parse(inspect.stdout).Digest, image.manifestDigest);
	}
	assert.deepEqual(filesContaining(home, [...secretForms(registry.username, registry.password), PASSPHRASE, Buffer.from(PASSPHRASE).toString('base64')]), []);

	// Again with a wrong passphrase: the key is reused, the passphrase checked, nothing changed.
	const before = readFileSync(dockerConfig, 'utf8');
	const wrong = await runCli(['keychain', 'setup', '--store', 'pass', '--passphrase-stdin', '--yes'], {input: 'not the passphrase\n', env, timeoutMs: 120_000});
	assert.equal(wrong.code, 1, wrong.stdout);
	assert.match(wrong.stderr, /the passphrase is wrong for the regauth GPG key/);
	assert.equal(readFileSync(dockerConfig, 'utf8'), before);
});
