// Rotating one registry of an apply that wrote two: the Kubernetes Secret manifest and the Mesos
// archive (written whole from every registry of the apply) keep the other registry with its
// unchanged credential, and the merged docker and podman files keep it too. Real parts: two of
// Debian's docker-registry with htpasswd, skopeo pulling with each file regauth wrote (the
// Secret's decoded .dockerconfigjson, the archive unpacked by the real tar). No Kubernetes API
// server runs here: the Secret is checked as the manifest kubectl would apply.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {buildOciImage, pushImage} from '../support/oci-image.js';
import {requireProgram} from '../support/programs.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {filesContaining, secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';

const NEW_PASSWORD = 'rotated-A-Pass!3';

function inspect(authfile: string, reference: string, env: NodeJS.ProcessEnv) {
	return spawnSync('skopeo', ['inspect', '--tls-verify=false', '--authfile', authfile, `docker://${reference}`], {env, encoding: 'utf8', timeout: 60_000});
}

test('rotate one of two registries: the Secret manifest and the Mesos archive keep the other, unchanged', {timeout: 240_000}, async () => {
	requireProgram('skopeo', 'apt-get install skopeo (see .ci/run)');
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const a = await startRegistry(join(dir, 'reg-a'), {username: 'alice', password: 'alice-Old-pass1'});
	const b = await startRegistry(join(dir, 'reg-b'), {username: 'bob', password: 'bob-Keep-pass2'});
	const image = buildOciImage(join(dir, 'oci'));
	const refA = pushImage(image, a);
	const refB = pushImage(image, b);
	const env = cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state'), XDG_RUNTIME_DIR: join(dir, 'run')});
	const out = join(dir, 'out');
	const secretFile = join(out, 'kubernetes', 'web', 'regcred.secret.yaml');
	const archive = join(out, 'mesos', 'docker.tar.gz');
	const dockerConfig = join(home, '.docker', 'config.json');
	const podmanFile = join(home, '.config', 'containers', 'auth.json');

	const login = await runCli(
		[
			'-r',
			a.host,
			'-u',
			a.username,
			'-r',
			b.host,
			'-u',
			b.username,
			'--password-stdin',
			'-t',
			'docker,podman,kubernetes,mesos',
			'-n',
			'web',
			'-o',
			out,
			'--expires',
			'30d',
			'--yes',
		],
		{input: `${a.password}\n${b.password}`, env},
	);
	assert.equal(login.code, 0, login.stdout + login.stderr);

	const inventory = join(dir, 'state', 'regauth', 'inventory.json');
	const recordOf = (host: string) => JSON.parse(readFileSync(inventory, 'utf8')).logins.find((login: {registry: string}) => login.registry === host);
	const recordB = recordOf(b.host);
	assert.ok(recordB.expiresAt);

	writeFileSync(join(dir, 'reg-a', 'htpasswd'), execFileSync('htpasswd', ['-Bbn', a.username, NEW_PASSWORD], {encoding: 'utf8'}));
	const rotate = await runCli(['rotate', a.host, '--password-stdin', '--yes'], {input: NEW_PASSWORD, env});
	assert.equal(rotate.code, 0, rotate.stdout + rotate.stderr);

	// The Secret manifest: A's new password, B's unchanged one; skopeo pulls from both with it.
	const data = /\.dockerconfigjson: (\S+)/.exec(readFileSync(secretFile, 'utf8'))![1]!;
	const auths = JSON.parse(Buffer.from(data, 'base64').toString('utf8')).auths;
	assert.deepEqual(Object.keys(auths).sort(), [a.host, b.host].sort());
	assert.equal(auths[a.host].password, NEW_PASSWORD);
	assert.equal(auths[b.host].password, b.password);
	const fromSecret = join(dir, 'from-secret.json');
	writeFileSync(fromSecret, Buffer.from(data, 'base64'), {mode: 0o600});
	// The Mesos archive, unpacked by tar as the fetcher does: both registries work with it.
	const sandbox = join(dir, 'sandbox');
	mkdirSync(sandbox);
	execFileSync('tar', ['-xzf', archive, '-C', sandbox]);
	const fromArchive = join(sandbox, '.docker', 'config.json');
	for (const authfile of [fromSecret, fromArchive, dockerConfig, podmanFile]) {
		for (const reference of [refA, refB]) {
			const pulled = inspect(authfile, reference, env);
			assert.equal(pulled.status, 0, `${authfile} ${reference}: ${pulled.stderr}`);
		}
	}
	assert.match(rotate.stderr, new RegExp(`also hold .*${b.host.replaceAll('.', '\\.')} \\(user bob\\): written again with its credential unchanged`));
	// B's record is as it was (same secret, same files, its expiry kept); A's is the rotated one.
	assert.deepEqual(recordOf(b.host), recordB);
	assert.equal(recordOf(a.host).expiresAt, undefined, 'a new secret: the old expiry is not carried over');
	// A's old password is in no live file (backups aside); nothing printed a secret.
	const live = filesContaining(out, secretForms(a.username, a.password)).filter(hit => !/\.regauth-\d{8}T\d{6}Z\.bak /.test(hit));
	assert.deepEqual(live, []);
	for (const secret of [a.password, b.password, NEW_PASSWORD]) assert.ok(!`${rotate.stdout}${rotate.stderr}`.includes(secret));

	// When the other registry's credential cannot be read back, rotate refuses and changes nothing.
	const secretBefore = readFileSync(secretFile);
	writeFileSync(archive, 'not a gzip archive');
	const refused = await runCli(['rotate', b.host, '--password-stdin', '--yes', '--no-verify'], {input: 'bob-New-pass3', env});
	assert.equal(refused.code, 1, refused.stdout + refused.stderr);
	assert.match(refused.stderr, new RegExp(`${archive.replaceAll('.', '\\.')} also holds ${a.host.replaceAll('.', '\\.')} \\(user alice\\).*changed nothing`));
	assert.deepEqual(readFileSync(secretFile), secretBefore);
});
