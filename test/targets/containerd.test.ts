// The containerd target, end to end: regauth writes under --destdir, then the real containerd
// (Debian's package) reads the result with `containerd --config … config dump`, which prints the
// final configuration with imports merged, without a daemon.
import assert from 'node:assert/strict';
import {execFile, execFileSync, spawn} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {promisify} from 'node:util';
import {parse} from 'smol-toml';
import {defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const PASSWORD = 'c0ntainerd "token" \\ with # and ü';

type Dump = {plugins: Record<string, {sandbox_image?: string; registry: {config_path?: string; configs: Record<string, {auth?: Record<string, string>}>}}>};

/**
 * `config dump` of the main file under the staging root. The imports line names the node's path
 * (/etc/containerd/conf.d); here it is pointed into the staging root, nothing else is changed.
 */
function dump(root: string): Dump {
	requireProgram('containerd', 'apt-get install containerd (see .ci/run)');
	const main = join(root, 'etc/containerd/config.toml');
	const rooted = join(root, 'dump-config.toml');
	writeFileSync(rooted, readFileSync(main, 'utf8').replaceAll('"/etc/containerd/conf.d/', `"${join(root, 'etc/containerd/conf.d')}/`));
	return plain(execFileSync('containerd', ['--config', rooted, 'config', 'dump'], {encoding: 'utf8'})) as Dump;
}

/** smol-toml's tables have no prototype; plain copies compare with deepEqual. */
const plain = (text: string): unknown => JSON.parse(JSON.stringify(parse(text)));

async function regauth(root: string, extra: string[], registries = ['registry.example.com:5000']) {
	const dir = tempDir();
	mkdirSync(join(dir, 'home'));
	const args = registries.flatMap(registry => ['-r', registry]);
	const result = await runCli([...args, '-u', 'robot', '--password-stdin', '-t', 'containerd', '--destdir', root, '--no-verify', '--yes', ...extra], {
		env: cleanEnv(join(dir, 'home')),
		cwd: dir,
		input: registries.map(() => PASSWORD).join('\n'),
	});
	assert.equal(result.code, 0, result.stdout + result.stderr);
	return result;
}

test('a node without config.toml: a drop-in plus the imports line, and containerd 1.6 reads the auth', async () => {
	const root = tempDir();
	await regauth(root, [], ['registry.example.com:5000', 'docker.io']);
	const dropIn = join(root, 'etc/containerd/conf.d/50-regauth-registry-auth.toml');
	assert.equal(statSync(dropIn).mode & 0o777, 0o600, 'the drop-in holds a password');
	assert.match(readFileSync(join(root, 'etc/containerd/config.toml'), 'utf8'), /^version = 2\nimports = \["\/etc\/containerd\/conf\.d\/\*\.toml"\]\n$/);
	const configs = dump(root).plugins['io.containerd.grpc.v1.cri']!.registry.configs;
	assert.deepEqual(configs['registry.example.com:5000']?.auth, {username: 'robot', password: PASSWORD, auth: '', identitytoken: ''});
	assert.equal(configs['registry-1.docker.io']?.auth?.username, 'robot', 'Docker Hub under the host containerd contacts');
});

test('a second run for another registry keeps the first one’s auth in the drop-in', async () => {
	const root = tempDir();
	await regauth(root, [], ['one.example.com']);
	await regauth(root, [], ['two.example.com']);
	const configs = dump(root).plugins['io.containerd.grpc.v1.cri']!.registry.configs;
	assert.deepEqual(Object.keys(configs).sort(), ['one.example.com', 'two.example.com']);
});

test('config.toml with its own CRI section: the auth appended in place, every other setting kept, the file 0600', async () => {
	const root = tempDir();
	mkdirSync(join(root, 'etc/containerd'), {recursive: true});
	const admin = '# managed by the platform team\nversion = 2\n\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.9"\n';
	writeFileSync(join(root, 'etc/containerd/config.toml'), admin, {mode: 0o644});
	const result = await regauth(root, []);
	const text = readFileSync(join(root, 'etc/containerd/config.toml'), 'utf8');
	assert.ok(text.startsWith(admin), 'every byte of the administrator’s file kept');
	assert.equal(statSync(join(root, 'etc/containerd/config.toml')).mode & 0o777, 0o600);
	const cri = dump(root).plugins['io.containerd.grpc.v1.cri']!;
	assert.equal(cri.sandbox_image, 'registry.k8s.io/pause:3.9');
	assert.equal(cri.registry.configs['registry.example.com:5000']?.auth?.password, PASSWORD);
	assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD));
});

