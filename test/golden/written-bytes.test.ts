// Every byte regauth would write and every command it would run, for a corpus of inputs, compared
// with a recorded golden file. Refactors of the planner, the flags and the target declarations
// must leave this file unchanged; a deliberate change of output regenerates it with
// REGAUTH_UPDATE_GOLDEN=1 and shows up in review as a diff of the golden file.
//
// Each case goes through the same path as a headless run: flags → parseInvocation → passwords
// from "stdin" → plan(). Secrets in command stdin are replaced by markers (the file contents are
// recorded verbatim: the passwords here are fixtures).
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';
import type {Answers} from '../../source/answers.js';
import {assignPasswords, parseInvocation} from '../../source/cli/args.js';
import {type Environment, emptyEnvironment} from '../../source/environment.js';
import {encodeAuth} from '../../source/formats/docker-auth.js';
import {plan} from '../../source/plan.js';
import type {Plan} from '../../source/plan-types.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'written-bytes.golden.txt');

const HOME = '/home/user';
const DOCKER = `${HOME}/.docker/config.json`;
const PODMAN = `${HOME}/.config/containers/auth.json`;
const RUNTIME = '/run/user/1000/containers/auth.json';
const HELPER = {node: '/usr/bin/node', script: '/opt/regauth/dist/docker-credential-regauth.js', npx: false};

interface Case {
	name: string;
	argv: string[];
	/** What --password-stdin would read. */
	stdin?: string;
	env?: Partial<Environment>;
	edit?: (answers: Answers) => void;
}

const file = (text: string, mode = 0o600) => ({exists: true, text, mode});
const env = (overrides: Partial<Environment> = {}): Environment =>
	emptyEnvironment({cwd: '/work', home: HOME, vars: {XDG_RUNTIME_DIR: '/run/user/1000', PATH: '/usr/bin'}, ...overrides});

const QUAY = ['-r', 'quay.io', '-u', 'myorg+robot'];
const EXISTING_DOCKER = `{
	"auths": {
		"https://index.docker.io/v1/": {
			"auth": "b2xkOm9sZA=="
		},
		"ghcr.io": {}
	},
	"credHelpers": {
		"gcr.io": "gcloud"
	},
	"psFormat": "table {{.ID}}",
	"experimental": "enabled"
}
`;
const EXISTING_PODMAN = '{"auths":{"docker.io":{"auth":"b2xkOm9sZA=="},"quay.io":{"auth":"b2xkOm9sZA=="}},"unknownKey":[1,2]}\n';

