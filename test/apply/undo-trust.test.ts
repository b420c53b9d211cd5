// `regauth undo` reads its journal as untrusted input (docs/undo.md): crafted, tampered,
// foreign, symlinked or malformed journals and backups are refused with a message, and nothing
// outside what the journal may name is touched. Runs the built CLI as a user would.

import assert from 'node:assert/strict';
import {chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {sha256} from '../../source/apply/journal.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	const state = join(dir, 'state');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const config = join(home, '.docker', 'config.json');
	writeFileSync(config, '{\n\t"auths": {\n\t\t"old.example.com": {\n\t\t\t"auth": "b2xkOm9sZA=="\n\t\t}\n\t}\n}\n', {mode: 0o600});
	const env = cleanEnv(home, {XDG_STATE_HOME: state});
	const journal = join(state, 'regauth', 'last-apply.json');
	const login = () => runCli(['-r', 'new.example.com', '-u', 'u', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'], {env, cwd: dir, input: 'pw'});
	const undo = () => runCli(['undo'], {env, cwd: dir});
	return {dir, home, config, env, journal, login, undo};
}

const journalFor = (files: object[]) => `${JSON.stringify({version: 1, started: 'x', files, commands: []})}\n`;

function writeJournal(path: string, text: string) {
	mkdirSync(join(path, '..'), {recursive: true, mode: 0o700});
	writeFileSync(path, text, {mode: 0o600});
}

test('undo refuses a file changed since the apply and leaves it as it is', async () => {
	const {config, login, undo} = setup();
	assert.equal((await login()).code, 0);
	const changed = `${readFileSync(config, 'utf8').trimEnd()}\n`.replace('new.example.com', 'edited.example.com');
	writeFileSync(config, changed);
	const result = await undo();
	assert.equal(result.code, 1, result.stdout + result.stderr);
	assert.match(result.stdout, /✗ .*config\.json — it was changed since regauth wrote it; restore it by hand from .*\.bak/);
	assert.equal(readFileSync(config, 'utf8'), changed);
});

test('a tampered backup is not restored', async () => {
	const {home, config, login, undo} = setup();
	assert.equal((await login()).code, 0);
	const written = readFileSync(config, 'utf8');
	const backup = readdirSync(join(home, '.docker')).find(name => name.endsWith('.bak'))!;
	writeFileSync(join(home, '.docker', backup), '{"auths":{"attacker.example":{"auth":"YTpi"}}}');
	const result = await undo();
	assert.equal(result.code, 1);
	assert.match(result.stdout, /no longer holds what was there before the apply/);
	assert.equal(readFileSync(config, 'utf8'), written);
});

test('a crafted journal cannot delete or overwrite a file that is not its own', async t => {
	const {dir, journal, undo} = setup();
	const victim = join(dir, 'elsewhere', 'victim.txt');
	mkdirSync(join(dir, 'elsewhere'));
	writeFileSync(victim, 'precious');
	const after = sha256(readFileSync(victim));

	await t.test('backup not beside the file, under regauth’s name', async () => {
		const payload = join(dir, 'payload.bin');
		writeFileSync(payload, 'ATTACKER');
		writeJournal(journal, journalFor([{path: victim, before: sha256('ATTACKER'), after, backup: payload, modeBefore: 0o755, createdDirs: []}]));
		const result = await undo();
		assert.equal(result.code, 1);
		assert.match(result.stderr, /is not a journal regauth wrote \(files\[0\]\.backup is not a regauth backup of .*victim\.txt\); nothing was undone/);
		assert.equal(readFileSync(victim, 'utf8'), 'precious');
	});
	await t.test('createdDirs that are not above the file', async () => {
		writeJournal(journal, journalFor([{path: victim, before: null, after, createdDirs: ['/etc']}]));
		const result = await undo();
		assert.equal(result.code, 1);
		assert.match(result.stderr, /createdDirs holds \/etc, which is not above/);
		assert.equal(readFileSync(victim, 'utf8'), 'precious');
	});
	await t.test('a relative or dotted path', async () => {
		writeJournal(journal, journalFor([{path: `${dir}/x/../elsewhere/victim.txt`, before: null, after, createdDirs: []}]));
		const result = await undo();
		assert.equal(result.code, 1);
		assert.match(result.stderr, /files\[0\]\.path is not an absolute, normalized path/);
		assert.ok(existsSync(victim));
	});
	await t.test('a file owned by another user (and a journal owned by another user)', {skip: process.getuid?.() !== 0 && 'needs root to chown'}, async () => {
		chownSync(victim, 65534, 65534);
		writeJournal(journal, journalFor([{path: victim, before: null, after, createdDirs: []}]));
		chownSync(journal, 65534, 65534);
		const foreign = await undo();
		assert.equal(foreign.code, 1);
		assert.match(foreign.stderr, /the journal .*last-apply\.json belongs to uid 65534, not to you \(uid 0\)/);
		assert.ok(existsSync(victim));
	});
});

test('a journal that is a symbolic link, or writable by others, is refused; apply replaces the link instead of writing through it', async () => {
	const {dir, journal, login, undo} = setup();
	const precious = join(dir, 'precious.txt');
	writeFileSync(precious, 'precious user file');
	mkdirSync(join(journal, '..'), {recursive: true, mode: 0o700});
	symlinkSync(precious, journal);
	const linked = await undo();
	assert.equal(linked.code, 1);
	assert.match(linked.stderr, /last-apply\.json is a symbolic link; regauth never follows one/);

	assert.equal((await login()).code, 0);
	assert.equal(readFileSync(precious, 'utf8'), 'precious user file', 'the link target is untouched');
	assert.equal(JSON.parse(readFileSync(journal, 'utf8')).version, 1, 'the journal replaced the link');

	chmodSync(journal, 0o666);
	const shared = await undo();
	assert.equal(shared.code, 1);
	assert.match(shared.stderr, /can be changed by other users \(mode 0666\); regauth does not trust it/);
});

test('malformed journals get a message, never "unexpected error"', async () => {
	const {journal, undo} = setup();
	const cases: Array<[string, RegExp]> = [
		['{"version": 1, "files": [', /not JSON/],
		[`${'['.repeat(200_000)}${']'.repeat(200_000)}`, /not JSON: nested too deeply|no "version": 1/],
		['{"version": 1, "files": {}, "commands": []}', /"files" or "commands" is not a list/],
		['{"version": 1, "files": [{"path": null}], "commands": []}', /files\[0\]\.path is not an absolute, normalized path/],
		['{"version": 1, "files": [], "commands": [{"title": 1}]}', /commands\[0\] is not a command record/],
		['"just a string"', /no "version": 1/],
	];
	for (const [text, message] of cases) {
		writeJournal(journal, text);
		const result = await undo();
		assert.equal(result.code, 1, text.slice(0, 40));
		assert.match(result.stderr, message);
		assert.doesNotMatch(result.stderr, /unexpected error/);
	}
});

test('journal text reaches the terminal escaped', async () => {
	const {journal, undo} = setup();
	writeJournal(
		journal,
		`${JSON.stringify({version: 1, started: 'x', files: [], commands: [{title: 't', display: 'd', revert: '\u001b]0;PWNED\u0007rm -rf ~'}]})}\n`,
	);
	const result = await undo();
	assert.equal(result.code, 0, result.stderr);
	assert.ok(!result.stdout.includes('\u001b'), 'no raw ESC');
	assert.match(result.stdout, /\\u001B\]0;PWNED\\u0007rm -rf ~/);
});
