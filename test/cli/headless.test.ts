// The built CLI, run as a user runs it, in a temp HOME.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const PASSWORD = 'correct-horse-battery-staple';
const B64 = Buffer.from(`org+bot:${PASSWORD}`).toString('base64');

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, home, env: cleanEnv(home)};
}

const mode = (path: string) => statSync(path).mode & 0o777;

test('--help shows examples and exits 0; --version prints the version', async () => {
	const help = await runCli(['--help']);
	assert.equal(help.code, 0);
	assert.match(help.stdout, /Examples/);
	assert.match(help.stdout, /--password-stdin/);
	const version = await runCli(['--version']);
	assert.equal(version.code, 0);
	assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('bad usage exits 2 with a message naming the flag, never a stack trace', async () => {
	const {env, dir} = setup();
	const cases: Array<[string[], RegExp, string?]> = [
		[['--bogus'], /unknown flag --bogus/],
		[['--target', 'docker,ecs', '-r', 'quay.io', '-u', 'u', '--password-stdin'], /--target ecs: unknown target/, 'pw'],
		[['-r', 'quay.io', '-u', 'a:b', '--password-stdin', '--dry-run'], /--username: Username must not contain ":"/, 'pw'],
		[['-r', 'quay.io:99999', '-u', 'u', '--password-stdin', '--dry-run'], /--registry: Registry "quay.io:99999": the port/, 'pw'],
		[['-r', 'quay.io', '-u', 'u', '--dry-run'], /--password-stdin is required/],
		[['-r', 'quay.io', '-u', 'u', '--password-stdin', '--dry-run'], /--password-stdin: Password or token is required/, ''],
		[['-r', 'quay.io', '-u', 'u', '--password-stdin'], /--yes is required/, 'pw'],
		[['-r', 'a.io', '-r', 'b.io', '-u', 'x', '-u', 'y', '-u', 'z', '--password-stdin'], /--username was given 3 times for 2 registries/, 'pw'],
		[['-r', 'a.io', '-r', 'b.io', '-u', 'x', '--password-stdin', '--dry-run'], /2 registries need 2 passwords on stdin, one per line/, 'only-one'],
		[
			['-t', 'kubernetes', '-r', 'a.io', '-u', 'x', '--password-stdin', '--secret-name', 'Bad_Name', '--dry-run'],
			/--secret-name: Secret name "Bad_Name"/,
			'pw',
		],
		[['--apply', 'everything', '-r', 'a.io'], /--apply everything: expected one of files, commands, both/],
		[['frobnicate'], /unexpected argument "frobnicate"/],
		[['-r', '', '-u', 'u', '--password-stdin', '--dry-run'], /--registry is empty \(an unset variable\?\)/, 'pw'],
		[['-r', 'quay.io', '-u', 'u', '-t', ',', '--password-stdin', '--dry-run'], /--target is empty/, 'pw'],
		[
			['-r', 'quay.io', '-u', 'u', '-t', 'kubernetes', '--image', 'https://Bad Image/x', '--password-stdin', '--no-verify', '--dry-run'],
			/--image: Image "https:\/\/Bad Image\/x" is a URL/,
			'pw',
		],
	];
	for (const [args, expected, input] of cases) {
		const result = await runCli(args, {env, cwd: dir, ...(input === undefined ? {} : {input})});
		assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
		assert.match(result.stderr, expected, args.join(' '));
		assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
	}
});

test('without a terminal and without flags: exit 2 and the headless command is shown', async () => {
	const {env} = setup();
	const result = await runCli([], {env});
	assert.equal(result.code, 2);
	assert.match(result.stderr, /needs a terminal/);
	assert.match(result.stderr, /--password-stdin/);
});

test('--dry-run --json prints the plan with every secret masked and changes nothing', async () => {
	const {env, dir, home} = setup();
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker,kubernetes', '-n', 'web', '--dry-run', '--json'], {
		env,
		cwd: dir,
		input: `${PASSWORD}\n`,
	});
	assert.equal(result.code, 0, result.stderr);
	const output = JSON.parse(result.stdout);
	assert.equal(output.dryRun, true);
	assert.deepEqual(
		output.plan.artifacts.map((artifact: {id: string}) => artifact.id),
		['docker:config', 'kubernetes:secret:web', 'kubernetes:pod-example'],
	);
	assert.equal(output.plan.artifacts[0].mode, '0600');
	for (const secret of [PASSWORD, B64]) {
		assert.ok(!result.stdout.includes(secret), 'no secret in the JSON');
		assert.ok(!result.stderr.includes(secret));
	}
	assert.ok(!result.stdout.includes(Buffer.from(PASSWORD).toString('base64').slice(0, 12)));
	assert.deepEqual(readdirSync(home), [], 'nothing written');
	assert.equal(existsSync(join(dir, 'regauth')), false);
});

