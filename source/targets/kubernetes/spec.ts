// Kubernetes' declaration: image pull Secrets per namespace, applied with kubectl.
import {type Answers, checkImageReference, checkNamespace, checkSecretName} from '../../answers.js';
import {choiceOption, type OptionSpec, problems, type TargetSpec, textOption} from '../declaration.js';

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const withNamespaces = (answers: Answers, namespaces: string[]): Answers => ({...answers, kubernetes: {...answers.kubernetes, namespaces}});

const namespaces: OptionSpec = {
	id: 'kubernetes.namespaces',
	label: 'Namespaces',
	hint: 'one Secret per namespace, separated by commas; empty: kubectl’s current namespace',
	get: answers => answers.kubernetes.namespaces.join(', '),
	set: (answers, value) => withNamespaces(answers, words(value)),
	check(answers) {
		const found: string[] = [];
		const seen = new Set<string>();
		for (const namespace of answers.kubernetes.namespaces) {
			found.push(...problems(checkNamespace(namespace)));
			if (seen.has(namespace)) found.push(`Namespace "${namespace}" is listed twice; list each namespace once.`);
			seen.add(namespace);
		}
		return found;
	},
	flag: {
		name: 'namespace',
		short: 'n',
		value: 'NS',
		repeatable: true,
		help: ["one Secret per namespace (repeatable); default: kubectl's current"],
		parse: withNamespaces,
		emit: answers => answers.kubernetes.namespaces,
	},
};

const context: OptionSpec = {
	...textOption({
		group: 'kubernetes',
		key: 'context',
		label: 'Context',
		hint: 'kubectl context for the commands; empty: the current one',
		flag: {name: 'context', value: 'CTX', help: ['kubectl context for the commands']},
	}),
	// Where kubectl has contexts, the wizard offers them rather than asking to type one.
	onMachine(env) {
		const contexts = env?.kube?.contexts ?? [];
		if (contexts.length === 0) return {};
		return {
			hint: 'kubectl context the commands use',
			choices: [{value: '', label: `current (${env?.kube?.current || 'none'})`}, ...contexts.map(name => ({value: name, label: name}))],
		};
	},
};

const serviceAccount = textOption({
	group: 'kubernetes',
	key: 'serviceAccount',
	label: 'Service account',
	hint: 'add the Secret to this ServiceAccount’s imagePullSecrets (e.g. default); empty: don’t',
	flag: {name: 'service-account', value: 'SA', help: ["also add the Secret to this ServiceAccount's imagePullSecrets"]},
	check: name =>
		name !== '' && checkSecretName(name)
			? `Service account "${name}" is not a valid name: use lower-case letters, digits, '-' and '.' (for example default).`
			: undefined,
});

export const kubernetesSpec: TargetSpec<'kubernetes'> = {
	id: 'kubernetes',
	title: 'Kubernetes',
	description: 'image pull Secrets per namespace, kubectl apply, optional ServiceAccount imagePullSecrets',
	outputName: 'Kubernetes Secrets',
	credentialHelper: false,
	writes: [{kind: 'project', path: 'kubernetes/'}],
	help: {heading: 'Kubernetes'},
	checkImage: answers => answers.kubernetes.image,
	// In the order the equivalent command gives them.
	options: [
		namespaces,
		textOption({
			group: 'kubernetes',
			key: 'secretName',
			label: 'Secret name',
			hint: 'the name Pods list under imagePullSecrets',
			flag: {name: 'secret-name', value: 'NAME', help: ['default regcred']},
			check: checkSecretName,
		}),
		context,
		choiceOption({
			group: 'kubernetes',
			key: 'secretType',
			label: 'Secret type',
			hint: 'dockerconfigjson is what kubectl writes; dockercfg only for very old clusters',
			choices: [
				{value: 'dockerconfigjson', label: 'kubernetes.io/dockerconfigjson'},
				{value: 'dockercfg', label: 'kubernetes.io/dockercfg (legacy)'},
			],
			flag: {name: 'secret-type', value: 'TYPE', help: ['dockerconfigjson (default) or dockercfg (legacy)']},
		}),
		serviceAccount,
		textOption({
			group: 'kubernetes',
			key: 'image',
			label: 'Example image',
			hint: 'image of the example Pod; empty: one on the first registry',
			flag: {name: 'image', value: 'REF', help: ['image for the example Pod']},
			check: checkImageReference,
		}),
	],
};
