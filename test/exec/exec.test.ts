// regauth exec against a real registry (Debian's docker-registry) with the real skopeo and docker
// CLI as the commands: the login works for the command, and afterwards nothing of it is left in
// HOME, the temp dir or $XDG_RUNTIME_DIR — after success, failure, signals, and a SIGKILL.
import assert from 'node:assert/strict';
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {CLI, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {type Lab, leaks, machine, privateDirs, registryLab} from './lab.js';

// At the top level: after() hooks registered here (stopping the registry) run when the file ends.
const lab: Lab = await registryLab(tempDir());

const login = () => ['exec', '-r', lab.registry.host, '-u', lab.registry.username, '--password-stdin'];
const inspect = (reference = lab.reference) => `skopeo inspect --tls-verify=false docker://${reference}`;

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

/** regauth exec -- sh writing its pid, then sleeping: returns regauth's process and the sleeper's pid. */
async function startSleeper(env: NodeJS.ProcessEnv, home: string): Promise<{regauth: ChildProcess; child: number; exit: Promise<number | null>}> {
	const pidFile = join(home, `child-${Date.now()}-${Math.random()}.pid`);
	const regauth = spawn(process.execPath, [CLI, ...login(), '--', 'sh', '-c', `echo $$ > "${pidFile}"; exec sleep 30`], {
		env,
		stdio: ['pipe', 'ignore', 'pipe'],
	});
	regauth.stdin!.end(`${lab.registry.password}\n`);
	const exit = new Promise<number | null>(resolve => regauth.once('exit', (code, signal) => resolve(signal ? -1 : code)));
	const child = await waitFor('the command to start', () =>
		existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '' ? Number(readFileSync(pidFile, 'utf8')) : undefined,
	);
	return {regauth, child, exit};
}

test('exec -- skopeo inspect pulls with the login; the private directory was 0700 with 0600 files, and nothing is left', async () => {
	const m = machine(tempDir());
	const script = `stat -c '%a %n' "$DOCKER_CONFIG" "$DOCKER_CONFIG/config.json" "$REGISTRY_AUTH_FILE" && ${inspect()}`;
	const run = await runCli([...login(), '--', 'sh', '-c', script], {input: `${lab.registry.password}\n`, env: m.env});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, new RegExp(`"Digest": "${lab.digest}"`));
	const [dir, config, auth] = run.stdout.split('\n').slice(0, 3);
	assert.match(dir!, new RegExp(`^700 ${m.runtime}/regauth-exec-`), 'under $XDG_RUNTIME_DIR, 0700');
	assert.match(config!, /^600 .*\/config\.json$/);
	assert.match(auth!, /^600 .*\/auth\.json$/);
	assert.match(run.stderr, /regauth exec: logged in to 127\.0\.0\.1:\d+ for sh \(private config in .*, removed when it ends\)/);
	assert.ok(!run.stdout.includes(lab.registry.password) && !run.stderr.includes(lab.registry.password));
	assert.deepEqual(privateDirs(m), []);
	assert.deepEqual(leaks(m, lab.registry), []);
});

test('exec without $XDG_RUNTIME_DIR uses the temp dir', async () => {
	const m = machine(tempDir());
	const env = {...m.env};
	delete env.XDG_RUNTIME_DIR;
	const run = await runCli([...login(), '--', 'sh', '-c', 'echo "$DOCKER_CONFIG"'], {input: lab.registry.password, env});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, new RegExp(`^${m.tmp}/regauth-exec-`));
	assert.deepEqual(privateDirs(m), []);
});

test('exec logs in to several registries at once, one password per line', async () => {
	const dir = tempDir();
	const second = await registryLab(dir, {username: 'other', password: 'second-Pa55word'});
	const m = machine(dir);
	const run = await runCli(
		[
			'exec',
			'-r',
			lab.registry.host,
			'-r',
			second.registry.host,
			'-u',
			lab.registry.username,
			'-u',
			'other',
			'--password-stdin',
			'--',
			'sh',
			'-c',
			`${inspect()} && ${inspect(second.reference)}`,
		],
		{input: `${lab.registry.password}\nsecond-Pa55word\n`, env: m.env},
	);
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stdout.match(/"Digest"/g)?.length, 2);
	assert.deepEqual(privateDirs(m), []);
	assert.deepEqual([...leaks(m, lab.registry), ...leaks(m, second.registry)], []);
});