test('apply writes docker config.json (0600 in a new 0700 dir) and the manifests, then undo restores', async () => {
	const {env, dir, home} = setup();
	const args = ['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker,kubernetes', '-n', 'web', '--yes'];
	const first = await runCli(args, {env, cwd: dir, input: PASSWORD});
	assert.equal(first.code, 0, first.stderr);
	const config = join(home, '.docker', 'config.json');
	assert.equal(readFileSync(config, 'utf8'), `{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "${B64}"\n\t\t}\n\t}\n}`);
	assert.equal(mode(config), 0o600);
	assert.equal(mode(join(home, '.docker')), 0o700);
	assert.equal(mode(join(dir, 'regauth', 'kubernetes', 'web', 'regcred.secret.yaml')), 0o600);
	assert.ok(!first.stdout.includes(PASSWORD) && !first.stderr.includes(PASSWORD));
	assert.match(first.stderr, /base64-encoded, not encrypted/);

	// The same answers again: nothing changes, no backup.
	const second = await runCli(args, {env, cwd: dir, input: PASSWORD});
	assert.equal(second.code, 0, second.stderr);
	assert.match(second.stdout, /= Docker config.json .* already as planned/);
	assert.deepEqual(readdirSync(join(home, '.docker')), ['config.json']);

	const undo = await runCli(['undo'], {env, cwd: dir});
	assert.equal(undo.code, 0, undo.stderr);
	assert.equal(existsSync(config), false);
	assert.equal(existsSync(join(dir, 'regauth', 'kubernetes', 'web', 'regcred.secret.yaml')), false);
	const again = await runCli(['undo'], {env, cwd: dir});
	assert.match(again.stdout, /Nothing to undo/);
});

test('an existing config is merged, backed up 0600 beside it, and a wide mode tightened', async () => {
	const {env, dir, home} = setup();
	mkdirSync(join(home, '.docker'));
	const config = join(home, '.docker', 'config.json');
	const original = '{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "b2N0bzp4"\n\t\t}\n\t},\n\t"myCustomKey": {"x": 1}\n}';
	writeFileSync(config, original, {mode: 0o644});
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '--yes'], {env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 0, result.stderr);
	const merged = JSON.parse(readFileSync(config, 'utf8'));
	assert.deepEqual(merged.myCustomKey, {x: 1});
	assert.equal(merged.auths['ghcr.io'].auth, 'b2N0bzp4');
	assert.equal(merged.auths['quay.io'].auth, B64);
	assert.equal(mode(config), 0o600);
	const backups = readdirSync(join(home, '.docker')).filter(name => /^config\.json\.regauth-\d{8}T\d{6}Z\.bak$/.test(name));
	assert.equal(backups.length, 1);
	assert.equal(readFileSync(join(home, '.docker', backups[0]!), 'utf8'), original);
	assert.equal(mode(join(home, '.docker', backups[0]!)), 0o600);
	assert.match(result.stdout, /mode tightened to 0600/);

	const undo = await runCli(['undo'], {env, cwd: dir});
	assert.equal(undo.code, 0);
	assert.equal(readFileSync(config, 'utf8'), original);
	assert.equal(mode(config), 0o644, 'undo restores the mode it had');
});

test('a malformed config is refused (exit 1), named with the position, and left byte for byte', async () => {
	const {env, dir, home} = setup();
	mkdirSync(join(home, '.docker'));
	const config = join(home, '.docker', 'config.json');
	const broken = '{"auths": {"quay.io": {"auth": "AbCdEfGhIj"},}}';
	writeFileSync(config, broken, {mode: 0o600});
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '--yes'], {env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 1);
	assert.match(result.stderr, new RegExp(`${config.replaceAll('.', '\\.')} is not valid JSON: .* at line 1, column 46`));
	assert.doesNotMatch(result.stderr, /\n\s+at /);
	assert.equal(readFileSync(config, 'utf8'), broken);
	assert.deepEqual(readdirSync(join(home, '.docker')), ['config.json']);
});

