// regauth exec --from-keychain with a real keychain (gnome-keyring in a private D-Bus session):
// the credential regauth stored earlier logs the command in, and stdin — untouched by regauth,
// as no password is read from it — reaches the command.
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {keychainLab} from '../support/keychain-lab.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {leaks, privateDirs} from './lab.js';

test('--from-keychain: the stored credential logs the command in; the command gets regauth’s stdin', async () => {
	const dir = tempDir();
	const {keyring, home, registry, reference, digest} = await keychainLab(dir);
	const tmp = join(dir, 'tmp');
	const runtime = join(dir, 'run');
	mkdirSync(tmp);
	mkdirSync(runtime, {mode: 0o700});
	const env = cleanEnv(home, {...keyring.env, TMPDIR: tmp, XDG_RUNTIME_DIR: runtime, PATH: `${join(home, '.local', 'bin')}:${process.env.PATH}`});

	const store = await runCli(['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--keychain', 'regauth', '--yes'], {
		input: registry.password,
		env,
	});
	assert.equal(store.code, 0, store.stderr);

	const script = `read line && echo "stdin: $line" && skopeo inspect --tls-verify=false docker://${reference}`;
	const run = await runCli(['exec', '-r', registry.host, '--from-keychain', '--', 'sh', '-c', script], {input: 'hello-from-stdin\n', env});
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stderr, /using the credential for 127\.0\.0\.1:\d+ remembered in the keychain/);
	assert.match(run.stdout, /^stdin: hello-from-stdin$/m);
	assert.match(run.stdout, new RegExp(`"Digest": "${digest}"`));
	assert.deepEqual(privateDirs({tmp, runtime}), []);
	assert.deepEqual(leaks({home, tmp, runtime}, registry), []);
});
