// The profile prompt is plain terminal output before Ink starts: at 80 columns (and narrower) it
// wraps between words, and a wrapped line continues under its own text, not at the margin.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {wrapPromptLine} from '../../source/cli/profile-prompt.js';

const LINES = [
	'Enter uses it (you are asked only what it leaves open, typically user names and tokens) · n starts without it · Ctrl+C quits',
	'  ! The password is kept in plain text (base64) in the Docker config file, not in a keychain, which anyone who can read the file can decode.',
	'  Registry: registry.team.example (Team registry)',
];

test('prompt lines wrap between words within the width, continuations indented under their text', () => {
	for (const columns of [80, 60, 40]) {
		for (const line of LINES) {
			const wrapped = wrapPromptLine(line, columns).split('\n');
			for (const part of wrapped) assert.ok([...part].length < columns, `${columns}: ${JSON.stringify(part)}`);
			const indent = /^ *(?:! )?/.exec(line)![0].length;
			for (const part of wrapped.slice(1)) assert.equal(/^ */.exec(part)![0].length, indent, JSON.stringify(part));
			assert.deepEqual(
				wrapped
					.map(part => part.trim())
					.join(' ')
					.split(/\s+/),
				line.trim().split(/\s+/),
				'no word cut or lost',
			);
		}
	}
});
