// The equivalent headless command carries every check flag that changes the run (--ca-file,
// --insecure, --verify=strict, --no-verify, --verify-timeout, the client certificate): parsed back
// it gives the same check flags and the same plan; and, against the real registry (Debian's
// docker-registry over HTTPS signed by an openssl-made CA), the printed command runs from another
// directory and plans the same thing.

import assert from 'node:assert/strict';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {checkFacts} from '../../source/check-facts.js';
import {assignPasswords, type Invocation, parseInvocation} from '../../source/cli/args.js';
import {shellWords} from '../../source/import/shell-words.js';
import {plan} from '../../source/plan.js';
import {envWith} from '../support/plan-fixtures.js';
import {startRegistry} from '../support/registry.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';
import {makeCa, makeLeaf} from '../support/tls.js';

/** The command's argv after `regauth` (the password goes to stdin: drop the `printf … |` part). */
function commandArgv(command: string): string[] {
	const split = shellWords(command.replace(/^.*?\| /, ''));
	assert.ok(split.ok, command);
	const [program, ...argv] = split.words.map(word => word.text);
	assert.equal(program, 'regauth');
	return argv;
}

function planned(invocation: Invocation, cwd: string) {
	assignPasswords(invocation.answers, 'S3cret-pw');
	return plan(invocation.answers, envWith(), checkFacts(invocation.verify, cwd));
}

const BASE = ['-r', 'registry.example.com:5000', '-u', 'dev', '--password-stdin', '-t', 'docker,podman'];

for (const [name, flags] of [
	['--ca-file (relative: made absolute)', ['--ca-file', 'pki/ca.pem']],
	['--insecure', ['--insecure']],
	['--verify=strict', ['--verify=strict']],
	['--no-verify', ['--no-verify']],
	['--verify=off (shown as --no-verify)', ['--verify=off']],
	['--verify-timeout', ['--verify-timeout', '2.5']],
	['--cert-file/--key-file', ['--cert-file', 'client.pem', '--key-file', '/abs/client.key']],
	['all of them', ['--verify=strict', '--ca-file', '/etc/ca.pem', '--insecure', '--verify-timeout', '30', '--cert-file', 'c.pem', '--key-file', 'k.pem']],
] as const) {
	test(`the equivalent command carries ${name}: parsed back, the same checks and the same plan`, () => {
		const cwd = '/home/dev/project';
		const first = parseInvocation([...BASE, ...flags]);
		const firstPlan = planned(first, cwd);
		// Run from elsewhere: every path in it must still name the same file.
		const again = parseInvocation(commandArgv(firstPlan.headless));
		const againPlan = planned(again, '/somewhere/else');
		assert.deepEqual(checkFacts(again.verify, '/somewhere/else'), checkFacts(first.verify, cwd), firstPlan.headless);
		assert.equal(againPlan.headless, firstPlan.headless);
		assert.deepEqual(againPlan.artifacts, firstPlan.artifacts);
		assert.deepEqual(againPlan.notes, firstPlan.notes);
	});
}

test('defaults add no check flag; the wizard’s facts (mode only) still give --no-verify and --verify=strict', () => {
	const invocation = parseInvocation(BASE);
	assert.doesNotMatch(planned(invocation, '/').headless, /--verify|--ca-file|--insecure|--cert-file/);
	assignPasswords(invocation.answers, 'pw');
	const off = plan(invocation.answers, envWith(), {verification: {mode: 'off', results: []}});
	assert.match(off.headless, / --no-verify --yes$/);
	const strict = plan(invocation.answers, envWith(), {verification: {mode: 'strict', results: []}});
	assert.match(strict.headless, / --verify=strict --yes$/);
});

test('real registry over HTTPS with its own CA: the printed command, run from another directory, checks and plans the same', async () => {
	const dir = tempDir();
	const ca = makeCa(join(dir, 'pki'));
	const registry = await startRegistry(join(dir, 'registry'), {tls: makeLeaf(join(dir, 'pki'), ca, ['IP:127.0.0.1', 'DNS:localhost'])});
	const env = cleanEnv(join(dir, 'home'));
	const args = ['-r', registry.host, '-u', registry.username, '--password-stdin', '-t', 'docker', '--verify=strict', '--verify-timeout', '20'];
	const first = await runCli([...args, '--ca-file', relative(dir, ca.cert), '--dry-run', '--json'], {env, cwd: dir, input: registry.password});
	assert.equal(first.code, 0, first.stderr);
	const firstJson = JSON.parse(first.stdout);
	assert.equal(firstJson.verification[0].status, 'verified');
	const command: string = firstJson.plan.headless;
	assert.match(command, new RegExp(` --verify=strict --ca-file ${ca.cert.replace(/[.]/g, '\\.')} --verify-timeout 20 --yes$`));

	// The same command, from HOME's own directory, printing instead of writing.
	const argv = commandArgv(command).filter(arg => arg !== '--yes');
	const second = await runCli([...argv, '--dry-run', '--json'], {env, cwd: join(dir, 'registry'), input: registry.password});
	assert.equal(second.code, 0, second.stderr);
	const secondJson = JSON.parse(second.stdout);
	assert.equal(secondJson.verification[0].status, 'verified', 'the CA is found from another directory');
	assert.deepEqual(secondJson.plan, firstJson.plan);

	// Without --ca-file the strict check refuses: the flag is what made the first run work.
	const without = await runCli([...argv.filter((arg, i) => arg !== '--ca-file' && argv[i - 1] !== '--ca-file'), '--dry-run'], {env, input: registry.password});
	assert.equal(without.code, 1, without.stdout);
	assert.match(without.stderr, /TLS|certificate/);
});
