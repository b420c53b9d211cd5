// Flatcar's declaration: a Butane config and its Ignition JSON, with the secret inline or hosted.
import type {Answers} from '../../answers.js';
import {choiceOption, type OptionSpec, problems, type TargetSpec} from '../declaration.js';
import {type ButaneOptions, checkRemoteUrl} from './answers.js';

const withButane = (answers: Answers, change: Partial<ButaneOptions>): Answers => ({...answers, butane: {...answers.butane, ...change}});

const secret: OptionSpec = {
	id: 'butane.secret',
	label: 'Butane secret',
	hint: 'inline puts the credentials in the config; remote points it at a file you host',
	choices: [
		{value: 'inline', label: 'inline'},
		{value: 'remote', label: 'remote (hosted file + sha512)'},
	],
	get: answers => answers.butane.secret,
	set: (answers, value) => withButane(answers, {secret: value as ButaneOptions['secret']}),
	// No flag of its own: --butane-remote-url makes it remote.
};

const remoteUrl: OptionSpec = {
	id: 'butane.remoteUrl',
	label: 'Remote URL',
	hint: 'for remote: the https:// URL where you will host the generated config.json',
	get: answers => answers.butane.remoteUrl,
	set: (answers, value) => withButane(answers, {remoteUrl: value.trim()}),
	// The schemes Ignition accepts depend on the chosen version (arn: only from 1.1.0).
	check: answers => problems(checkRemoteUrl(answers.butane.remoteUrl, answers.butane.version)),
	when: answers => answers.butane.secret === 'remote',
	flag: {
		name: 'butane-remote-url',
		value: 'URL',
		help: ['keep the secret out of the config: regauth writes the file to host', 'at URL and pins it by sha512 (default: inline in the config)'],
		parse: (answers, [value]) => withButane(answers, {secret: 'remote', remoteUrl: value ?? ''}),
		emit: answers => (answers.butane.secret === 'remote' ? [answers.butane.remoteUrl] : []),
	},
};

const includeRkt: OptionSpec = {
	id: 'butane.includeRkt',
	label: 'Butane + rkt',
	hint: 'also provision /etc/rkt/auth.d for rkt on the same machine',
	choices: [
		{value: 'no', label: 'no'},
		{value: 'yes', label: 'yes, add the rkt file'},
	],
	get: answers => (answers.butane.includeRkt ? 'yes' : 'no'),
	set: (answers, value) => withButane(answers, {includeRkt: value === 'yes'}),
	flag: {
		name: 'butane-rkt',
		help: ['also write the rkt auth.d files'],
		parse: answers => withButane(answers, {includeRkt: true}),
		emit: answers => answers.butane.includeRkt,
	},
};

export const butaneSpec: TargetSpec<'butane'> = {
	id: 'butane',
	title: 'Flatcar (Butane / Ignition)',
	description: 'a Flatcar Butane config and its Ignition JSON that give user core ~/.docker/config.json',
	outputName: 'Butane/Ignition',
	credentialHelper: false,
	writes: [{kind: 'project', path: 'flatcar/'}],
	help: {heading: 'Flatcar (butane)'},
	options: [
		choiceOption({
			group: 'butane',
			key: 'version',
			label: 'Butane version',
			hint: '1.0.0 works on every Flatcar since 3185; 1.1.0 needs Flatcar 3535 or later',
			choices: [
				{value: '1.0.0', label: '1.0.0 (Ignition 3.3.0)'},
				{value: '1.1.0', label: '1.1.0 (Ignition 3.4.0)'},
			],
			flag: {name: 'butane-version', value: 'V', help: ['1.0.0 (default, Ignition 3.3.0) or 1.1.0 (Ignition 3.4.0, Flatcar >= 3535)']},
		}),
		secret,
		remoteUrl,
		includeRkt,
	],
	lifecycle: {
		wholeFile: true,
		afterRotation: (path, answers) =>
			!path.endsWith('.ign')
				? undefined
				: answers.butane.secret === 'remote'
					? `Upload the new config.json to ${answers.butane.remoteUrl}: the Ignition config ${path} now names its new sha512, so machines refuse the old one.`
					: `Serve the regenerated Ignition config ${path} to new machines (its content, and so its sha512, changed).`,
	},
};