const CASES: Case[] = [
	{name: 'docker, fresh machine', argv: [...QUAY, '-t', 'docker'], stdin: 'TOKEN-4QX9-s3cret\n'},
	{
		name: 'docker, merge into an existing config (0644 tightened, other keys kept)',
		argv: ['-r', 'registry.example.com:5000', '-u', 'ci', '--email', 'ci@example.com', '-t', 'docker'],
		stdin: 'pw-example-666',
		env: {files: {[DOCKER]: file(EXISTING_DOCKER, 0o644)}},
	},
	{
		name: 'docker, Docker Hub replaces the legacy key, DOCKER_CONFIG set',
		argv: ['-r', 'docker.io', '-u', 'alice', '-t', 'docker'],
		stdin: 'hub-Pa55word!',
		env: {vars: {DOCKER_CONFIG: '/cfg/docker'}, files: {'/cfg/docker/config.json': file(EXISTING_DOCKER)}},
	},
	{
		name: 'docker, malformed config refused',
		argv: [...QUAY, '-t', 'docker'],
		stdin: 'pw-malformed-555',
		env: {files: {[DOCKER]: file('{"auths": {')}},
	},
	{
		name: 'docker, credsStore routes to a helper on PATH',
		argv: [...QUAY, '-t', 'docker'],
		stdin: 'Tok-ϟ-7781',
		env: {helpers: ['secretservice'], files: {[DOCKER]: file('{\n  "credsStore": "secretservice"\n}\n')}},
	},
	{
		name: 'docker, credsStore routes to a missing helper',
		argv: [...QUAY, '-t', 'docker'],
		stdin: 'Tok-ϟ-7781',
		env: {files: {[DOCKER]: file('{"credsStore":"desktop.exe"}')}},
	},
	{
		name: 'several registries, Unicode, normalised names',
		argv: [
			'-r',
			'https://Quay.io/v2/',
			'-r',
			'localhost:5000',
			'-r',
			'docker.io',
			'-u',
			'jörg',
			'-u',
			'admin',
			'-u',
			'alice',
			'-t',
			'docker,podman,kubernetes',
		],
		stdin: 'pässwörd ✓ 🔑\nlocal:pw-12\npw-hub-13',
	},
	{
		name: 'docker and podman, keychain regauth, launcher off PATH',
		argv: [...QUAY, '-t', 'docker,podman', '--keychain', 'regauth'],
		stdin: 'Tok-ϟ-7781',
		env: {regauthHelper: HELPER, keychain: {helper: 'regauth', ok: true}, files: {[DOCKER]: file(EXISTING_DOCKER), [PODMAN]: file(EXISTING_PODMAN)}},
	},
	{
		name: 'docker, keychain regauth, helper already on PATH, staged under destdir',
		argv: [...QUAY, '-t', 'docker', '--keychain', 'regauth', '--destdir', 'rootfs'],
		stdin: 'Tok-ϟ-7781',
		env: {regauthHelper: HELPER, helpers: ['regauth'], vars: {PATH: `${HOME}/.local/bin:/usr/bin`}},
	},
	{
		name: 'docker and podman, keychain secretservice',
		argv: [...QUAY, '-r', 'docker.io', '-u', 'alice', '-t', 'podman,docker', '--keychain', 'secretservice'],
		stdin: 'pw-quay-111\npw-hub-222\n',
		env: {helpers: ['secretservice']},
	},
	{
		name: 'docker, keychain helper missing: blocked',
		argv: [...QUAY, '-t', 'docker', '--keychain', 'pass'],
		stdin: 'Tok-ϟ-7781',
	},
	{
		name: 'docker, keychain probe failed: blocked',
		argv: [...QUAY, '-t', 'docker', '--keychain', 'regauth'],
		stdin: 'Tok-ϟ-7781',
		env: {
			regauthHelper: HELPER,
			keychain: {helper: 'regauth', ok: false, problem: {code: 'locked', message: 'The keyring is locked', advice: ['unlock it'], detail: 'locked'}},
		},
	},
	{
		name: 'podman, merge, runtime file shadows, Docker Hub as docker.io',
		argv: ['-r', 'docker.io', '-u', 'alice', '-r', 'quay.io', '-u', 'myorg+robot', '-t', 'podman'],
		stdin: 'pw-one-888\npw-two-999',
		env: {files: {[PODMAN]: file(EXISTING_PODMAN, 0o640), [RUNTIME]: file('{"auths":{"quay.io":{"auth":"eDp5"}}}')}},
	},
	{
		name: 'podman, REGISTRY_AUTH_FILE is a docker config.json',
		argv: ['-r', 'docker.io', '-u', 'alice', '-t', 'podman'],
		stdin: 'pw-hub-777',
		env: {vars: {REGISTRY_AUTH_FILE: '/srv/auth/config.json'}, files: {'/srv/auth/config.json': file('{"auths":{},"credsStore":"osxkeychain"}')}},
	},
	{
		name: 'podman, credHelpers route to a helper missing from PATH',
		argv: [...QUAY, '-t', 'podman'],
		stdin: 'Tok-ϟ-7781',
		env: {files: {[PODMAN]: file('{"credHelpers":{"quay.io":"ecr-login"}}')}},
	},
	{name: 'kubernetes, current namespace, defaults', argv: [...QUAY, '-t', 'kubernetes'], stdin: 'TOKEN-4QX9-s3cret'},
	{
		name: 'kubernetes, namespaces, dockercfg, context, service account, image, output dir',
		argv: [
			...QUAY,
			'--email',
			'robot@example.com',
			'-t',
			'kubernetes',
			'-n',
			'web,jobs',
			'--secret-name',
			'pull.creds',
			'--secret-type',
			'dockercfg',
			'--context',
			'prod',
			'--service-account',
			'default',
			'--image',
			'quay.io/myorg/app:2',
			'-o',
			'deploy/out',
		],
		stdin: 'Tok-ϟ-7781',
	},
	{name: 'rkt, not writable: staged with install command', argv: [...QUAY, '-r', 'docker.io', '-u', 'alice', '-t', 'rkt'], stdin: 'pw-quay-333\npw-hub-444'},
	{
		name: 'rkt auth kind, writable',
		argv: [...QUAY, '-t', 'rkt', '--rkt-kind', 'auth'],
		stdin: 'Tok-ϟ-7781',
		env: {writable: {'/etc/rkt/auth.d': true}},
	},
	{name: 'rkt under destdir', argv: [...QUAY, '-t', 'rkt', '--destdir', '/tmp/stage', '--keychain', 'regauth'], stdin: 'Tok-ϟ-7781'},
	{name: 'mesos, file:// URI', argv: [...QUAY, '-t', 'mesos'], stdin: 'Tok-ϟ-7781'},
	{
		name: 'mesos, https URI, image and app id',
		argv: [
			...QUAY,
			'-t',
			'mesos',
			'--marathon-uri',
			'https://files.example.com/d/docker.tgz',
			'--marathon-image',
			'quay.io/myorg/web:1',
			'--marathon-app-id',
			'/team/web',
		],
		stdin: 'Tok-ϟ-7781',
	},
	{name: 'butane inline 1.0.0', argv: [...QUAY, '-r', 'docker.io', '-u', 'alice', '-t', 'butane'], stdin: 'pw-tök-1010\npw-hub-1111'},
	{
		name: 'butane remote 1.1.0 with rkt',
		argv: [
			...QUAY,
			'-t',
			'butane',
			'--butane-version',
			'1.1.0',
			'--butane-remote-url',
			'https://cfg.example.com/flatcar/auth.json',
			'--butane-rkt',
			'--rkt-kind',
			'auth',
		],
		stdin: 'Tok-ϟ-7781',
	},
	{
		name: 'butane remote over http',
		argv: [...QUAY, '-t', 'butane', '--butane-remote-url', 'http://cfg.example.com/c.json', '--keychain', 'regauth'],
		stdin: 'Tok-ϟ-7781',
	},
	{
		name: 'every target at once',
		argv: [...QUAY, '-t', 'docker,kubernetes,rkt,mesos,butane,podman', '-o', '/abs/out'],
		stdin: 'TOKEN-4QX9-s3cret',
		env: {writable: {'/etc/rkt/auth.d': true}, files: {[DOCKER]: file(EXISTING_DOCKER)}},
	},
	{
		name: 'credentials remembered in the keychain',
		argv: [...QUAY, '-t', 'docker,kubernetes', '--keychain', 'regauth', '--from-keychain'],
		env: {regauthHelper: HELPER, helpers: ['regauth']},
		edit: answers => {
			for (const credential of answers.credentials) Object.assign(credential, {password: 'from-keychain-pw', fromKeychain: true});
		},
	},
	{name: 'field issues: bad secret name and namespace', argv: [...QUAY, '-t', 'kubernetes', '-n', 'Web', '--secret-name', 'Bad_Name'], stdin: 'Tok-ϟ-7781'},
	{
		name: 'containerd on a node without config.toml, 2.x, mirror and CA, staged',
		argv: [
			...QUAY,
			'-r',
			'docker.io',
			'-u',
			'alice',
			'-t',
			'containerd',
			'--containerd-version',
			'2.x',
			'--containerd-mirror',
			'https://mirror.internal:5000',
			'--containerd-ca',
			'/etc/containerd/ca.pem',
		],
		stdin: 'pw-tök-1010\npw-hub-1111',
	},
	{
		name: 'containerd appended in place to a config.toml with a CRI section, k3s merged',
		argv: [...QUAY, '-t', 'containerd,k3s', '--destdir', '/stage'],
		stdin: 'Tok-ϟ-7781',
		env: {
			files: {
				'/stage/etc/containerd/config.toml': file('version = 2\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "pause:3.9"\n', 0o644),
				'/stage/etc/rancher/k3s/registries.yaml': file('mirrors:\n  docker.io:\n    endpoint: ["https://mirror.internal"]\n'),
			},
		},
	},
	{
		name: 'registries.conf mirror of docker.io, external secret, kubelet credential provider',
		argv: [
			'-r',
			'123456789012.dkr.ecr.us-east-1.amazonaws.com',
			'-u',
			'AWS',
			'-t',
			'registries-conf,external-secret,kubelet-credential-provider',
			'--mirror-of',
			'docker.io',
			'--secret-store',
			'vault-backend',
			'--secret-store-kind',
			'ClusterSecretStore',
			'--remote-key',
			'registry/ecr',
			'-n',
			'web',
		],
		stdin: 'ecr-token-Ω',
		env: {writable: {'/etc/kubernetes': false}},
	},
];

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Replace every form a secret takes in a command's stdin by a marker. */
function markSecrets(text: string, answers: Answers): string {
	let out = text;
	answers.credentials.forEach((credential, index) => {
		if (credential.password === '') return;
		const auth = encodeAuth(credential.username, credential.password);
		out = out
			.split(auth)
			.join(`«auth ${index + 1}»`)
			.split(credential.password)
			.join(`«password ${index + 1}»`);
	});
	return out;
}

