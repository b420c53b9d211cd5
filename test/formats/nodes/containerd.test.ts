// The drop-in is read by the real containerd (Debian's package): `containerd config dump`
// prints the final configuration with the imported files merged in.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'smol-toml';
import {containerdAuthDropIn, containerdEdit, hostsToml, importsEdit} from '../../../source/formats/nodes/containerd.js';
import {requireProgram} from '../../support/programs.js';
import {tempDir} from '../../support/temp.js';

const TRICKY = 'p"\\\u0001 ü\n#[x]';

type Dump = {plugins: Record<string, {sandbox_image?: string; registry: {configs: Record<string, {auth: Record<string, string>}>}}>};

function dump(dir: string): Dump {
	requireProgram('containerd', 'apt-get install containerd');
	return parse(execFileSync('containerd', ['--config', join(dir, 'config.toml'), 'config', 'dump'], {encoding: 'utf8'})) as Dump;
}

const ENTRIES = [
	{host: 'registry.example.com:5000', username: 'robot+ci', password: TRICKY},
	{host: 'docker.io', username: 'hubuser', password: 'dckr_pat_x'},
];
const ADMIN_FILE = '# the administrator’s own file\nversion = 2\n\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.9"\n';

test('the trap, shown with the real containerd: an imported CRI section replaces the main file’s whole section', () => {
	const dir = tempDir();
	mkdirSync(join(dir, 'conf.d'));
	writeFileSync(join(dir, 'config.toml'), (importsEdit(ADMIN_FILE, join(dir, 'conf.d', '*.toml')) as {text: string}).text);
	writeFileSync(join(dir, 'conf.d', 'regauth.toml'), containerdAuthDropIn(ENTRIES, '1.x'));
	const cri = dump(dir).plugins['io.containerd.grpc.v1.cri']!;
	assert.equal(cri.registry.configs['registry.example.com:5000']?.auth.username, 'robot+ci');
	assert.notEqual(cri.sandbox_image, 'registry.k8s.io/pause:3.9', 'containerd 1.6 dropped the main file’s setting');
});

test('config.toml with a CRI section: the auth appended in place; containerd keeps the rest and reads the auth', () => {
	const dir = tempDir();
	const edit = containerdEdit(ADMIN_FILE, ENTRIES, '2.x');
	assert.equal(edit.status, 'in-place');
	const text = (edit as {text: string}).text;
	assert.ok(text.startsWith(ADMIN_FILE), 'every byte of the administrator’s file is kept');
	writeFileSync(join(dir, 'config.toml'), text);
	const cri = dump(dir).plugins['io.containerd.grpc.v1.cri']!;
	assert.equal(cri.sandbox_image, 'registry.k8s.io/pause:3.9');
	assert.equal(cri.registry.configs['registry.example.com:5000']?.auth.password, TRICKY);
	assert.equal(cri.registry.configs['registry-1.docker.io']?.auth.username, 'hubuser', 'Docker Hub under the host containerd contacts');
	assert.equal(cri.registry.configs['docker.io'], undefined);
});

test('config.toml without a CRI section: a drop-in, and the imports line inserted; containerd reads both', () => {
	const dir = tempDir();
	mkdirSync(join(dir, 'conf.d'));
	const edit = containerdEdit('version = 2\nroot = "/var/lib/containerd"\n', ENTRIES, '2.x');
	assert.equal(edit.status, 'drop-in');
	const dropIn = edit as {dropIn: string; generation: string};
	assert.equal(dropIn.generation, '1.x', 'a version 2 file names the 1.x plugin');
	writeFileSync(join(dir, 'config.toml'), (importsEdit('version = 2\nroot = "/var/lib/containerd"\n', join(dir, 'conf.d', '*.toml')) as {text: string}).text);
	writeFileSync(join(dir, 'conf.d', 'regauth.toml'), dropIn.dropIn);
	assert.equal(dump(dir).plugins['io.containerd.grpc.v1.cri']!.registry.configs['registry.example.com:5000']?.auth.username, 'robot+ci');
});

test('a host config.toml already configures is left to the user, with the exact table to add', () => {
	const edit = containerdEdit(
		`${ADMIN_FILE}[plugins."io.containerd.grpc.v1.cri".registry.configs."registry.example.com:5000".tls]\n  insecure_skip_verify = true\n`,
		ENTRIES,
		'1.x',
	);
	assert.equal(edit.status, 'manual');
	assert.match((edit as {snippet: string}).snippet, /\[plugins\."io\.containerd\.grpc\.v1\.cri"\.registry\.configs\."registry\.example\.com:5000"\.auth\]/);
	assert.equal(containerdEdit('version = [', ENTRIES, '1.x').status, 'malformed');
});

test('containerd 2.x: config version 3 and the io.containerd.cri.v1.images plugin', () => {
	const text = containerdAuthDropIn([{host: 'r.example', username: 'u', password: 'p'}], '2.x');
	const parsed = parse(text) as {version: number; plugins: Record<string, unknown>};
	assert.equal(parsed.version, 3);
	assert.deepEqual(Object.keys(parsed.plugins), ['io.containerd.cri.v1.images']);
});

test('imports: kept when present, left to the user when another list is there, refused when not TOML', () => {
	assert.deepEqual(importsEdit('version = 2\nimports = ["/etc/containerd/conf.d/*.toml"]\n'), {status: 'present'});
	assert.equal(importsEdit('version = 2\nimports = ["/opt/other.toml"]\n').status, 'manual');
	assert.equal(importsEdit('version = = 2').status, 'malformed');
	assert.equal((importsEdit(undefined) as {text: string}).text, 'version = 2\nimports = ["/etc/containerd/conf.d/*.toml"]\n');
	const noVersion = importsEdit('[plugins.x]\n  a = 1\n') as {text: string};
	assert.equal(noVersion.text, 'imports = ["/etc/containerd/conf.d/*.toml"]\n[plugins.x]\n  a = 1\n');
});

test('hosts.toml: mirrors first with pull and resolve, the registry as server, the CA on each', () => {
	const parsed = JSON.parse(JSON.stringify(parse(hostsToml({host: 'docker.io', mirrors: ['https://mirror.internal:5000'], caFile: '/etc/ca.pem'}))));
	assert.deepEqual(parsed, {
		server: 'https://registry-1.docker.io',
		host: {'https://mirror.internal:5000': {capabilities: ['pull', 'resolve'], ca: '/etc/ca.pem'}},
	});
});
