// The quoting rules are checked against kubectl's own output for every name in the table.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {goYamlScalar} from '../../source/formats/go-yaml.js';
import {requireProgram} from '../support/programs.js';

const NAMES = [
	'yes',
	'no',
	'y',
	'n',
	'on',
	'off',
	'true',
	'null',
	'123',
	'007',
	'08',
	'0777',
	'1e3',
	'1e-3',
	'1.5',
	'1.e3',
	'0x1f',
	'0o17',
	'0b101',
	'1-2',
	'1-2-3',
	'2001-1-2',
	'2001-12-14',
	'2001-13-45',
	'2001-02-30',
	'1e309',
	'9223372036854775808',
	'99999999999999999999',
	'nan',
	'inf',
	'e3',
	'12e',
	'regcred',
	'a.b-c',
	'0',
	'0e0',
	'00',
	'1.2.3',
];

test('names are quoted exactly when kubectl quotes them', () => {
	const kubectl = requireProgram('kubectl', 'kubectl comes with the CI machine image');
	for (const name of NAMES) {
		const yaml = execFileSync(
			kubectl,
			['create', 'secret', 'docker-registry', name, '--docker-server=q', '--docker-username=u', '--docker-password=p', '--dry-run=client', '-o', 'yaml'],
			{
				encoding: 'utf8',
				env: {PATH: process.env.PATH, KUBECONFIG: '/nonexistent'},
			},
		);
		const line = yaml.split('\n').find(text => text.startsWith('  name: '));
		assert.equal(`  name: ${goYamlScalar(name)}`, line, name);
	}
});
