// The lists as ink-select-input draws them for the wizard: the pointer is on the reducer's
// highlight, inside the wizard's own window (markers, no rotation), also after the rows change
// under the same highlight (its own index would reset to the first row), and foreign text in a
// label is shown as escapes.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {CheckList} from '../../source/ui/components/check-list.js';
import {type Choice, ChoiceList} from '../../source/ui/components/choice-list.js';

const items = (names: string[]): Choice[] => names.map(name => ({label: name, value: name, hint: `about ${name}`}));
const pointed = (frame: string) =>
	frame
		.split('\n')
		.find(line => line.includes('❯'))
		?.trim();
const letters = 'abcdefghij'.split('');

test('ChoiceList: the pointer is the highlight, in a window with markers; new rows under the same highlight keep it', () => {
	const view = render(<ChoiceList items={items(letters)} index={6} height={5} width={40} />);
	let frame = view.lastFrame() ?? '';
	assert.equal(pointed(frame), '❯ g');
	assert.match(frame, /about g/);
	assert.match(frame, /↑ \d+ more/);
	assert.match(frame, /↓ \d+ more/);
	assert.doesNotMatch(frame, /^\s+a$/m, 'no rotation: the first rows do not wrap round below the last');
	// A row added above (a lookup finishing): the highlight moves with the reducer, not to row 0.
	view.rerender(<ChoiceList items={items(['new', ...letters])} index={7} height={5} width={40} />);
	frame = view.lastFrame() ?? '';
	assert.equal(pointed(frame), '❯ g');
	// Same index, other rows: ink-select-input alone would reset its highlight to the first row.
	view.rerender(<ChoiceList items={items(letters.map(letter => letter.toUpperCase()))} index={7} height={20} width={40} />);
	frame = view.lastFrame() ?? '';
	assert.equal(pointed(frame), '❯ H');
	view.unmount();
});

test('ChoiceList and CheckList: labels from files are drawn with escapes, never raw', () => {
	const view = render(<ChoiceList items={[{label: 'evil\u001B]0;pwned\u0007', value: 'x'}]} index={0} width={40} />);
	assert.match(view.lastFrame() ?? '', /evil\\u001B\]0;pwned\\u0007/);
	assert.doesNotMatch(view.lastFrame() ?? '', /\u001B\]0;/);
	view.unmount();
	const checks = render(
		<CheckList
			items={[
				{label: 'Docker', value: 'docker', description: 'config.json', checked: true},
				{label: 'rkt', value: 'rkt', description: 'auth.d', checked: false},
			]}
			index={1}
			width={40}
		/>,
	);
	const frame = checks.lastFrame() ?? '';
	assert.match(frame, /^ {2}◉ Docker/m);
	assert.equal(pointed(frame), '❯ ◯ rkt');
	assert.match(frame, /rkt: auth\.d/);
	checks.unmount();
});
