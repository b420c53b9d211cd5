// The built CLI applying the rkt, mesos, butane and podman targets with --yes into temp
// directories (HOME, --output-dir, --destdir), and --import reading Quay robot files.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {readButane, readIgnition} from '../support/ignition.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const TOKEN = 'TOKEN-4QX9-s3cret';
const mode = (path: string) => statSync(path).mode & 0o7777;
const fixture = (name: string) => new URL(`../import/fixtures/${name}`, import.meta.url).pathname;

function setup() {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	return {dir, home, env: cleanEnv(home)};
}

test('rkt, mesos, butane and podman applied with --yes: every file, mode and byte that matters', async () => {
	const {dir, home, env} = setup();
	const run = await runCli(
		['-r', 'quay.io', '-u', 'myorg+robot', '--password-stdin', '-t', 'rkt,mesos,butane,podman', '--butane-rkt', '-o', 'out', '--destdir', 'root', '--yes'],
		{
			input: `${TOKEN}\n`,
			env,
			cwd: dir,
		},
	);
	assert.equal(run.code, 0, run.stderr);
	assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN));
	const auth = encodeAuth('myorg+robot', TOKEN);

	const rkt = join(dir, 'root/etc/rkt/auth.d/quay.io.json');
	assert.equal(mode(rkt), 0o600);
	assert.equal(mode(join(dir, 'root/etc/rkt/auth.d')), 0o755);
	assert.deepEqual(JSON.parse(readFileSync(rkt, 'utf8')), {
		rktKind: 'dockerAuth',
		rktVersion: 'v1',
		registries: ['quay.io'],
		credentials: {user: 'myorg+robot', password: TOKEN},
	});

	const podman = join(dir, 'root', home, '.config/containers/auth.json');
	assert.equal(mode(podman), 0o600);
	assert.equal(readFileSync(podman, 'utf8'), `{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t}\n}`);

	const archive = join(dir, 'out/mesos/docker.tar.gz');
	assert.equal(mode(archive), 0o600);
	assert.equal(mode(join(dir, 'out/mesos')), 0o700);
	const listing = execFileSync('tar', ['-tzvf', archive], {encoding: 'utf8'});
	assert.match(listing, /^drwx------ root\/root +0 [\d-]+ [\d:]+ \.docker\/$/m);
	assert.match(listing, /^-rw------- root\/root +\d+ [\d-]+ [\d:]+ \.docker\/config\.json$/m);
	const app = join(dir, 'out/mesos/marathon-app.json');
	assert.equal(mode(app), 0o644);
	assert.deepEqual(JSON.parse(readFileSync(app, 'utf8')).fetch, [{uri: 'file:///etc/docker.tar.gz'}]);

	const bu = join(dir, 'out/flatcar/registry-auth.bu');
	const ign = join(dir, 'out/flatcar/registry-auth.ign');
	assert.equal(mode(bu), 0o600);
	assert.equal(mode(ign), 0o600);
	const butane = readButane(readFileSync(bu, 'utf8'));
	assert.deepEqual(readIgnition(readFileSync(ign, 'utf8')), butane);
	assert.deepEqual(
		butane.files.map(file => [file.path, file.mode, file.user ?? 'root']),
		[
			['/home/core/.docker/config.json', 0o600, 'core'],
			['/etc/rkt/auth.d/quay.io.json', 0o600, 'root'],
		],
	);
	assert.equal(JSON.parse((butane.files[0]!.contents as {bytes: string}).bytes).auths['quay.io'].auth, auth);
	assert.match(run.stderr, /warning: The Butane and Ignition files contain the registry password/);

	// Applying the same again: the deterministic archive and everything else stay as they are.
	const again = await runCli(['-r', 'quay.io', '-u', 'myorg+robot', '--password-stdin', '-t', 'mesos,butane', '--butane-rkt', '-o', 'out', '--yes'], {
		input: TOKEN,
		env,
		cwd: dir,
	});
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stdout, /^= docker\.tar\.gz for the Mesos fetcher .*already as planned/m);
	assert.match(again.stdout, /^= Ignition config/m);
});