test('--destdir stages machine files under it; --output-dir takes project files', async () => {
	const {env, dir, home} = setup();
	const result = await runCli(
		['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '-t', 'docker,kubernetes', '--destdir', 'rootfs', '--output-dir', 'out', '--yes'],
		{env, cwd: dir, input: PASSWORD},
	);
	assert.equal(result.code, 0, result.stderr);
	assert.ok(existsSync(join(dir, 'rootfs', home, '.docker', 'config.json')));
	assert.ok(existsSync(join(dir, 'out', 'kubernetes', 'current-namespace', 'regcred.secret.yaml')));
	assert.equal(existsSync(join(home, '.docker')), false);
});

test('a symlinked config.json is followed: the link stays, its target is replaced', async () => {
	const {env, dir, home} = setup();
	mkdirSync(join(home, '.docker'));
	mkdirSync(join(dir, 'dotfiles'));
	writeFileSync(join(dir, 'dotfiles', 'docker.json'), '{"auths": {}}', {mode: 0o600});
	const {symlinkSync, lstatSync} = await import('node:fs');
	symlinkSync('../../dotfiles/docker.json', join(home, '.docker', 'config.json'));
	const result = await runCli(['-r', 'quay.io', '-u', 'org+bot', '--password-stdin', '--yes'], {env, cwd: dir, input: PASSWORD});
	assert.equal(result.code, 0, result.stderr);
	assert.ok(lstatSync(join(home, '.docker', 'config.json')).isSymbolicLink());
	assert.match(readFileSync(join(dir, 'dotfiles', 'docker.json'), 'utf8'), new RegExp(B64));
});

test('stdin must be UTF-8 and of a sensible size; the password is never silently changed', async () => {
	const {env, dir} = setup();
	const args = ['-r', 'quay.io', '-u', 'u', '--password-stdin', '--no-verify', '--dry-run'];
	const latin1 = await runCli(args, {env, cwd: dir, input: Buffer.from([0x70, 0xff, 0xfe, 0x71]) as unknown as string});
	assert.equal(latin1.code, 2);
	assert.match(latin1.stderr, /--password-stdin: stdin is not valid UTF-8/);
	const huge = await runCli(args, {env, cwd: dir, input: 'x'.repeat(200 * 1024)});
	assert.equal(huge.code, 2);
	assert.match(huge.stderr, /--password-stdin: more than 64 KiB on stdin/);
});

test('an empty HOME falls back to the account’s home directory, never the working directory', async () => {
	const {dir} = setup();
	const result = await runCli(['-r', 'quay.io', '-u', 'u', '--password-stdin', '--no-verify', '--dry-run', '--json'], {
		env: {PATH: process.env.PATH, HOME: ''},
		cwd: dir,
		input: 'pw',
	});
	assert.equal(result.code, 0, result.stderr);
	const path = JSON.parse(result.stdout).plan.artifacts[0].path as string;
	assert.ok(path.startsWith('/'), path);
	assert.ok(!path.startsWith(dir), path);
});

test('a config with a registry listed twice is refused: editing one would not change what docker reads', async () => {
	const {env, dir, home} = setup();
	mkdirSync(join(home, '.docker'));
	const config = join(home, '.docker', 'config.json');
	const text = '{"auths": {"quay.io": {"auth": "b2xkOjE="}, "quay.io": {"auth": "b2xkOjI="}}}';
	writeFileSync(config, text, {mode: 0o600});
	const result = await runCli(['-r', 'quay.io', '-u', 'new', '--password-stdin', '--no-verify', '--yes'], {env, cwd: dir, input: 'pw'});
	assert.equal(result.code, 1);
	assert.match(result.stderr, /"quay\.io" appears twice in one object/);
	assert.equal(readFileSync(config, 'utf8'), text);
});

test('replacing a login keeps the other fields of its entry (email, custom keys)', async () => {
	const {env, dir, home} = setup();
	mkdirSync(join(home, '.docker'));
	const config = join(home, '.docker', 'config.json');
	writeFileSync(config, '{"auths": {"quay.io": {"auth": "b2xkOjE=", "email": "me@x.io", "x-custom": 1}}}', {mode: 0o600});
	const result = await runCli(['-r', 'quay.io', '-u', 'new', '--password-stdin', '--no-verify', '--yes'], {env, cwd: dir, input: 'pw'});
	assert.equal(result.code, 0, result.stderr);
	assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')).auths['quay.io'], {
		email: 'me@x.io',
		'x-custom': 1,
		auth: Buffer.from('new:pw').toString('base64'),
	});
});
