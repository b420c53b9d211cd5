// rkt's declaration: one /etc/rkt/auth.d file per registry, staged when that is not writable.
import {RKT_AUTH_DIR} from '../../formats/rkt-auth.js';
import {choiceOption, type TargetSpec} from '../declaration.js';

const kind = choiceOption({
	group: 'rkt',
	key: 'kind',
	label: 'rkt kind',
	hint: 'dockerAuth for docker:// images; auth for HTTPS/ACI downloads',
	choices: [
		{value: 'dockerAuth', label: 'dockerAuth (docker images)'},
		{value: 'auth', label: 'auth (HTTPS/ACI fetches)'},
	],
	flag: {name: 'rkt-kind', value: 'KIND', help: ['dockerAuth (default, docker:// images) or auth (HTTPS/ACI fetches)']},
});

export const rktSpec: TargetSpec<'rkt'> = {
	id: 'rkt',
	title: 'rkt',
	description: 'an /etc/rkt/auth.d/<registry>.json per registry (dockerAuth, or auth for HTTPS/ACI)',
	outputName: 'rkt',
	credentialHelper: false,
	writes: [{kind: 'system', dir: RKT_AUTH_DIR}],
	help: {heading: 'rkt'},
	// Flatcar's config can carry the rkt files too (--butane-rkt): the kind matters there as well.
	options: [{...kind, relevant: answers => answers.targets.includes('rkt') || (answers.targets.includes('butane') && answers.butane.includeRkt)}],
	lifecycle: {
		filePerRegistry: true,
		afterRotation: path => `Install ${path} again where rkt reads it if you staged it.`,
	},
};
