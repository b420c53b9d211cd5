// regauth undo puts back a keychain item that logout erased or rotate replaced. Real parts only:
// Debian's docker-registry with htpasswd, gnome-keyring in a private D-Bus session behind
// regauth's own docker-credential-regauth, skopeo pulling through the docker config regauth wrote,
// secret-tool reading the keyring directly. Nothing is simulated.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab, labEnv, skopeoInspect} from '../support/keychain-lab.js';
import {requireProgram} from '../support/programs.js';
import {type CliResult, runCli} from '../support/run-cli.js';
import {secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const NEW_PASSWORD = 'rotated-Kc-pass!7';
const KEPT = /^keychain-\d{8}T\d{6}Z-[0-9a-f]{12}\.json$/;

test('undo restores the keychain item logout erased and the one rotate replaced; the kept copy is 0600 and the only file holding it', {
	timeout: 240_000,
}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry, reference} = await keychainLab(dir);
	const state = join(dir, 'state');
	const journalDir = join(state, 'regauth');
	const env = labEnv({keyring, home}, dir);
	const dockerConfig = join(home, '.docker', 'config.json');
	const outputs: CliResult[] = [];
	const cli = async (args: string[], input?: string) => {
		const result = await runCli(args, {env, ...(input === undefined ? {} : {input})});
		outputs.push(result);
		return result;
	};
	const lookup = () => spawnSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	const itemSecret = () => JSON.parse(lookup().stdout).Secret as string;
	const keptCopies = () => readdirSync(journalDir).filter(name => KEPT.test(name));
	/** Every file in the journal's directory but the kept copy: none holds a form of these secrets. */
	const assertJournalDirClean = (passwords: string[]) => {
		for (const name of readdirSync(journalDir)) {
			if (KEPT.test(name)) continue;
			const text = readFileSync(join(journalDir, name), 'utf8');
			for (const password of passwords)
				for (const form of secretForms(registry.username, password)) assert.ok(!text.includes(form), `${name} holds a form of the secret`);
		}
	};
	const setHtpasswd = (password: string) =>
		writeFileSync(join(dir, 'registry', 'htpasswd'), execFileSync('htpasswd', ['-Bbn', registry.username, password], {encoding: 'utf8'}));

	const login = await cli(
		['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes'],
		registry.password,
	);
	assert.equal(login.code, 0, login.stderr);
	assert.equal(itemSecret(), registry.password);
	assert.equal(skopeoInspect(dockerConfig, reference, env).status, 0);

	// logout: the item is gone (secret-tool finds nothing), skopeo is refused; one kept copy, 0600 in 0700.
	const logout = await cli(['logout', registry.host, '--yes']);
	assert.equal(logout.code, 0, logout.stdout + logout.stderr);
	const search = spawnSync('secret-tool', ['search', '--all', 'service', 'regauth'], {env, encoding: 'utf8'});
	assert.ok(!`${search.stdout}${search.stderr}`.includes(registry.host), search.stdout);
	assert.notEqual(lookup().status, 0);
	assert.notEqual(skopeoInspect(dockerConfig, reference, env).status, 0);
	const [copy, ...more] = keptCopies();
	assert.ok(copy, `no kept copy in ${readdirSync(journalDir).join(', ')}`);
	assert.deepEqual(more, []);
	assert.equal(statSync(join(journalDir, copy)).mode & 0o777, 0o600);
	assert.equal(statSync(journalDir).mode & 0o777, 0o700);
	const journal = JSON.parse(readFileSync(join(journalDir, 'last-apply.json'), 'utf8'));
	assert.deepEqual(journal.keychain, [{helper: 'regauth', server: registry.host, action: 'erase', backup: copy}]);
	assertJournalDirClean([registry.password]);

	// undo: the item is back with the old password, skopeo pulls again, the copy is deleted.
	const undo = await cli(['undo']);
	assert.equal(undo.code, 0, undo.stdout + undo.stderr);
	assert.match(undo.stdout, new RegExp(`✓ docker-credential-regauth ${registry.host.replaceAll('.', '\\.')} — stored back`));
	assert.equal(itemSecret(), registry.password);
	const pulled = skopeoInspect(dockerConfig, reference, env);
	assert.equal(pulled.status, 0, pulled.stderr);
	assert.deepEqual(keptCopies(), []);

	// rotate replaces the item; undo gives the old password back (and skopeo works once the registry has it again).
	setHtpasswd(NEW_PASSWORD);
	const rotate = await cli(['rotate', registry.host, '--password-stdin', '--yes'], NEW_PASSWORD);
	assert.equal(rotate.code, 0, rotate.stdout + rotate.stderr);
	assert.equal(itemSecret(), NEW_PASSWORD);
	assert.equal(keptCopies().length, 1);
	assert.equal(JSON.parse(readFileSync(join(journalDir, 'last-apply.json'), 'utf8')).keychain[0].action, 'store');
	assertJournalDirClean([registry.password, NEW_PASSWORD]);
	const undoRotate = await cli(['undo']);
	assert.equal(undoRotate.code, 0, undoRotate.stdout + undoRotate.stderr);
	assert.equal(itemSecret(), registry.password);
	assert.deepEqual(keptCopies(), []);
	setHtpasswd(registry.password);
	assert.equal(skopeoInspect(dockerConfig, reference, env).status, 0);
	assertJournalDirClean([registry.password, NEW_PASSWORD]);

	// No output of any run showed a form of either secret.
	for (const output of outputs)
		for (const password of [registry.password, NEW_PASSWORD])
			for (const form of secretForms(registry.username, password)) assert.ok(!`${output.stdout}${output.stderr}`.includes(form), 'an output holds the secret');
});

