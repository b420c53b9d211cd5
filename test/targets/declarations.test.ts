// Every registered target's flags, --help lines, wizard fields and headless flags come from its
// declaration: this walks the registry, so a new target is covered without editing this test.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, sep} from 'node:path';
import {test} from 'node:test';
import {type Answers, defaultAnswers, TARGET_IDS} from '../../source/answers.js';
import {HELP, parseInvocation} from '../../source/cli/args.js';
import {emptyEnvironment} from '../../source/environment.js';
import {headlessCommand} from '../../source/headless-command.js';
import {shellWords} from '../../source/import/shell-words.js';
import type {OptionSpec} from '../../source/targets/declaration.js';
import {TARGETS} from '../../source/targets/index.js';
import {SPECS, TARGET_SPECS} from '../../source/targets/specs.js';
import {optionFields} from '../../source/ui/option-fields.js';

/** A value the option accepts that is not its default (so the headless command must repeat it). */
function sample(option: OptionSpec, answers: Answers): string {
	if (option.choices) return option.choices.find(choice => choice.value !== option.get(answers))!.value;
	const samples: Record<string, string> = {
		'kubernetes.namespaces': 'web',
		'kubernetes.secretName': 'pull-secret',
		'kubernetes.contexts': 'prod',
		'kubernetes.namespaceSelector': 'team=web',
		'containerd.mirrors': 'https://mirror.example.com:5000',
		'containerd.caFile': '/etc/containerd/certs.d/ca.pem',
		'registriesConf.mirrorOf': 'docker.io',
		'externalSecret.store': 'vault-backend',
		'externalSecret.remoteKey': 'registry/ghcr',
		'externalSecret.usernameProperty': 'user',
		'externalSecret.passwordProperty': 'token',
		'externalSecret.refreshInterval': '30m',
		'kubernetes.serviceAccount': 'builder',
		'kubernetes.image': 'quay.io/team/app:2',
		'mesos.uri': 'https://files.example.com/docker.tar.gz',
		'mesos.image': 'quay.io/team/web:1',
		'mesos.appId': '/team/web',
		'butane.remoteUrl': 'https://cfg.example.com/config.json',
	};
	const value = samples[option.id];
	assert.ok(value !== undefined, `add a sample value for the new option ${option.id} to this test`);
	return value;
}

test('the registry has a declaration and a planner for every target id, in one order', () => {
	assert.deepEqual(Object.keys(TARGET_SPECS).sort(), [...TARGET_IDS].sort());
	assert.deepEqual(
		TARGETS.map(target => target.id),
		SPECS.map(spec => spec.id),
	);
	for (const target of TARGETS) assert.equal(typeof target.plan, 'function', target.id);
});

test("each option's flag parses into the answer the wizard field shows, and the headless command gives it back", () => {
	for (const spec of SPECS) {
		for (const option of spec.options) {
			const flag = option.flag;
			if (!flag) continue;
			const value = flag.value ? sample(option, defaultAnswers()) : undefined;
			const argv = ['-r', 'quay.io', '-u', 'u', '-t', spec.id, `--${flag.name}`, ...(value === undefined ? [] : [value])];
			const {answers, ignored} = parseInvocation(argv);
			assert.deepEqual(ignored, [], `--${flag.name} with --target ${spec.id}`);
			// The wizard shows this option for this target, holding what the flag set.
			const field = optionFields(answers, emptyEnvironment()).find(candidate => candidate.id === option.id);
			assert.ok(field, `${option.id}: a wizard field for --target ${spec.id}`);
			if (value !== undefined) assert.equal(field.get(answers), value, `${option.id}: the field shows the flag's value`);
			// The equivalent command repeats the flag, and parsing it gives the same answers.
			const split = shellWords(headlessCommand(answers).replace(/^.*?\| /, ''));
			assert.ok(split.ok);
			const words = split.words.map(word => word.text);
			assert.ok(words.includes(`--${flag.name}`), `${option.id}: the headless command gives --${flag.name}`);
			assert.deepEqual(parseInvocation(words.slice(1)).answers, answers, `${option.id}: the headless command round-trips`);
			// Without its target the flag changes nothing, and says so.
			const other = TARGET_IDS.find(id => id !== spec.id && !TARGET_SPECS[id].options.some(candidate => candidate.flag?.name === flag.name))!;
			const alone = parseInvocation([...argv.slice(0, 4), '-t', other, ...argv.slice(6)]);
			assert.ok(
				alone.ignored.some(message => message.startsWith(`--${flag.name} is ignored`)),
				`--${flag.name} without --target ${spec.id}`,
			);
		}
	}
});

