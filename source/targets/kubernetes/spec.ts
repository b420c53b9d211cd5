// Kubernetes' declaration: image pull Secrets per namespace, applied with kubectl.
import {type Answers, checkImageReference, checkNamespace, checkSecretName} from '../../answers.js';
import {choiceOption, type OptionSpec, problems, switchOption, type TargetSpec, textOption, words} from '../declaration.js';

/** The Secret's name, namespaces and contexts serve the ExternalSecret too. */
const forSecrets = (answers: Answers) => answers.targets.includes('kubernetes') || answers.targets.includes('external-secret');

const withNamespaces = (answers: Answers, namespaces: string[]): Answers => ({...answers, kubernetes: {...answers.kubernetes, namespaces}});

const namespaces: OptionSpec = {
	relevant: forSecrets,
	id: 'kubernetes.namespaces',
	label: 'Namespaces',
	hint: 'one Secret per namespace, separated by commas; empty: kubectl’s current namespace',
	get: answers => answers.kubernetes.namespaces.join(', '),
	set: (answers, value) => withNamespaces(answers, words(value)),
	check(answers) {
		const found: string[] = [];
		const seen = new Set<string>();
		if (answers.kubernetes.namespaces.length > 0 && (answers.kubernetes.allNamespaces || answers.kubernetes.namespaceSelector !== '')) {
			found.push('Namespaces are listed and also chosen by --all-namespaces or --namespace-selector: give one way of choosing them.');
		}
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

const withContexts = (answers: Answers, contexts: string[]): Answers => ({...answers, kubernetes: {...answers.kubernetes, contexts}});

const contexts: OptionSpec = {
	relevant: forSecrets,
	id: 'kubernetes.contexts',
	label: 'Contexts',
	hint: 'kubectl contexts (one cluster each), separated by commas; empty: the current one',
	get: answers => answers.kubernetes.contexts.join(', '),
	set: (answers, value) => withContexts(answers, words(value)),
	check(answers) {
		const seen = new Set<string>();
		const found: string[] = [];
		for (const name of answers.kubernetes.contexts) {
			if (seen.has(name)) found.push(`Context "${name}" is listed twice; list each context once.`);
			seen.add(name);
		}
		return found;
	},
	flag: {
		name: 'context',
		value: 'CTX',
		repeatable: true,
		help: ['kubectl context for the commands; repeat it for several', 'clusters (each gets every namespace chosen)'],
		parse: withContexts,
		emit: answers => answers.kubernetes.contexts,
	},
	// Where kubectl has contexts, the wizard offers them rather than asking to type one.
	onMachine(env) {
		const names = env?.kube?.contexts ?? [];
		if (names.length === 0) return {};
		return {
			hint: 'kubectl context the commands use (--context, repeatable, for several clusters)',
			choices: [{value: '', label: `current (${env?.kube?.current || 'none'})`}, ...names.map(name => ({value: name, label: name}))],
		};
	},
};

const allNamespaces = switchOption({
	group: 'kubernetes',
	key: 'allNamespaces',
	label: 'All namespaces',
	hint: 'a Secret in every namespace kubectl lists (Docker Hub rate limits, shared registries)',
	choices: ['only the namespaces given', 'every namespace of each cluster'],
	flag: {name: 'all-namespaces', help: ['a Secret in every namespace kubectl lists in each', 'cluster (listed when the plan is made)']},
	check: answers =>
		answers.kubernetes.allNamespaces && answers.kubernetes.namespaceSelector !== ''
			? ['--all-namespaces and --namespace-selector both choose the namespaces: give one of them.']
			: [],
});

/** A kubectl label selector: terms like team=web, tier!=dev, env (has the label), separated by commas. */
export function checkNamespaceSelector(selector: string): string | undefined {
	if (selector === '') return undefined;
	const label = '(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?';
	const value = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?';
	const term = new RegExp(`^(?:!?${label}|${label}(?:=|==|!=)${value})$`);
	if (!selector.split(',').every(part => term.test(part.trim()))) {
		return `Namespace selector "${selector}" is not a label selector: write LABEL=VALUE (for example team=web), several joined by commas.`;
	}
	return undefined;
}

const namespaceSelector = textOption({
	group: 'kubernetes',
	key: 'namespaceSelector',
	label: 'Namespace label',
	hint: 'LABEL=VALUE: a Secret in every namespace with this label (listed by kubectl); empty: none',
	flag: {
		name: 'namespace-selector',
		value: 'SEL',
		help: ['LABEL=VALUE: a Secret in every namespace kubectl', 'lists with that label (kubectl get namespaces -l)'],
	},
	check: checkNamespaceSelector,
});

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
	description: 'image pull Secrets per namespace and cluster, merged into existing ones, optional ServiceAccount imagePullSecrets',
	outputName: 'Kubernetes Secrets',
	credentialHelper: false,
	writes: [{kind: 'project', path: 'kubernetes/'}],
	help: {heading: 'Kubernetes'},
	checkImage: answers => answers.kubernetes.image,
	// In the order the equivalent command gives them.
	options: [
		namespaces,
		allNamespaces,
		namespaceSelector,
		{
			relevant: forSecrets,
			...textOption({
				group: 'kubernetes',
				key: 'secretName',
				label: 'Secret name',
				hint: 'the name Pods list under imagePullSecrets',
				flag: {name: 'secret-name', value: 'NAME', help: ['default regcred']},
				check: checkSecretName,
			}),
		},
		contexts,
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
	lifecycle: {
		wholeFile: true,
		afterRotation: (path, _answers, applied) => (applied ? undefined : `kubectl apply -f ${path}`),
	},
};
