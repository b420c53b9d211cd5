// `regauth doctor` as a user runs it: the usual files from the environment, files given on the
// command line, text with a fix per problem, --json for scripts, exit 0 healthy / 1 problems.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statfsSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {requireProgram} from '../support/programs.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

function setup() {
	const dir = tempDir();
	const dockerDir = join(dir, 'docker');
	const bin = join(dir, 'bin');
	mkdirSync(dockerDir, {recursive: true});
	mkdirSync(bin);
	symlinkSync(
		requireProgram('docker-credential-secretservice', 'apt-get install golang-docker-credential-helpers (see .ci/run)'),
		join(bin, 'docker-credential-secretservice'),
	);
	const env = cleanEnv(join(dir, 'home'), {DOCKER_CONFIG: dockerDir, XDG_RUNTIME_DIR: join(dir, 'run'), PATH: bin});
	return {dir, config: join(dockerDir, 'config.json'), env};
}

test('healthy: nothing stored yet, or everything behind an installed helper → exit 0', async () => {
	const {config, env} = setup();
	const empty = await runCli(['doctor'], {env});
	assert.equal(empty.code, 0, empty.stdout);
	assert.match(empty.stdout, /^Checked\n {2}\S+\/docker\/config\.json {2}\(docker config, not present\)\n/);
	assert.match(empty.stdout, /\n✓ No problems found\.\n$/);
	writeFileSync(config, JSON.stringify({auths: {'quay.io': {}}, credsStore: 'secretservice'}), {mode: 0o600});
	const routed = await runCli(['doctor', '--json'], {env});
	assert.equal(routed.code, 0, routed.stdout);
	const json = JSON.parse(routed.stdout);
	assert.equal(json.ok, true);
	assert.deepEqual(json.findings, []);
	assert.deepEqual(json.files[0], {path: config, role: 'docker', kind: 'auth-file'});
});

test('problems: each with its fix, exit 1; --json carries the same; no secret printed', async () => {
	const {dir, config, env} = setup();
	writeFileSync(
		config,
		JSON.stringify({
			auths: {'https://registry.example.io/v0/': {auth: 'AbCdEfGhIj'}, 'quay.io': {auth: auth('myorg+bot', 'quay-secret-1')}},
			credsStore: 'desktop',
		}),
		{mode: 0o644},
	);
	const secretDir = join(dir, 'manifests');
	mkdirSync(secretDir);
	requireProgram('kubectl', 'kubectl comes with CI’s machine image (see .ci/run)');
	const storeConfig = join(secretDir, 'store.json');
	writeFileSync(storeConfig, JSON.stringify({auths: {'ghcr.io': {}}, credsStore: 'desktop'}));
	const yaml = execFileSync(
		'kubectl',
		[
			'create',
			'secret',
			'generic',
			'regcred',
			'--type=kubernetes.io/dockerconfigjson',
			`--from-file=.dockerconfigjson=${storeConfig}`,
			'--dry-run=client',
			'-o',
			'yaml',
		],
		{
			encoding: 'utf8',
			env: {...process.env, KUBECONFIG: join(dir, 'none')},
		},
	);
	writeFileSync(join(secretDir, 'regcred.yaml'), yaml);

	const result = await runCli(['doctor', 'manifests/regcred.yaml'], {env, cwd: dir});
	assert.equal(result.code, 1);
	assert.ok(!result.stdout.includes('quay-secret-1') && !result.stdout.includes(auth('myorg+bot', 'quay-secret-1')));
	const lines = result.stdout.split('\n');
	const problems = lines.filter(line => /^[✗!] /.test(line));
	assert.deepEqual(
		problems.map(line => line.replace(dir, 'DIR')),
		[
			'✗ DIR/docker/config.json: the credential helper "desktop" is named for "credsStore" (every registry), but docker-credential-desktop is not on PATH: docker fails every login and pull through it',
			'✗ DIR/docker/config.json: "auths"."https://registry.example.io/v0/"."auth" is not base64 of "user:password" (illegal base64 data at input byte 8); docker warns "Error parsing config file" and ignores the rest of the file',
			'! DIR/docker/config.json: "auths"."quay.io" holds a password in clear, but credsStore sends quay.io to docker-credential-desktop, so docker ignores the file\'s copy (a login written into the file has no effect)',
			'✗ DIR/docker/config.json: is readable by other users (mode 0644) and holds passwords',
			'✗ DIR/manifests/regcred.yaml: Secret regcred: no registry in it has a password (ghcr.io is an empty entry): it looks built from a docker config whose passwords live in a credential helper, and Kubernetes cannot run helpers',
		],
	);
	for (const line of problems) assert.match(lines[lines.indexOf(line) + 1]!, /^ {4}fix: \S/, `a fix follows: ${line}`);
	assert.match(result.stdout, /\n5 problems \(4 errors, 1 warning\)\.\n$/);

	const json = await runCli(['doctor', '--json', join(secretDir, 'regcred.yaml')], {env});
	assert.equal(json.code, 1);
	const parsed = JSON.parse(json.stdout);
	assert.equal(parsed.ok, false);
	assert.deepEqual(
		parsed.findings.map((finding: {id: string}) => finding.id),
		['helper-missing', 'auth-undecodable', 'ignored-auth', 'readable-by-others', 'secret-no-credentials'],
	);
	assert.ok(parsed.findings.every((finding: {fix: string; level: string}) => finding.fix.length > 0 && ['error', 'warning'].includes(finding.level)));
	assert.ok(!json.stdout.includes('quay-secret-1'));
});