test('containerd 2.x form: version 3 and the io.containerd.cri.v1.images plugin when the node has no config.toml', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['containerd' as const],
		credentials: [{registry: 'r.example.com', username: 'u', password: 'p', email: ''}],
		destdir: '/stage',
	};
	answers.containerd = {...answers.containerd, version: '2.x'};
	const result = plan(answers, emptyEnvironment());
	const dropIn = result.artifacts.find(artifact => artifact.id === 'containerd:drop-in')!;
	const doc = parse(dropIn.text!) as {version: number; plugins: Record<string, unknown>};
	assert.equal(doc.version, 3);
	assert.deepEqual(Object.keys(doc.plugins), ['io.containerd.cri.v1.images']);
	assert.match(
		result.artifacts.find(artifact => artifact.id === 'containerd:config')!.text!,
		/^version = 3\n/,
		'an import may not be newer than the main file',
	);
	assert.ok(result.notes.some(note => /1\.6\/1\.7 read config version 2.*2\.x reads version 3/.test(note.message)));
});

test('a mirror and a CA: certs.d hosts.toml, and config_path so containerd reads it', async () => {
	const root = tempDir();
	await regauth(root, ['--containerd-mirror', 'https://mirror.internal:5000', '--containerd-ca', '/etc/containerd/certs.d/ca.pem']);
	const hosts = plain(readFileSync(join(root, 'etc/containerd/certs.d/registry.example.com:5000/hosts.toml'), 'utf8'));
	assert.deepEqual(hosts, {
		server: 'https://registry.example.com:5000',
		host: {'https://mirror.internal:5000': {capabilities: ['pull', 'resolve'], ca: '/etc/containerd/certs.d/ca.pem'}},
	});
	assert.equal(dump(root).plugins['io.containerd.grpc.v1.cri']!.registry.config_path, '/etc/containerd/certs.d');
});

test('a mirror with config.toml’s own CRI section: config_path goes under the admin’s registry header, or a header is added; containerd reads both', async () => {
	const mirror = ['--containerd-mirror', 'https://mirror.internal:5000'];
	const withHeader =
		'version = 2\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.9"\n  [plugins."io.containerd.grpc.v1.cri".registry] # the team’s\n    [plugins."io.containerd.grpc.v1.cri".registry.configs."other.example.com".auth]\n      username = "other"\n';
	const withoutHeader = 'version = 2\n\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.9"\n';
	for (const admin of [withHeader, withoutHeader]) {
		const root = tempDir();
		mkdirSync(join(root, 'etc/containerd'), {recursive: true});
		writeFileSync(join(root, 'etc/containerd/config.toml'), admin, {mode: 0o644});
		const result = await regauth(root, mirror);
		const text = readFileSync(join(root, 'etc/containerd/config.toml'), 'utf8');
		assert.ok(
			text.replace(/^[ \t]*config_path = "\/etc\/containerd\/certs\.d"\n/m, '').startsWith(admin),
			`every other byte of the admin’s file kept:\n${text}`,
		);
		if (admin === withHeader)
			assert.match(text, /registry\] # the team’s\n {4}config_path = "\/etc\/containerd\/certs\.d"\n {4}\[/, 'under the admin’s own header');
		const cri = dump(root).plugins['io.containerd.grpc.v1.cri']!;
		assert.equal(cri.registry.config_path, '/etc/containerd/certs.d', text);
		assert.equal(cri.sandbox_image, 'registry.k8s.io/pause:3.9');
		assert.equal(cri.registry.configs['registry.example.com:5000']?.auth?.password, PASSWORD);
		assert.doesNotMatch(result.stdout + result.stderr, /add it to/);
	}
});

test('config.toml with registry.mirrors or a configs.<host>.tls: no config_path (containerd refuses either with it), and the warning says what to move', async () => {
	const cases = [
		{
			admin: 'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]\n  endpoint = ["https://mirror.gcr.io"]\n',
			says: /registry\.mirrors, which containerd refuses together with config_path/,
		},
		{
			admin: 'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry.configs."other.example.com".tls]\n  insecure_skip_verify = true\n',
			says: /registry\.configs\.<host>\.tls, which containerd refuses together with config_path/,
		},
	];
	for (const {admin, says} of cases) {
		const root = tempDir();
		mkdirSync(join(root, 'etc/containerd'), {recursive: true});
		writeFileSync(join(root, 'etc/containerd/config.toml'), admin, {mode: 0o644});
		const result = await regauth(root, ['--containerd-mirror', 'https://mirror.internal:5000']);
		const text = readFileSync(join(root, 'etc/containerd/config.toml'), 'utf8');
		assert.ok(text.startsWith(admin) && !text.includes('config_path'));
		assert.match(result.stdout + result.stderr, says);
		assert.equal(dump(root).plugins['io.containerd.grpc.v1.cri']!.registry.configs['registry.example.com:5000']?.auth?.password, PASSWORD);
	}
});

