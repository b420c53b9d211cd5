// P17: wrapped lines break between words, a long path after one of its "/", and never start
// with the space they broke at.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {linesOf, wrapText} from '../../source/ui/components/window.js';

test('a path longer than the line breaks after a "/", not inside a name', () => {
	const text = '/tmp/tmp.tvccidVwZ8/.docker/config.json: no logins yet';
	const lines = wrapText(text, 24).split('\n');
	assert.deepEqual(lines, ['/tmp/tmp.tvccidVwZ8/', '.docker/config.json: no', 'logins yet']);
	for (const line of lines) assert.ok([...line].length <= 24);
	assert.equal(linesOf(text, 24), 3);
});

test('no wrapped line starts with a space; a word longer than the line without "/" is cut at the width', () => {
	const lines = wrapText('keep  the password.  tokens) aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 12).split('\n');
	for (const line of lines.slice(1)) assert.doesNotMatch(line, /^ /, JSON.stringify(lines));
	assert.ok(
		lines.every(line => [...line].length <= 12),
		JSON.stringify(lines),
	);
	assert.ok(lines.includes('aaaaaaaaaaaa'));
});

test('the first screen at 120 columns shows a long config path whole on one line or broken after a "/"', async () => {
	const {startWizard, testEnvironment} = await import('./support/ink.js');
	const home = '/home/a-rather-long-user-name/with/quite/a/deep/home/directory';
	const wizard = await startWizard({env: testEnvironment({home}), columns: 120, rows: 40});
	const left = wizard
		.frame()
		.split('\n')
		.map(line => line.split('│')[0] ?? '');
	const findings = left.slice(left.findIndex(line => /On this machine/.test(line)));
	assert.ok(
		findings.every(line => !/config$/.test(line.trimEnd()) && !/^\s+\.json/.test(line)),
		`a path broke inside a name:\n${findings.join('\n')}`,
	);
	assert.ok(
		findings.some(line => /\.docker\/config\.json/.test(line)),
		findings.join('\n'),
	);
	wizard.unmount();
});
