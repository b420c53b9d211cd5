// Secret names, namespaces and user names that a YAML 1.1 reader takes for something other than
// a string (dates, hex, null, booleans, floats, octals) must be quoted exactly as the real
// kubectl quotes them: the Secret regauth writes is byte-identical to kubectl's client-side dry
// run for each (docs/formats.md §3.2). No cluster is needed for --dry-run=client.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {parse} from 'yaml';
import {type Answers, defaultAnswers} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {requireProgram} from '../support/programs.js';

const kubectl = requireProgram('kubectl', 'kubectl comes with the CI machine image');
const AMBIGUOUS = ['2001-1-31', '0x1f', 'null', 'yes', 'on', '1e3', '0o17', 'true', '012', 'no', 'off', 'y', 'n', '2001-12-14'];

function regauth(name: string, namespace: string, username: string): string {
	const answers: Answers = {...defaultAnswers(), credentials: [{registry: 'quay.io', username, password: 'pw', email: ''}], targets: ['kubernetes']};
	answers.kubernetes = {...answers.kubernetes, secretName: name, namespaces: [namespace]};
	const result = plan(answers, emptyEnvironment());
	assert.deepEqual(result.issues, [], name);
	const secret = result.artifacts.find(artifact => artifact.id.startsWith('kubernetes:secret:'));
	assert.ok(secret?.text);
	return secret.text;
}

test('YAML-ambiguous names are written byte for byte as kubectl writes them', () => {
	for (const value of AMBIGUOUS) {
		// Names are DNS labels in lowercase: every value above is a valid name and namespace.
		const ours = regauth(value, value, value);
		const theirs = execFileSync(
			kubectl,
			[
				'create',
				'secret',
				'docker-registry',
				value,
				'--docker-server=quay.io',
				`--docker-username=${value}`,
				'--docker-password=pw',
				'-n',
				value,
				'--dry-run=client',
				'-o',
				'yaml',
			],
			{env: {PATH: process.env.PATH, HOME: '/nonexistent', KUBECONFIG: '/nonexistent'}, encoding: 'utf8'},
		);
		assert.equal(ours, theirs, value);
		// And a YAML 1.1 reader gets strings back, not dates, numbers, booleans or null.
		const read = parse(ours, {version: '1.1'}) as {metadata: {name: unknown; namespace: unknown}};
		assert.equal(read.metadata.name, value);
		assert.equal(read.metadata.namespace, value);
	}
});
