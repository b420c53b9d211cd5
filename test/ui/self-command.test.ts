// P4: next steps name regauth as the user ran it, so "undo" works from where they are.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {selfCommand} from '../../source/self-command.js';

test('regauth as the user ran it: npx, npm start, an installed bin, a checkout', () => {
	const node = '/usr/bin/node';
	assert.equal(selfCommand([node, '/home/dev/.npm/_npx/1/node_modules/.bin/regauth'], {npm_command: 'exec', PATH: '/usr/bin'}, '/work'), 'npx regauth');
	assert.equal(selfCommand([node, '/src/regauth/dist/cli.js'], {npm_lifecycle_event: 'start', npm_command: 'start'}, '/src/regauth'), 'npm start --');
	assert.equal(selfCommand([node, '/usr/local/bin/regauth'], {PATH: '/usr/local/bin:/usr/bin'}, '/work'), 'regauth');
	assert.equal(selfCommand([node, '/src/regauth/dist/cli.js'], {PATH: '/usr/bin'}, '/src/regauth'), 'node dist/cli.js');
	assert.equal(selfCommand([node, '/opt/my tools/regauth'], {PATH: '/usr/bin'}, '/work'), "node '/opt/my tools/regauth'");
});
