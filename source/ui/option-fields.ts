// The options step asks only what the chosen targets need. Each field says how to read and
// write its answer and how to check it, so the step itself is one generic form.
import {
	type Answers,
	checkImageReference,
	checkMarathonAppId,
	checkMarathonUri,
	checkNamespace,
	checkRemoteUrl,
	checkSecretName,
	type TargetId,
} from '../answers.js';
import type {Environment} from '../environment.js';

export interface OptionField {
	id: string;
	target?: TargetId;
	label: string;
	hint: string;
	/** choice: ←/→ cycles through `choices`; text: typed. */
	kind: 'text' | 'choice';
	choices?: Array<{value: string; label: string}>;
	get(answers: Answers): string;
	set(answers: Answers, value: string): Answers;
	check?(value: string): string | undefined;
	/** Asked only when this holds (e.g. the remote URL only for a remote secret). */
	when?(answers: Answers): boolean;
}

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function kubernetesFields(env: Environment | null): OptionField[] {
	const contexts = env?.kube?.contexts ?? [];
	const context: OptionField =
		contexts.length > 0
			? {
					id: 'kubernetes.context',
					target: 'kubernetes',
					label: 'Context',
					hint: 'kubectl context the commands use',
					kind: 'choice',
					choices: [{value: '', label: `current (${env?.kube?.current || 'none'})`}, ...contexts.map(name => ({value: name, label: name}))],
					get: a => a.kubernetes.context,
					set: (a, value) => ({...a, kubernetes: {...a.kubernetes, context: value}}),
				}
			: {
					id: 'kubernetes.context',
					target: 'kubernetes',
					label: 'Context',
					hint: 'kubectl context for the commands; empty: the current one',
					kind: 'text',
					get: a => a.kubernetes.context,
					set: (a, value) => ({...a, kubernetes: {...a.kubernetes, context: value.trim()}}),
				};
	return [
		{
			id: 'kubernetes.namespaces',
			target: 'kubernetes',
			label: 'Namespaces',
			hint: 'one Secret per namespace, separated by commas; empty: kubectl’s current namespace',
			kind: 'text',
			get: a => a.kubernetes.namespaces.join(', '),
			set: (a, value) => ({...a, kubernetes: {...a.kubernetes, namespaces: list(value)}}),
			check: value => list(value).map(checkNamespace).find(Boolean),
		},
		{
			id: 'kubernetes.secretName',
			target: 'kubernetes',
			label: 'Secret name',
			hint: 'the name Pods list under imagePullSecrets',
			kind: 'text',
			get: a => a.kubernetes.secretName,
			set: (a, value) => ({...a, kubernetes: {...a.kubernetes, secretName: value.trim()}}),
			check: checkSecretName,
		},
		context,
		{
			id: 'kubernetes.image',
			target: 'kubernetes',
			label: 'Example image',
			hint: 'image of the example Pod; empty: one on the first registry',
			kind: 'text',
			get: a => a.kubernetes.image,
			set: (a, value) => ({...a, kubernetes: {...a.kubernetes, image: value.trim()}}),
			check: value => checkImageReference(value.trim()),
		},
		{
			id: 'kubernetes.serviceAccount',
			target: 'kubernetes',
			label: 'Service account',
			hint: 'add the Secret to this ServiceAccount’s imagePullSecrets (e.g. default); empty: don’t',
			kind: 'text',
			get: a => a.kubernetes.serviceAccount,
			set: (a, value) => ({...a, kubernetes: {...a.kubernetes, serviceAccount: value.trim()}}),
			check: value =>
				value.trim() === ''
					? undefined
					: checkSecretName(value.trim()) && `Service account "${value}" is not a valid name (lower-case letters, digits, '-', '.').`,
		},
		{
			id: 'kubernetes.secretType',
			target: 'kubernetes',
			label: 'Secret type',
			hint: 'dockerconfigjson is what kubectl writes; dockercfg only for very old clusters',
			kind: 'choice',
			choices: [
				{value: 'dockerconfigjson', label: 'kubernetes.io/dockerconfigjson'},
				{value: 'dockercfg', label: 'kubernetes.io/dockercfg (legacy)'},
			],
			get: a => a.kubernetes.secretType,
			set: (a, value) => ({...a, kubernetes: {...a.kubernetes, secretType: value as Answers['kubernetes']['secretType']}}),
		},
	];
}

