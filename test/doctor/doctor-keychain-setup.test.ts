// `regauth doctor` where no keychain works, as on an SSH or CI shell: an empty HOME, no D-Bus
// session bus, pass not initialised (issue 16: doctor offers the set-up when no store works).
// The plain-text finding names `regauth keychain setup` instead of a --fix that would fail, and
// `doctor --fix` says why it cannot fix and changes nothing. Then the real set-up (gpg, pass,
// docker-credential-pass) and `doctor --fix` moves the password into pass.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const PASSPHRASE = 'Passphrase for-the-doctor 9!';
const AUTH = Buffer.from('dev:S3cret-in-clear').toString('base64');

test('no working keychain: doctor names regauth keychain setup, --fix says why and changes nothing; after the set-up --fix moves the password into pass', async () => {
	for (const program of ['gpg', 'pass', 'docker-credential-pass'])
		requireProgram(program, 'apt-get install pass gnupg golang-docker-credential-helpers (see .ci/run)');
	const home = join(tempDir(), 'home');
	// No DBUS_SESSION_BUS_ADDRESS, DISPLAY or XDG_RUNTIME_DIR: what an SSH or CI shell has.
	const env = cleanEnv(home);
	after(() => spawnSync('gpgconf', ['--kill', 'gpg-agent'], {env}));
	const config = join(home, '.docker', 'config.json');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const original = `${JSON.stringify({auths: {'registry.example.com': {auth: AUTH}}}, null, '\t')}\n`;
	writeFileSync(config, original, {mode: 0o600});

	const doctor = await runCli(['doctor', '--json'], {env});
	assert.equal(doctor.code, 1, doctor.stderr);
	const plain = JSON.parse(doctor.stdout).findings.find((finding: {id: string}) => finding.id === 'plain-text');
	assert.match(plain.fix, /^No keychain works here \(/);
	assert.match(plain.fix, /docker-credential-pass: the pass password store is not set up for this user/);
	assert.match(plain.fix, /there is no D-Bus session bus/);
	assert.match(plain.fix, /: run regauth keychain setup, which sets one up without a desktop .* then regauth doctor --fix again\.$/);

	const fix = await runCli(['doctor', '--fix'], {env});
	assert.equal(fix.code, 1, fix.stderr);
	assert.match(fix.stdout, /\nregauth: cannot fix: no keychain works here \(.*\): run regauth keychain setup/);
	assert.doesNotMatch(fix.stdout, /not attempted|Moving 1 password/, 'nothing is tried against a store known not to work');
	assert.equal(readFileSync(config, 'utf8'), original, 'the config is untouched');

	// What the finding says to do, for real: pass with its own GPG key, no desktop, no terminal.
	const setup = await runCli(['keychain', 'setup', '--store', 'pass', '--passphrase-stdin', '--yes'], {input: `${PASSPHRASE}\n`, env, timeoutMs: 170_000});
	assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
	const fixed = await runCli(['doctor', '--fix'], {env});
	assert.equal(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
	assert.match(fixed.stdout, /Moving 1 password into the keychain:/);
	assert.match(fixed.stdout, /docker-credential-pass/);
	assert.doesNotMatch(readFileSync(config, 'utf8'), new RegExp(AUTH));
	const stored = spawnSync('docker-credential-pass', ['get'], {input: 'registry.example.com', env, encoding: 'utf8'});
	assert.equal(stored.status, 0, stored.stderr);
	assert.deepEqual(JSON.parse(stored.stdout), {ServerURL: 'registry.example.com', Username: 'dev', Secret: 'S3cret-in-clear'});
});