test('--help lists every target and every option flag with its help text', () => {
	assert.ok(HELP.includes(TARGET_IDS.join(', ')), 'the target list');
	for (const spec of SPECS) {
		if (spec.help) assert.ok(HELP.includes(`\n${spec.help.heading}\n`), `${spec.id}: heading`);
		for (const option of spec.options) {
			if (!option.flag) continue;
			const line = HELP.split('\n').find(candidate => new RegExp(`^ {2}(?:-\\w, | {4})--${option.flag!.name}\\b`).test(candidate));
			assert.ok(line, `--${option.flag.name} in --help`);
			assert.ok(line.endsWith(option.flag.help[0]!), `--${option.flag.name}: its declared help`);
		}
	}
});

test('the wizard asks every option of a chosen target (when its condition holds), checked by the declaration', () => {
	for (const spec of SPECS) {
		const answers = {...defaultAnswers(), targets: [spec.id]};
		const ids = optionFields(answers, null).map(field => field.id);
		for (const option of spec.options) {
			if (option.when && !option.when(answers)) assert.ok(!ids.includes(option.id), `${option.id} waits for its condition`);
			else assert.ok(ids.includes(option.id), `${option.id} asked for --target ${spec.id}`);
		}
	}
});

test('the Butane remote URL is checked against the chosen version, in the wizard as on the command line', () => {
	const answers = {...defaultAnswers(), targets: ['butane' as const], butane: {...defaultAnswers().butane, secret: 'remote' as const}};
	const field = (version: '1.0.0' | '1.1.0') =>
		optionFields({...answers, butane: {...answers.butane, version}}, null).find(candidate => candidate.id === 'butane.remoteUrl')!;
	assert.match(field('1.0.0').check!('arn:aws:s3:::bucket/config.json')!, /http, https, tftp, s3, gs URL/);
	assert.equal(field('1.1.0').check!('arn:aws:s3:::bucket/config.json'), undefined);
});

test('no flag of a target is listed by hand outside its declaration', () => {
	const files = ['source/cli/args.ts', 'source/headless-command.ts', 'source/ui/option-fields.ts', 'source/answers.ts'];
	for (const spec of SPECS) {
		for (const option of spec.options) {
			if (!option.flag) continue;
			for (const file of files) {
				const text = readFileSync(file, 'utf8');
				assert.ok(!new RegExp(`'--?${option.flag.name}'|'${option.flag.name}':`).test(text), `${file} names --${option.flag.name}`);
			}
		}
	}
});

test('outside the target modules, at most 1 source file names a specific target (docker, podman and kubernetes have their own tools: kubectl, auth files)', () => {
	const files = (readdirSync('source', {recursive: true, encoding: 'utf8'}) as string[])
		.filter(name => /\.tsx?$/.test(name) && !name.startsWith(`targets${sep}`))
		.map(name => join('source', name));
	for (const id of TARGET_IDS.filter(id => !['docker', 'podman', 'kubernetes'].includes(id))) {
		const naming = files.filter(file => new RegExp(`['"\`]${id}['"\`]`).test(readFileSync(file, 'utf8')));
		assert.ok(naming.length <= 1, `${id} is named in ${naming.join(', ')}: put what it needs into source/targets/${id}/ (a declaration field)`);
	}
});