test('podman merges into an existing auth.json in HOME: unknown keys and other registries survive', async () => {
	const {dir, home, env} = setup();
	const file = join(home, '.config/containers/auth.json');
	mkdirSync(join(home, '.config/containers'), {recursive: true});
	const before = '{\n  "auths": {\n    "ghcr.io": {"auth": "b2N0bzpwYXQ="}\n  },\n  "x-custom": {"keep": true}\n}\n';
	writeFileSync(file, before, {mode: 0o640});
	const run = await runCli(['-r', 'docker.io', '-u', 'alice', '--password-stdin', '-t', 'podman', '--yes'], {input: TOKEN, env, cwd: dir});
	assert.equal(run.code, 0, run.stderr);
	const doc = JSON.parse(readFileSync(file, 'utf8'));
	assert.deepEqual(doc['x-custom'], {keep: true});
	assert.deepEqual(doc.auths, {'ghcr.io': {auth: 'b2N0bzpwYXQ='}, 'docker.io': {auth: encodeAuth('alice', TOKEN)}});
	assert.equal(mode(file), 0o600, 'tightened from 0640');
	assert.match(run.stdout, /backup: /);
});

test('butane remote: the hosted file, and a config that holds only its URL and sha512', async () => {
	const {dir, env} = setup();
	const url = 'https://cfg.example.com/flatcar/config.json';
	const run = await runCli(
		['-r', 'quay.io', '-u', 'myorg+robot', '--password-stdin', '-t', 'butane', '--butane-version', '1.1.0', '--butane-remote-url', url, '-o', 'out', '--yes'],
		{
			input: TOKEN,
			env,
			cwd: dir,
		},
	);
	assert.equal(run.code, 0, run.stderr);
	const hosted = readFileSync(join(dir, 'out/flatcar/hosted/config.json'));
	assert.equal(mode(join(dir, 'out/flatcar/hosted/config.json')), 0o600);
	const bu = readFileSync(join(dir, 'out/flatcar/registry-auth.bu'), 'utf8');
	const ign = readFileSync(join(dir, 'out/flatcar/registry-auth.ign'), 'utf8');
	assert.equal(mode(join(dir, 'out/flatcar/registry-auth.bu')), 0o644);
	assert.ok(!bu.includes(encodeAuth('myorg+robot', TOKEN)) && !ign.includes(encodeAuth('myorg+robot', TOKEN)));
	assert.deepEqual(readButane(bu).files[0]!.contents, {source: url, hash: `sha512-${createHash('sha512').update(hosted).digest('hex')}`});
	assert.equal(JSON.parse(ign).ignition.version, '3.4.0');
	assert.deepEqual(readIgnition(ign), readButane(bu));
});

test('--import: each Quay robot file fills registry, user and token without --password-stdin', async () => {
	for (const name of ['myorg-robot-auth.json', 'myorg-robot-secret.yml', 'myorg-robot-rkt-auth.json', 'docker-login.txt', 'podman-login.txt']) {
		const {dir, home, env} = setup();
		const run = await runCli(['--import', fixture(name), '-t', 'podman', '--yes'], {env, cwd: dir});
		assert.equal(run.code, 0, `${name}: ${run.stderr}`);
		assert.match(run.stderr, new RegExp(`--import .*${name.replace('.', '\\.')}: found .*quay\\.io as myorg\\+robot`));
		const doc = JSON.parse(readFileSync(join(home, '.config/containers/auth.json'), 'utf8'));
		assert.equal(Buffer.from(doc.auths['quay.io'].auth, 'base64').toString(), `myorg+robot:0FAKE1TOKEN2FOR3TESTS4ONLY5ABCDEFGHIJKLMNOPQRSTUVWXYZ6789ABCDEFG`);
		assert.ok(!run.stderr.includes('0FAKE1TOKEN2') && !run.stdout.includes('0FAKE1TOKEN2'));
	}
	// '-' reads the file from stdin
	const {dir, env} = setup();
	const piped = await runCli(['--import', '-', '-t', 'rkt', '--destdir', 'root', '--yes'], {
		input: readFileSync(fixture('docker-login.txt'), 'utf8'),
		env,
		cwd: dir,
	});
	assert.equal(piped.code, 0, piped.stderr);
	assert.match(piped.stderr, /--import -: found a docker login command/);
	assert.equal(JSON.parse(readFileSync(join(dir, 'root/etc/rkt/auth.d/quay.io.json'), 'utf8')).credentials.user, 'myorg+robot');
});

