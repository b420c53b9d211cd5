// A rotation lists as changed only the files whose bytes change. Files written whole under
// --output-dir (the Secret manifest, the example Pod, Butane and Ignition) are read before
// planning like the configs regauth merges into, so a file that already holds exactly what the
// plan writes is "unchanged" (it used to be "new": its old bytes were never read). Real parts:
// Debian's docker-registry checks the credential of the apply and of the same-password rotation.
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parseInvocation} from '../../source/cli/args.js';
import {plan, plannedReads} from '../../source/plan.js';
import {readMachine} from '../../source/probe.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

interface JsonArtifact {
	path: string;
	changed: boolean;
	status: string;
}

test('rotate --dry-run: the files a rotation does not change are unchanged, in the plan and in its output', {timeout: 120_000}, async () => {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	const registry = await startRegistry(join(dir, 'registry'));
	const env = cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state')});
	const out = join(dir, 'out');
	const args = ['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker,kubernetes,butane', '--output-dir', out];
	const applied = await runCli([...args, '--yes'], {env, input: registry.password});
	assert.equal(applied.code, 0, applied.stderr);
	const secret = join(out, 'kubernetes', 'current-namespace', 'regcred.secret.yaml');
	const pod = join(out, 'kubernetes', 'pod-example.yaml');
	const butane = join(out, 'flatcar', 'registry-auth.bu');
	const ignition = join(out, 'flatcar', 'registry-auth.ign');

	// The same password again: nothing changes anywhere (the registry checks it).
	const same = await runCli(['rotate', registry.host, '--password-stdin', '--dry-run', '--json'], {env, input: registry.password});
	assert.equal(same.code, 0, same.stderr);
	const sameArtifacts: JsonArtifact[] = JSON.parse(same.stdout).plan.artifacts.filter(
		// The inventory of logins, under XDG_STATE_HOME, records the rotation: not a file of the target.
		(artifact: JsonArtifact) => !artifact.path.startsWith(join(dir, 'state')),
	);
	assert.deepEqual(
		sameArtifacts.map(artifact => [artifact.path, artifact.status, artifact.changed]),
		[join(home, '.docker', 'config.json'), secret, pod, butane, ignition].map(path => [path, 'unchanged', false]),
	);

	// A new password (not checked: the registry still has the old one; the check is not the subject):
	// the files holding the secret change, the example Pod does not.
	const rotated = await runCli(['rotate', registry.host, '--password-stdin', '--dry-run', '--no-verify'], {env, input: 'A-new-pass-9!'});
	assert.equal(rotated.code, 0, rotated.stderr);
	const status = (path: string) => rotated.stdout.match(new RegExp(`^  ${path.replace(/[.]/g, '\\.')}  \\d+  .*\\((\\w+)\\)$`, 'm'))?.[1];
	assert.equal(status(pod), 'unchanged', rotated.stdout);
	for (const path of [secret, butane, ignition]) assert.notEqual(status(path), 'unchanged', path);

	// plan() itself: plannedReads names the whole files, and with them read the Pod is not changed.
	const invocation = parseInvocation(args);
	invocation.answers.credentials[0]!.password = 'A-new-pass-9!';
	const machine = await readMachine(env, snapshot => plannedReads(invocation.answers, snapshot), {});
	for (const path of [secret, pod, butane, ignition]) assert.ok(path in machine.files, `${path} is read before planning`);
	const planned = plan(invocation.answers, machine);
	assert.equal(planned.artifacts.find(artifact => artifact.path === pod)?.changed, false);
	assert.equal(planned.artifacts.find(artifact => artifact.path === secret)?.changed, true);
});
