// The `?` help lists every key the wizard answers to, including the logins panel's and the team
// profile's token page key.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startWizard} from './support/ink.js';

test('the ? help names the logins keys (check, rotate, log out) and Ctrl+O', async () => {
	const wizard = await startWizard({columns: 140, rows: 40});
	// The help column wraps beside the preview: read it as one line of words.
	const help = (await wizard.press('?'))
		.split('\n')
		.map(line => line.split('│')[0])
		.join(' ')
		.replace(/\s+/g, ' ');
	assert.match(help, /Enter on a login first screen: a login on this machine; its panel checks it with the registry, rotates its secret or logs it out/);
	assert.match(help, /Ctrl\+O credentials of a team profile registry with a token page: open it in the browser/);
	wizard.unmount();
});