test('bad --import use and bad runtime flags exit 2 with a message naming the flag', async () => {
	const {dir, env} = setup();
	writeFileSync(join(dir, 'partial.json'), '{"auths": {"quay.io": {"email": ""}}}');
	const cases: Array<[string[], RegExp, string?]> = [
		[['--import', join(dir, 'missing.json'), '-t', 'podman', '--yes'], /--import .*missing\.json: no such file/],
		[['--import', join(dir, 'partial.json'), '-t', 'podman', '--yes'], /--import: .*partial\.json: .*"quay\.io" has no credentials/],
		[['--import', dir, '-t', 'podman', '--yes'], /is a directory/],
		[['--import', fixture('docker-login.txt'), '--password-stdin', '-t', 'podman'], /drop --password-stdin/, TOKEN],
		[['--import', fixture('docker-login.txt'), '-r', 'quay.io', '-t', 'podman'], /drop --registry/],
		[['-r', 'quay.io', '-u', 'u', '--password-stdin', '-t', 'rkt', '--rkt-kind', 'oauth'], /--rkt-kind oauth: expected one of dockerAuth, auth/, TOKEN],
		[
			['-r', 'quay.io', '-u', 'u', '--password-stdin', '-t', 'butane', '--butane-version', '2.0.0'],
			/--butane-version 2\.0\.0: expected one of 1\.0\.0, 1\.1\.0/,
			TOKEN,
		],
		[
			['-r', 'quay.io', '-u', 'u', '--password-stdin', '-t', 'mesos', '--marathon-uri', 'file:///etc/creds.zip', '--dry-run'],
			/--marathon-uri: .*\.tar\.gz or \.tgz/,
			TOKEN,
		],
		[
			['-r', 'quay.io', '-u', 'u', '--password-stdin', '-t', 'butane', '--butane-remote-url', 'ftp://x/c.json', '--dry-run'],
			/--butane-remote-url: .*https/,
			TOKEN,
		],
	];
	for (const [args, message, input] of cases) {
		const run = await runCli(args, {env, cwd: dir, ...(input ? {input} : {})});
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.match(run.stderr, message);
		assert.ok(!run.stderr.includes('    at '), 'no stack trace');
	}
});

test('--dry-run --json lists the archive entries and masked contents, and writes nothing', async () => {
	const {dir, env} = setup();
	const run = await runCli(['-r', 'quay.io', '-u', 'myorg+robot', '--password-stdin', '-t', 'mesos,butane', '-o', 'out', '--dry-run', '--json'], {
		input: TOKEN,
		env,
		cwd: dir,
	});
	assert.equal(run.code, 0, run.stderr);
	assert.ok(!run.stdout.includes(TOKEN) && !run.stdout.includes(encodeAuth('myorg+robot', TOKEN)));
	const {plan} = JSON.parse(run.stdout);
	const archive = plan.artifacts.find((a: {id: string}) => a.id === 'mesos:archive');
	assert.deepEqual(
		archive.entries.map((e: {name: string; mode: number}) => [e.name, e.mode]),
		[
			['.docker/', 0o700],
			['.docker/config.json', 0o600],
		],
	);
	assert.equal(archive.mode, '0600');
	assert.match(plan.headless, /--target mesos,butane/);
	assert.throws(() => statSync(join(dir, 'out')), /ENOENT/);
});