test('a podman auth file on tmpfs (XDG_RUNTIME_DIR) with logins nowhere else', async () => {
	const {env} = setup();
	// /dev/shm is tmpfs on Linux, as /run/user/<uid> is on a desktop.
	const TMPFS = 0x01021994;
	assert.equal(statfsSync('/dev/shm').type, TMPFS, '/dev/shm must be tmpfs for this test');
	const runtime = mkdtempSync('/dev/shm/regauth-test-');
	after(() => rmSync(runtime, {recursive: true, force: true}));
	mkdirSync(join(runtime, 'containers'), {mode: 0o700});
	writeFileSync(join(runtime, 'containers', 'auth.json'), JSON.stringify({auths: {'quay.io': {auth: auth('bot', 'pw')}}}), {mode: 0o600});
	const result = await runCli(['doctor', '--json'], {env: {...env, XDG_RUNTIME_DIR: runtime}});
	assert.equal(result.code, 1);
	const findings = JSON.parse(result.stdout).findings as Array<{id: string; path: string; message: string; fix: string}>;
	assert.deepEqual(
		findings.map(finding => finding.id),
		['plain-text', 'tmpfs'],
	);
	assert.equal(findings[1]!.path, join(runtime, 'containers', 'auth.json'));
	assert.equal(findings[1]!.message, 'is on tmpfs: the login for quay.io is lost at reboot (no persistent file has it)');
	assert.match(
		findings[1]!.fix,
		/^Keep a copy podman also reads: install -D -m 600 \/dev\/shm\/\S+\/containers\/auth\.json \S+\/home\/\.config\/containers\/auth\.json$/,
	);
});

test('doctor takes its own flags only', async () => {
	const {env} = setup();
	const registry = await runCli(['doctor', '--registry', 'quay.io'], {env});
	assert.equal(registry.code, 2);
	assert.equal(registry.stderr, 'regauth: --registry does not apply to regauth doctor; it takes FILE…, --json, --fix, --keychain NAME and --dry-run.\n');
	const fix = await runCli(['--fix'], {env});
	assert.equal(fix.code, 2);
	assert.equal(fix.stderr, 'regauth: --fix belongs to regauth doctor: run regauth doctor --fix.\n');
	const help = await runCli(['--help'], {env});
	assert.match(help.stdout, /regauth doctor \[FILE\.\.\.\]/);
	assert.match(help.stdout, /--verify=strict/);
});