test('/etc/containerd not writable and no --destdir: staged under the output directory with the install commands; secrets masked in the review', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['containerd' as const],
		credentials: [{registry: 'r.example.com', username: 'u', password: 'Sekr1t', email: ''}],
	};
	const result = plan(answers, emptyEnvironment({cwd: '/work', writable: {'/etc/containerd': false}}));
	const dropIn = result.artifacts.find(artifact => artifact.id === 'containerd:drop-in')!;
	assert.equal(dropIn.path, '/work/regauth/containerd/etc/containerd/conf.d/50-regauth-registry-auth.toml');
	assert.equal(dropIn.installPath, '/etc/containerd/conf.d/50-regauth-registry-auth.toml');
	assert.deepEqual(dropIn.install, [
		'sudo install -D -m 0600 -o root -g root /work/regauth/containerd/etc/containerd/conf.d/50-regauth-registry-auth.toml /etc/containerd/conf.d/50-regauth-registry-auth.toml',
	]);
	assert.ok(!dropIn.redacted.includes('Sekr1t') && dropIn.redacted.includes('password = "••••••••"'));
	assert.ok(result.notes.some(note => note.level === 'warning' && note.message.includes('not writable')));
});

test('a config.toml that already configures the host is left alone, with the table to add (masked)', () => {
	const existing =
		'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry.configs."r.example.com".auth]\n  username = "old"\n  password = "older-secret"\n';
	const answers = {
		...defaultAnswers(),
		targets: ['containerd' as const],
		credentials: [{registry: 'r.example.com', username: 'u', password: 'Sekr1t', email: ''}],
		destdir: '/stage',
	};
	const result = plan(answers, emptyEnvironment({files: {'/stage/etc/containerd/config.toml': {exists: true, text: existing, mode: 0o644}}}));
	const [artifact] = result.artifacts;
	assert.match(artifact!.blocked!, /already configures r\.example\.com; change its auth there/);
	assert.ok(!artifact!.blocked!.includes('Sekr1t') && !JSON.stringify(result).includes('older-secret"'), 'neither password shown');
});

test('a real containerd daemon pulls through the mirror regauth’s hosts.toml names (ctr --hosts-dir)', {
	skip: process.getuid?.() !== 0 && 'a containerd daemon needs root',
}, async () => {
	requireProgram('ctr', 'apt-get install containerd (see .ci/run)');
	const dir = tempDir();
	// The mirror: a real registry (no auth here: ctr would take a password only on its command line).
	const mirror = await startRegistry(join(dir, 'registry'), {authYaml: ''});
	const image = buildOciImage(join(dir, 'oci'));
	pushImage(image, mirror, 'demo/hello');
	const root = tempDir();
	await regauth(root, ['--containerd-mirror', `http://${mirror.host}`], ['upstream.invalid']);

	// containerd with its own root, state and socket; the CRI plugin is not needed for ctr.
	const socket = join(dir, 'containerd.sock');
	writeFileSync(
		join(dir, 'daemon.toml'),
		`version = 2\nroot = ${JSON.stringify(join(dir, 'root'))}\nstate = ${JSON.stringify(join(dir, 'state'))}\ndisabled_plugins = ["io.containerd.grpc.v1.cri"]\n[grpc]\n  address = ${JSON.stringify(socket)}\n`,
	);
	const daemon = spawn('containerd', ['--config', join(dir, 'daemon.toml')], {stdio: 'ignore'});
	after(() => {
		daemon.kill('SIGTERM');
	});
	const ctr = (...args: string[]) => promisify(execFile)('ctr', ['--address', socket, ...args], {encoding: 'utf8'});
	for (let tries = 0; ; tries++) {
		try {
			await ctr('version');
			break;
		} catch (error) {
			if (tries > 100) throw error;
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}
	const hostsDir = join(root, 'etc/containerd/certs.d');
	await ctr('content', 'fetch', '--hosts-dir', hostsDir, 'upstream.invalid/demo/hello:v1');
	const {stdout} = await ctr('images', 'ls', '--quiet');
	assert.match(stdout, /upstream\.invalid\/demo\/hello:v1/);
	const {stdout: content} = await ctr('content', 'ls', '--quiet');
	assert.ok(content.includes(image.manifestDigest), 'the manifest came from the mirror (upstream.invalid does not resolve)');
});