test("exec exits with the command's status: 7, 127 for a missing program, 128+N for a signal death", async () => {
	const m = machine(tempDir());
	const seven = await runCli([...login(), '--', 'sh', '-c', 'exit 7'], {input: lab.registry.password, env: m.env});
	assert.equal(seven.code, 7, seven.stderr);
	const missing = await runCli([...login(), '--', 'no-such-program-regauth'], {input: lab.registry.password, env: m.env});
	assert.equal(missing.code, 127);
	assert.match(missing.stderr, /no-such-program-regauth: command not found/);
	const killed = await runCli([...login(), '--', 'sh', '-c', 'kill -TERM $$'], {input: lab.registry.password, env: m.env});
	assert.equal(killed.code, 143);
	assert.deepEqual(privateDirs(m), []);
	assert.deepEqual(leaks(m, lab.registry), []);
});

test('DOCKER_AUTH_CONFIG (docker 28.3+ reads it before any config file) is kept from the command, and regauth says so', async () => {
	const m = machine(tempDir());
	const shadow = JSON.stringify({auths: {[lab.registry.host]: {auth: Buffer.from('someone:else').toString('base64')}}});
	// Split so the ${…} reads as shell, not as a JS template placeholder.
	const script = 'test -z "$' + '{DOCKER_AUTH_CONFIG+set}" && echo DOCKER_AUTH_CONFIG=unset';
	const run = await runCli([...login(), '--', 'sh', '-c', script], {
		input: lab.registry.password,
		env: {...m.env, DOCKER_AUTH_CONFIG: shadow},
	});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stdout, 'DOCKER_AUTH_CONFIG=unset\n');
	assert.match(run.stderr, /DOCKER_AUTH_CONFIG is set; the command runs without it/);
});

test('wrong credentials: exit 1 before the command runs, nothing written', async () => {
	const m = machine(tempDir());
	const marker = join(m.home, 'ran');
	const run = await runCli([...login(), '--', 'touch', marker], {input: 'not-the-password', env: m.env});
	assert.equal(run.code, 1);
	assert.match(run.stderr, /rejected|denied|wrong|unauthori[sz]ed/i);
	assert.equal(existsSync(marker), false, 'the command must not run');
	assert.deepEqual(privateDirs(m), []);
});

for (const [signal, code] of [
	['SIGTERM', 143],
	['SIGINT', 130],
	['SIGHUP', 129],
] as const) {
	test(`${signal} to regauth during -- sleep 30: forwarded, the command stops, regauth exits ${code} and leaves nothing`, async () => {
		const m = machine(tempDir());
		const started = Date.now();
		const {regauth, child, exit} = await startSleeper(m.env, m.home);
		assert.equal(privateDirs(m).length, 1);
		regauth.kill(signal);
		assert.equal(await exit, code);
		assert.ok(Date.now() - started < 15_000, 'stopped long before sleep 30 would end');
		await waitFor('the command to be gone', () => (alive(child) ? undefined : true), 5000);
		assert.deepEqual(privateDirs(m), []);
		assert.deepEqual(leaks(m, lab.registry), []);
	});
}

test("after a SIGKILL the next run removes the dead run's directory, and keeps a live run's", async () => {
	const m = machine(tempDir());
	const live = await startSleeper(m.env, m.home);
	const [liveDir] = privateDirs(m);
	const killed = await startSleeper(m.env, m.home);
	const stale = privateDirs(m).find(dir => dir !== liveDir)!;
	killed.regauth.kill('SIGKILL');
	await killed.exit;
	process.kill(killed.child, 'SIGKILL'); // the orphaned command; the directory stays behind
	assert.ok(existsSync(stale), 'SIGKILL leaves the directory');
	assert.notDeepEqual(leaks(m, lab.registry), [], 'and the secret in it: what the sweep is for');

	const next = await runCli([...login(), '--', 'true'], {input: lab.registry.password, env: m.env});
	assert.equal(next.code, 0, next.stderr);
	assert.match(next.stderr, new RegExp(`removed ${stale}, left by a regauth exec that was killed`));
	assert.equal(existsSync(stale), false);
	assert.equal(existsSync(liveDir!), true, 'a running exec keeps its directory');

	// Any regauth run sweeps, not only the next exec: here `status --json` (stdout stays JSON).
	const killedAgain = await startSleeper(m.env, m.home);
	const staleAgain = privateDirs(m).find(dir => dir !== liveDir)!;
	killedAgain.regauth.kill('SIGKILL');
	await killedAgain.exit;
	process.kill(killedAgain.child, 'SIGKILL');
	const status = await runCli(['status', '--json'], {env: m.env});
	assert.match(status.stderr, new RegExp(`regauth status: removed ${staleAgain}, left by a regauth exec that was killed`));
	assert.doesNotThrow(() => JSON.parse(status.stdout));
	assert.equal(existsSync(staleAgain), false);
	assert.equal(existsSync(liveDir!), true);

	live.regauth.kill('SIGTERM');
	assert.equal(await live.exit, 143);
	assert.deepEqual(privateDirs(m), []);
	assert.deepEqual(leaks(m, lab.registry), []);
});

