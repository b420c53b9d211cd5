// `regauth keychain setup --store secretservice` on a login without any D-Bus session: regauth
// starts the bus with the snippet it writes, gnome-keyring unlocked with the password given once;
// a later login (sh -l reading ~/.profile) reuses that bus and keyring, and regauth's login and
// skopeo's pull there go through docker-credential-secretservice. Real dbus, gnome-keyring,
// helper, registry and skopeo; the processes started are stopped by their ids afterwards.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {PROFILE_BEGIN} from '../../source/keychain/setup/secret-service.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

/** Processes whose environment has HOME=home: the bus and keyring this test's logins started. */
function processesOf(home: string): number[] {
	const pids: number[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const environ = readFileSync(join('/proc', name, 'environ'), 'utf8').split('\0');
			if (environ.includes(`HOME=${home}`)) pids.push(Number(name));
		} catch {
			// gone, or not ours to read
		}
	}
	return pids;
}

test('keychain setup --store secretservice: the snippet starts the bus, a later login reuses it, skopeo pulls', async () => {
	for (const program of ['dbus-daemon', 'gnome-keyring-daemon', 'docker-credential-secretservice', 'skopeo'])
		requireProgram(program, 'apt-get install dbus gnome-keyring golang-docker-credential-helpers skopeo (see .ci/run)');
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home, {recursive: true});
	after(() => {
		for (const pid of processesOf(home)) {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	});
	const registry = await startRegistry(join(dir, 'registry'));
	const image = buildOciImage(join(dir, 'oci'));
	const reference = pushImage(image, registry);
	// No DBUS_SESSION_BUS_ADDRESS, no XDG_RUNTIME_DIR: an SSH login on a machine without systemd.
	const env = cleanEnv(home);

	const setup = await runCli(['keychain', 'setup', '--store', 'secretservice', '--passphrase-stdin', '--yes', '-r', registry.host], {
		input: 'keyring password 42\n',
		env,
	});
	assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
	assert.match(setup.stdout, /✓ session bus at unix:path=.*\/\.cache\/regauth-session\/bus/);
	assert.match(setup.stdout, /✓ docker-credential-secretservice: store, get and erase of a test credential worked/);
	assert.ok(existsSync(join(home, '.local', 'share', 'keyrings', 'login.keyring')), 'the login keyring was created');
	assert.match(readFileSync(join(home, '.profile'), 'utf8'), new RegExp(PROFILE_BEGIN));
	assert.match(readFileSync(join(home, '.config', 'regauth', 'keyring-session.sh'), 'utf8'), /dbus-daemon --session/);

	// A later login: sh -l reads ~/.profile, which sources the snippet; it finds the running bus.
	const login = spawnSync(
		'sh',
		[
			'-lc',
			`exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} -r ${registry.host} -u ${registry.username} --password-stdin -t docker --keychain secretservice --yes`,
		],
		{env, input: registry.password, encoding: 'utf8', timeout: 60_000},
	);
	assert.equal(login.status, 0, `${login.stdout}\n${login.stderr}`);
	const config = join(home, '.docker', 'config.json');
	assert.equal(JSON.parse(readFileSync(config, 'utf8')).credHelpers[registry.host], 'secretservice');
	const pull = spawnSync('sh', ['-lc', `skopeo inspect --tls-verify=false --authfile ${config} docker://${reference}`], {
		env,
		encoding: 'utf8',
		timeout: 60_000,
	});
	assert.equal(pull.status, 0, pull.stderr);
	assert.equal(JSON.parse(pull.stdout).Digest, image.manifestDigest);
	assert.deepEqual(filesContaining(home, secretForms(registry.username, registry.password)), []);

	// Only one bus: the second login reused the first one's socket.
	const buses = processesOf(home).filter(pid => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('dbus-daemon'));
	assert.equal(buses.length, 1);

	// A repeat needs no new bus and keeps the profile as it is.
	const profile = readFileSync(join(home, '.profile'), 'utf8');
	// It asks nothing now: the keyring is already unlocked (replacing it would drop a desktop's keyring parts).
	const again = await runCli(['keychain', 'setup', '--store', 'secretservice', '--yes'], {env});
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stdout, /✓ the login keyring is already unlocked on this bus/);
	assert.equal(readFileSync(join(home, '.profile'), 'utf8'), profile);
});
