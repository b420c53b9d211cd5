// P13: what the wizard shows from plan notes and check advice names its own entries and keys,
// not regauth's command-line flags.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers, TARGET_IDS} from '../../source/answers.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {wizardWords} from '../../source/ui/wizard-words.js';
import {failureResult} from '../../source/verify/failure-result.js';

const FLAGS = /--(keychain|apply|butane-[a-z-]+|verify-timeout|no-verify|verify)\b/;

test('every plan note of every target, as the wizard shows it, names no regauth flag', () => {
	const env = emptyEnvironment({home: '/home/dev', cwd: '/work', helpers: ['pass'], programs: {docker: '/usr/bin/docker', kubectl: '/usr/bin/kubectl'}});
	const notes = new Set<string>();
	for (const keychain of [{kind: 'file' as const}, {kind: 'regauth' as const}]) {
		for (const targets of [[...TARGET_IDS], ['kubernetes' as const]]) {
			const answers = {...defaultAnswers(), keychain, targets, credentials: [{registry: 'quay.io', username: 'u', password: 'p', email: ''}]};
			for (const note of plan(answers, env).notes) notes.add(note.message);
		}
	}
	assert.ok(
		[...notes].some(note => FLAGS.test(note)),
		'the plan does name flags (else this test checks nothing)',
	);
	for (const note of notes) assert.doesNotMatch(wizardWords(note), FLAGS, `as the wizard shows it: ${wizardWords(note)}`);
});

test('a timeout’s advice says how to give the registry more time from the wizard', () => {
	const said = wizardWords('Check firewalls, proxies and VPNs on the way; give a slow registry more time with --verify-timeout SECONDS.');
	assert.match(said, /starting the wizard again with --verify-timeout SECONDS/);
	assert.equal(typeof failureResult, 'function');
});
