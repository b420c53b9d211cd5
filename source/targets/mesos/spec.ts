// Mesos/Marathon's declaration: docker.tar.gz for the fetcher and an example Marathon app.

import {join} from 'node:path';
import {checkImageReference} from '../../answers.js';
import {type TargetSpec, textOption} from '../declaration.js';
import {checkMarathonAppId, checkMarathonUri, DEFAULT_MARATHON_URI} from './answers.js';

export const mesosSpec: TargetSpec<'mesos'> = {
	id: 'mesos',
	title: 'Mesos / Marathon',
	description: 'docker.tar.gz for the Mesos fetcher and a Marathon app that fetches it',
	outputName: 'Mesos',
	credentialHelper: false,
	writes: [{kind: 'project', path: 'mesos/'}],
	help: {heading: 'Mesos / Marathon'},
	options: [
		textOption({
			group: 'mesos',
			key: 'uri',
			label: 'Marathon URI',
			hint: 'where every agent fetches docker.tar.gz from (Marathon fetch[].uri)',
			flag: {name: 'marathon-uri', value: 'URI', help: [`where agents fetch docker.tar.gz; default ${DEFAULT_MARATHON_URI}`]},
			check: checkMarathonUri,
		}),
		textOption({
			group: 'mesos',
			key: 'image',
			label: 'Marathon image',
			hint: 'image of the example app; empty: one on the first registry',
			flag: {name: 'marathon-image', value: 'REF', help: ['image for the example Marathon app']},
			check: checkImageReference,
		}),
		textOption({
			group: 'mesos',
			key: 'appId',
			label: 'Marathon app id',
			hint: 'id of the example Marathon app',
			flag: {name: 'marathon-app-id', value: 'ID', help: ['id of the example app; default /private-app']},
			check: checkMarathonAppId,
		}),
	],
	lifecycle: {
		wholeFile: true,
		// The inventory records where agents fetch the archive (a file:// URI); regauth writes it here.
		writtenPath: (_recorded, outputDir) => join(outputDir, 'mesos', 'docker.tar.gz'),
		afterRotation: (path, answers) => `Copy the rebuilt ${path} to where the agents fetch it (${answers.mesos.uri}).`,
	},
};
