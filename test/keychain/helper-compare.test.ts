// docker-credential-regauth against Docker's own docker-credential-secretservice, in one real
// keyring session (gnome-keyring): the same sequence of calls must give the same stdout and exit
// codes. Differences that are Docker's quirks regauth does not copy are listed in SKIPPED.

import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {test} from 'node:test';
import {startKeyring} from '../support/keyring.js';
import {requireProgram} from '../support/programs.js';
import {HELPER} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

// Not compared: `version` (Debian 0.6.4 prints just "0.6.4"), `--version`/`--help` (0.6.4 calls
// them unknown actions; docker-credential-helpers at HEAD answers them, as regauth does), and two
// stores for one server under different users (secretservice keeps both and returns either).
const SEQUENCE: Array<{args: string[]; input?: string; why: string}> = [
	{args: ['list'], why: 'empty list'},
	{args: ['store'], input: '{"ServerURL":"127.0.0.1:5000","Username":"alice","Secret":"pw-1"}\n', why: 'store'},
	{args: ['get'], input: '127.0.0.1:5000', why: 'get'},
	{args: ['get'], input: '  127.0.0.1:5000 \n', why: 'get trims whitespace'},
	{args: ['get'], input: 'nope.example:1', why: 'not found'},
	{args: ['get'], input: 'https://127.0.0.1:5000', why: 'no normalisation of the URL'},
	{args: ['store'], input: '{"ServerURL":"127.0.0.1:5000","Username":"alice","Secret":"pw-2"}\n', why: 'store again replaces'},
	{args: ['get'], input: '127.0.0.1:5000', why: 'get after replace'},
	{args: ['store'], input: '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"tok&<en>"}\n', why: 'identity token'},
	{args: ['get'], input: 'https://index.docker.io/v1/', why: 'get identity token (Go escapes <>&)'},
	{args: ['store'], input: '{"serverurl":"ci.example","username":"bob","secret":"s"}', why: 'keys are case-insensitive'},
	{args: ['get'], input: 'ci.example', why: 'get case-insensitive store'},
	{args: ['list'], why: 'list of three'},
	{args: ['store'], input: '{"ServerURL":"empty.example","Username":"u","Secret":""}', why: 'empty secret is accepted'},
	{args: ['get'], input: 'empty.example', why: 'empty secret reads as not found'},
	{args: ['store'], input: '{"ServerURL":"","Username":"u","Secret":"s"}', why: 'missing server URL'},
	{args: ['store'], input: '{"ServerURL":"x.example","Username":"","Secret":"s"}', why: 'missing username'},
	{args: ['store'], input: 'garbage', why: 'not JSON'},
	{args: ['store'], input: '', why: 'empty input'},
	{args: ['store'], input: '{"ServerURL":1}', why: 'wrong JSON type'},
	{args: ['get'], input: '', why: 'get without a server'},
	{args: ['erase'], input: '', why: 'erase without a server'},
	{args: ['erase'], input: '127.0.0.1:5000', why: 'erase'},
	{args: ['get'], input: '127.0.0.1:5000', why: 'get after erase'},
	{args: ['erase'], input: 'never.example', why: 'erase of a missing item succeeds'},
	{args: ['list'], why: 'list after erase'},
	{args: ['bogus'], why: 'unknown action'},
	{args: [], why: 'no action'},
	{args: ['store', 'extra'], input: '', why: 'two arguments'},
];

function run(argv: string[], args: string[], input: string | undefined, env: NodeJS.ProcessEnv) {
	const [file, ...rest] = argv as [string, ...string[]];
	const result = spawnSync(file, [...rest, ...args], {input: input ?? '', env, encoding: 'utf8', timeout: 30_000});
	return {stdout: result.stdout, code: result.status};
}

test("docker-credential-regauth answers like Docker's docker-credential-secretservice", () => {
	requireProgram('docker-credential-secretservice', 'apt-get install golang-docker-credential-helpers (see .ci/run)');
	requireProgram('secret-tool', 'apt-get install libsecret-tools (see .ci/run)');
	const keyring = startKeyring(tempDir());
	const env = {...process.env, ...keyring.env};
	for (const step of SEQUENCE) {
		const docker = run(['docker-credential-secretservice'], step.args, step.input, env);
		const ours = run([process.execPath, HELPER], step.args, step.input, env);
		const expected = {...docker, stdout: docker.stdout.replaceAll('docker-credential-secretservice', 'docker-credential-regauth')};
		assert.deepEqual(ours, expected, `${step.why}: ${step.args.join(' ')} ${JSON.stringify(step.input ?? '')}`);
	}
	// The items are regauth's own (service/account), readable with secret-tool.
	run([process.execPath, HELPER], ['store'], '{"ServerURL":"quay.io","Username":"org+bot","Secret":"robot-token"}', env);
	const item = execFileSync('secret-tool', ['lookup', 'service', 'regauth', 'account', 'quay.io'], {env, encoding: 'utf8'});
	assert.deepEqual(JSON.parse(item), {Username: 'org+bot', Secret: 'robot-token'});
	// …and Docker's helper does not see them, nor regauth Docker's.
	assert.equal(run(['docker-credential-secretservice'], ['get'], 'quay.io', env).code, 1);
});