function render(name: string, answers: Answers, result: Plan): string {
	const lines = [`=== ${name}`, `headless: ${result.headless}`];
	for (const issue of result.issues) lines.push(`issue ${issue.field} [${issue.flag}] ${issue.label}: ${issue.message}`);
	for (const note of result.notes) lines.push(`note ${note.level}${note.target ? ` ${note.target}` : ''}: ${note.message}`);
	for (const artifact of result.artifacts) {
		const {id, target, title, path, installPath, install, mode, dirMode, userConfig, secret, changed, blocked, bytes, text, entries} = artifact;
		lines.push(`--- artifact ${id} (${target}) ${title}`);
		lines.push(`path ${path} mode ${mode.toString(8)} dir ${dirMode.toString(8)} secret ${secret} changed ${changed}${userConfig ? ' userConfig' : ''}`);
		if (installPath !== undefined) lines.push(`installPath ${installPath}`);
		for (const command of install ?? []) lines.push(`install ${command}`);
		if (blocked !== undefined) lines.push(`blocked ${blocked}`);
		if (text === null) {
			// A gzip stream depends on zlib's version; what a reader unpacks is the tar.
			const tar = gunzipSync(bytes);
			lines.push(`binary ${bytes.length} bytes, tar ${tar.length} bytes sha256 ${sha256(tar)}`);
			for (const entry of entries ?? []) lines.push(`entry ${entry.name} ${entry.type} mode ${entry.mode.toString(8)} size ${entry.size}`);
		} else {
			assert.equal(Buffer.from(bytes).toString('utf8'), text, `${id}: bytes and text agree`);
			lines.push(`text sha256 ${sha256(bytes)}`, text.replace(/\n$/, '\n<eof>'), '<end>');
		}
		lines.push('redacted:', artifact.redacted, '<end>');
	}
	for (const command of result.commands) {
		lines.push(`--- command ${command.id} (${command.target}) role ${command.role}: ${command.title}`);
		lines.push(`argv ${JSON.stringify(command.argv)}`, `display ${command.display}`, `timeout ${command.timeoutMs}`);
		if (command.replaces) lines.push(`replaces ${command.replaces}`);
		if (command.env) lines.push(`env ${JSON.stringify(command.env)}`);
		if (command.check) lines.push(`check ${JSON.stringify(command.check)}`);
		if (command.strategy) lines.push(`strategy ${JSON.stringify(command.strategy)}`);
		if (command.revert) lines.push(`revert ${command.revert}`);
		if (command.input !== undefined) {
			const same = result.artifacts.find(artifact => artifact.text === command.input);
			lines.push(same ? `stdin = contents of ${same.id}` : `stdin ${JSON.stringify(markSecrets(command.input, answers))}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

function corpus(): string {
	return CASES.map(entry => {
		const invocation = parseInvocation(entry.argv);
		if (entry.stdin !== undefined) assignPasswords(invocation.answers, entry.stdin);
		entry.edit?.(invocation.answers);
		const result = plan(invocation.answers, env(entry.env));
		const text = render(entry.name, invocation.answers, result);
		// The stdin of every command is shown marked: no password may survive the marking.
		for (const credential of invocation.answers.credentials) {
			for (const command of result.commands) {
				if (command.input !== undefined && credential.password !== '')
					assert.ok(!markSecrets(command.input, invocation.answers).includes(credential.password), `${entry.name}: a password survives marking`);
			}
		}
		return text;
	}).join('\n');
}

test('regauth writes and runs exactly what the golden corpus recorded', () => {
	const actual = corpus();
	if (process.env.REGAUTH_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
	const expected = readFileSync(GOLDEN, 'utf8');
	assert.equal(actual, expected, 'the planned bytes changed: if on purpose, regenerate with REGAUTH_UPDATE_GOLDEN=1 and review the diff');
});

test('the corpus covers every target, both keychain kinds, merges, refusals and staging', () => {
	const text = readFileSync(GOLDEN, 'utf8');
	for (const id of ['docker:config', 'podman:auth', 'kubernetes:secret:', 'rkt:auth:', 'mesos:archive', 'butane:config', 'butane:hosted:', 'keychain:launcher'])
		assert.ok(text.includes(`artifact ${id}`), `no ${id} in the corpus`);
	for (const needle of ['blocked ', 'installPath ', 'role store', 'role deploy', 'role alternative', 'userConfig', 'changed false'])
		assert.ok(text.includes(needle), `no "${needle}" in the corpus`);
});