test('a kept copy the next apply makes unreachable is removed; undo refuses a copy others can read', {timeout: 240_000}, async () => {
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry} = await keychainLab(dir);
	const state = join(dir, 'state');
	const journalDir = join(state, 'regauth');
	const env = labEnv({keyring, home}, dir);
	const keptCopies = () => readdirSync(journalDir).filter(name => KEPT.test(name));
	const args = ['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes', '--no-verify'];
	assert.equal((await runCli(args, {input: 'first-Secret-1', env})).code, 0);
	// A second login replaces the item: its old value is kept for undo.
	assert.equal((await runCli(args, {input: 'second-Secret-2', env})).code, 0);
	const [copy] = keptCopies();
	assert.ok(copy);
	// undo refuses a copy whose mode lets others read it, and keeps the journal.
	execFileSync('chmod', ['0644', join(journalDir, copy)]);
	const refused = await runCli(['undo'], {env});
	assert.equal(refused.code, 1, refused.stdout);
	assert.match(refused.stdout, /✗ docker-credential-regauth .* readable or writable by others/);
	execFileSync('chmod', ['0600', join(journalDir, copy)]);
	// The next apply replaces the journal: the copy it named can no longer be restored, so it goes
	// (once older than the grace period a concurrent run may need; the mtime is set back here).
	execFileSync('touch', ['-d', '2 minutes ago', join(journalDir, copy)]);
	assert.equal((await runCli(args, {input: 'third-Secret-3', env})).code, 0);
	assert.ok(!keptCopies().includes(copy), keptCopies().join(', '));
	assert.equal(keptCopies().length, 1, 'the third login kept the second secret');
});

test('a rotate that only replaced the keychain item: undo puts the old item back and leaves the login it rotated in place', {timeout: 240_000}, async () => {
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const dir = tempDir();
	const {keyring, home, registry} = await keychainLab(dir);
	const env = labEnv({keyring, home}, dir);
	const dockerConfig = join(home, '.docker', 'config.json');
	const login = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes'], {
		env,
		input: registry.password,
	});
	assert.equal(login.code, 0, login.stderr);
	const configAfterLogin = readFileSync(dockerConfig, 'utf8');
	const rotate = await runCli(['rotate', registry.host, '--password-stdin', '--yes', '--no-verify'], {env, input: NEW_PASSWORD});
	assert.equal(rotate.code, 0, rotate.stdout + rotate.stderr);
	assert.equal(readFileSync(dockerConfig, 'utf8'), configAfterLogin, 'the route was already there: rotate changed only the item');
	const undo = await runCli(['undo'], {env});
	assert.equal(undo.code, 0, undo.stdout + undo.stderr);
	const lookup = spawnSync('secret-tool', ['lookup', 'service', 'regauth', 'account', registry.host], {env, encoding: 'utf8'});
	assert.equal(JSON.parse(lookup.stdout).Secret, registry.password, 'the old item is back');
	assert.equal(readFileSync(dockerConfig, 'utf8'), configAfterLogin, 'the login itself was not undone with it');
});