test('--inherit: the user config (credsStore, other logins, plugin dirs) comes along; the user files stay byte for byte', async () => {
	const m = machine(tempDir());
	const dockerDir = join(m.home, '.docker');
	mkdirSync(join(dockerDir, 'cli-plugins'), {recursive: true});
	// credsStore secretservice with no D-Bus session: had docker asked the helper for this
	// registry, it would have failed. Docker must read the login from the private file.
	const dockerText = `{\n\t"auths": {\n\t\t"other.example:5000": {\n\t\t\t"auth": "${encodeAuth('o', 'x')}"\n\t\t}\n\t},\n\t"credsStore": "secretservice"\n}`;
	writeFileSync(join(dockerDir, 'config.json'), dockerText, {mode: 0o600});
	const podmanDir = join(m.home, '.config', 'containers');
	mkdirSync(podmanDir, {recursive: true});
	const podmanText = JSON.stringify({auths: {'podman-only.example': {auth: encodeAuth('p', 'y')}}, credHelpers: {[lab.registry.host]: 'secretservice'}});
	writeFileSync(join(podmanDir, 'auth.json'), podmanText, {mode: 0o600});

	const script = [
		// docker login (no daemon here, so it fails afterwards) first says whose stored login it
		// found: only from the file, as a failing helper counts as "nothing stored" for it.
		`{ docker login ${lab.registry.host} </dev/null 2>&1 || true; } | grep -c 'Authenticating with existing credentials... \\[Username: ${lab.registry.username}\\]'`,
		`docker manifest inspect --insecure ${lab.reference} >/dev/null`,
		inspect(),
		`grep -c other.example:5000 "$DOCKER_CONFIG/config.json"`,
		'grep -c podman-only.example "$REGISTRY_AUTH_FILE"',
		'grep -c other.example:5000 "$REGISTRY_AUTH_FILE"',
		'readlink "$DOCKER_CONFIG/cli-plugins"',
	].join(' && ');
	const run = await runCli([...login(), '--inherit', '--', 'sh', '-c', script], {input: lab.registry.password, env: m.env});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stdout, new RegExp(`"Digest": "${lab.digest}"`));
	assert.match(run.stdout, new RegExp(`^1\\n[^]*\\n1\\n1\\n1\\n${join(dockerDir, 'cli-plugins')}\\n$`));
	assert.equal(readFileSync(join(dockerDir, 'config.json'), 'utf8'), dockerText);
	assert.equal(readFileSync(join(podmanDir, 'auth.json'), 'utf8'), podmanText);
	assert.deepEqual(privateDirs(m), []);
	assert.ok(lstatSync(join(dockerDir, 'cli-plugins')).isDirectory(), 'removing the private directory removed only the link');
	assert.deepEqual(leaks(m, lab.registry), []);
});

test('bad usage exits 2 with the flag and the fix, before reading the secret or running anything', async () => {
	const m = machine(tempDir());
	const cases: Array<[string[], RegExp]> = [
		[[...login(), '--keychain', 'regauth', '--', 'true'], /--keychain does not apply to regauth exec: .*nothing is stored in a keychain/],
		[[...login(), '-t', 'docker', '--', 'true'], /--target does not apply to regauth exec/],
		[login(), /regauth exec needs the command after --/],
		[[...login(), '--'], /regauth exec needs the command after --/],
		[['exec', '-r', lab.registry.host, '-u', 'u', '--', 'true'], /--password-stdin is required/],
		[['-r', lab.registry.host, '--inherit', '--yes'], /--inherit belongs to regauth exec/],
		[['exec', 'doctor', '-r', lab.registry.host, '--', 'true'], /unexpected argument "doctor" before --/],
		[['-r', lab.registry.host, 'exec', '--', 'true'], /exec comes first: regauth exec \[flags\] -- COMMAND/],
	];
	for (const [args, message] of cases) {
		const run = await runCli(args, {input: lab.registry.password, env: m.env});
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.match(run.stderr, message);
		assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
	}
	assert.deepEqual(readdirSync(m.runtime), []);
});
