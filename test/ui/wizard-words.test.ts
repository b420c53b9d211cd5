// P13: what the wizard shows from plan notes and check advice names its own entries and keys,
// not regauth's command-line flags.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultAnswers, TARGET_IDS} from '../../source/answers.js';
import {FLAG_OPTIONS} from '../../source/cli/args.js';
import {emptyEnvironment} from '../../source/environment.js';
import {plan} from '../../source/plan.js';
import {wizardWords} from '../../source/ui/wizard-words.js';
import {failureResult} from '../../source/verify/failure-result.js';

// Every flag regauth takes (not other programs' flags such as the kubelet's --image-credential-provider-config).
const FLAGS = new RegExp(`--(${Object.keys(FLAG_OPTIONS).join('|')})(?![\\w-])`);

test('every plan note and refusal of every target, as the wizard shows it, names no regauth flag', () => {
	const env = emptyEnvironment({home: '/home/dev', cwd: '/work', helpers: ['pass'], programs: {docker: '/usr/bin/docker', kubectl: '/usr/bin/kubectl'}});
	const said = new Set<string>();
	for (const keychain of [{kind: 'file' as const}, {kind: 'regauth' as const}]) {
		// Each target alone, then all of them together.
		for (const targets of [...TARGET_IDS.map(id => [id]), [...TARGET_IDS]]) {
			// A registry the kubelet credential provider serves, and one it refuses.
			for (const registry of ['quay.io', '123456789012.dkr.ecr.eu-west-1.amazonaws.com']) {
				const answers = {...defaultAnswers(), keychain, targets, credentials: [{registry, username: 'u', password: 'p', email: ''}]};
				const planned = plan(answers, env);
				for (const message of [...planned.notes.map(note => note.message), ...planned.refusals]) said.add(message);
			}
		}
	}
	assert.ok(
		[...said].some(message => FLAGS.test(message)),
		'the plan does name flags (else this test checks nothing)',
	);
	assert.ok(
		[...said].some(message => /--target kubernetes/.test(message)),
		'the kubelet credential provider refusal is among them',
	);
	for (const message of said) assert.doesNotMatch(wizardWords(message), FLAGS, `as the wizard shows it: ${wizardWords(message)}`);
});

test('targets named by their flag become the targets step’s entries', () => {
	assert.match(
		wizardWords('quay.io is not a registry a kubelet credential provider serves (Amazon ECR): use --target kubernetes or containerd for it.'),
		/: choose “Kubernetes” or “containerd” on the targets step for it\.$/,
	);
});

test('a timeout’s advice says how to give the registry more time from the wizard', () => {
	const said = wizardWords('Check firewalls, proxies and VPNs on the way; give a slow registry more time with --verify-timeout SECONDS.');
	assert.match(said, /starting the wizard again with --verify-timeout SECONDS/);
	assert.equal(typeof failureResult, 'function');
});