const RUNTIME_FIELDS: OptionField[] = [
	{
		id: 'rkt.kind',
		target: 'rkt',
		label: 'rkt kind',
		hint: 'dockerAuth for docker:// images; auth for HTTPS/ACI downloads',
		kind: 'choice',
		choices: [
			{value: 'dockerAuth', label: 'dockerAuth (docker images)'},
			{value: 'auth', label: 'auth (HTTPS/ACI fetches)'},
		],
		get: a => a.rkt.kind,
		set: (a, value) => ({...a, rkt: {kind: value as Answers['rkt']['kind']}}),
	},
	{
		id: 'mesos.uri',
		target: 'mesos',
		label: 'Marathon URI',
		hint: 'where every agent fetches docker.tar.gz from (Marathon fetch[].uri)',
		kind: 'text',
		get: a => a.mesos.uri,
		set: (a, value) => ({...a, mesos: {...a.mesos, uri: value.trim()}}),
		check: checkMarathonUri,
	},
	{
		id: 'mesos.image',
		target: 'mesos',
		label: 'Marathon image',
		hint: 'image of the example app; empty: one on the first registry',
		kind: 'text',
		get: a => a.mesos.image,
		set: (a, value) => ({...a, mesos: {...a.mesos, image: value.trim()}}),
		check: value => checkImageReference(value.trim()),
	},
	{
		id: 'mesos.appId',
		target: 'mesos',
		label: 'Marathon app id',
		hint: 'id of the example Marathon app',
		kind: 'text',
		get: a => a.mesos.appId,
		set: (a, value) => ({...a, mesos: {...a.mesos, appId: value.trim()}}),
		check: value => checkMarathonAppId(value.trim()),
	},
	{
		id: 'butane.version',
		target: 'butane',
		label: 'Butane version',
		hint: '1.0.0 works on every Flatcar since 3185; 1.1.0 needs Flatcar 3535 or later',
		kind: 'choice',
		choices: [
			{value: '1.0.0', label: '1.0.0 (Ignition 3.3.0)'},
			{value: '1.1.0', label: '1.1.0 (Ignition 3.4.0)'},
		],
		get: a => a.butane.version,
		set: (a, value) => ({...a, butane: {...a.butane, version: value as Answers['butane']['version']}}),
	},
	{
		id: 'butane.secret',
		target: 'butane',
		label: 'Butane secret',
		hint: 'inline puts the credentials in the config; remote points it at a file you host',
		kind: 'choice',
		choices: [
			{value: 'inline', label: 'inline'},
			{value: 'remote', label: 'remote (hosted file + sha512)'},
		],
		get: a => a.butane.secret,
		set: (a, value) => ({...a, butane: {...a.butane, secret: value as Answers['butane']['secret']}}),
	},
	{
		id: 'butane.remoteUrl',
		target: 'butane',
		label: 'Remote URL',
		hint: 'for remote: the https:// URL where you will host the generated config.json',
		kind: 'text',
		get: a => a.butane.remoteUrl,
		set: (a, value) => ({...a, butane: {...a.butane, remoteUrl: value.trim()}}),
		check: value => checkRemoteUrl(value.trim(), '1.1.0'),
		when: a => a.butane.secret === 'remote',
	},
	{
		id: 'butane.includeRkt',
		target: 'butane',
		label: 'Butane + rkt',
		hint: 'also provision /etc/rkt/auth.d for rkt on the same machine',
		kind: 'choice',
		choices: [
			{value: 'no', label: 'no'},
			{value: 'yes', label: 'yes, add the rkt file'},
		],
		get: a => (a.butane.includeRkt ? 'yes' : 'no'),
		set: (a, value) => ({...a, butane: {...a.butane, includeRkt: value === 'yes'}}),
	},
];

const OUTPUT_DIR: OptionField = {
	id: 'outputDir',
	label: 'Output dir',
	hint: 'where manifests, archives and Butane files are written',
	kind: 'text',
	get: a => a.outputDir,
	set: (a, value) => ({...a, outputDir: value}),
	check: value => (value.trim() === '' ? 'Output dir is required, e.g. ./regauth.' : undefined),
};

/** The fields for the chosen targets, in target order, then the output directory. */
export function optionFields(answers: Answers, env: Environment | null): OptionField[] {
	const fields = [...kubernetesFields(env), ...RUNTIME_FIELDS].filter(
		field => field.target && answers.targets.includes(field.target) && (field.when?.(answers) ?? true),
	);
	const needsOutput = answers.targets.some(target => target !== 'docker' && target !== 'podman');
	return needsOutput ? [...fields, OUTPUT_DIR] : fields;
}

export function cycleChoice(field: OptionField, answers: Answers, delta: number): Answers {
	const choices = field.choices ?? [];
	if (choices.length === 0) return answers;
	const current = choices.findIndex(choice => choice.value === field.get(answers));
	const next = choices[(Math.max(0, current) + delta + choices.length) % choices.length]!;
	return field.set(answers, next.value);
}
