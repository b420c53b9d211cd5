// A store that will not survive a reboot is named before it is used: HOME on tmpfs (/dev/shm,
// a real tmpfs mount), where the GPG keyring, the pass store and docker's config would all live.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statfsSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';

const tmpfs = (() => {
	try {
		return statfsSync('/dev/shm').type === 0x01021994;
	} catch {
		return false;
	}
})();

test('keychain setup --store pass with HOME on tmpfs: named as lost at reboot before the key is made', {skip: !tmpfs && 'no tmpfs at /dev/shm'}, async () => {
	for (const program of ['gpg', 'pass', 'docker-credential-pass'])
		requireProgram(program, 'apt-get install pass gnupg golang-docker-credential-helpers (see .ci/run)');
	const dir = mkdtempSync('/dev/shm/regauth-test-');
	const home = join(dir, 'home');
	mkdirSync(home);
	const env = cleanEnv(home);
	after(() => {
		spawnSync('gpgconf', ['--kill', 'gpg-agent'], {env});
		rmSync(dir, {recursive: true, force: true});
	});
	const run = await runCli(['keychain', 'setup', '--store', 'pass', '--passphrase-stdin', '--yes'], {input: 'a passphrase\n', env, timeoutMs: 170_000});
	assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
	const warning = run.stdout.indexOf('! This store will not survive a reboot:');
	assert.ok(warning >= 0, run.stdout);
	assert.match(run.stdout, /- the GPG keyring \(.*\/home\/\.gnupg\): it is on tmpfs, which lives in memory\./);
	assert.ok(warning < run.stdout.indexOf('✓ GPG key'), 'the warning comes before anything is made');
});
