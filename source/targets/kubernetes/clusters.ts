// Which clusters and namespaces the kubernetes target touches, and what kubectl must be asked
// before planning: the namespaces it lists (--all-namespaces, --namespace-selector) and the
// Secret already there (update in place). Pure: kubernetes/read-clusters.ts does the asking.
import type {Answers} from '../../answers.js';
import type {ClusterState, Environment} from '../../environment.js';

export interface ClusterQuery {
	/** '' for kubectl's current context. */
	context: string;
	/** Read the Secret already in each namespace (update in place), not only the namespaces. */
	secrets: boolean;
	/** How the namespaces are chosen: given (or kubectl's current one), every one, or by label. */
	select: {kind: 'given'; namespaces: string[]} | {kind: 'all'} | {kind: 'selector'; selector: string};
	secretName: string;
}

/**
 * What to ask kubectl for these answers; [] when the kubernetes target is not chosen, or when the
 * namespaces are given and the existing Secrets are not wanted (`existing` false: only files are
 * written, so nothing is merged in the cluster).
 */
export function clusterQueries(answers: Answers, existing = true): ClusterQuery[] {
	if (!answers.targets.includes('kubernetes')) return [];
	if (!existing && !answers.kubernetes.allNamespaces && answers.kubernetes.namespaceSelector === '') return [];
	const {contexts, allNamespaces, namespaceSelector, namespaces, secretName} = answers.kubernetes;
	const select: ClusterQuery['select'] = allNamespaces
		? {kind: 'all'}
		: namespaceSelector !== ''
			? {kind: 'selector', selector: namespaceSelector}
			: {kind: 'given', namespaces};
	return (contexts.length === 0 ? [''] : contexts).map(context => ({context, select, secretName, secrets: existing}));
}

/** One place a Secret goes: a namespace ('' for the current one) of a cluster ('' for the current context). */
export interface Placement {
	context: string;
	namespace: string;
	/** The Secret there now (null: none; undefined: not read). */
	existing: Record<string, unknown> | null | undefined;
}

export interface Placements {
	placements: Placement[];
	/** Clusters whose namespaces could not be listed, or whose Secrets could not be read: why. */
	problems: Array<{context: string; message: string; fatal: boolean}>;
}

/** Every (cluster, namespace) the Secret goes to, from the answers and what kubectl showed. */
export function placements(answers: Answers, env: Pick<Environment, 'clusters'>): Placements {
	const result: Placements = {placements: [], problems: []};
	for (const query of clusterQueries(answers)) {
		const state: ClusterState | undefined = env.clusters?.[query.context];
		const listed = query.select.kind !== 'given';
		if (listed && (state === undefined || state.namespaces === undefined)) {
			const how = query.select.kind === 'all' ? '--all-namespaces' : `--namespace-selector ${query.select.kind === 'selector' ? query.select.selector : ''}`;
			result.problems.push({
				context: query.context,
				message: state?.error
					? `could not list the namespaces for ${how}: ${state.error}`
					: `the namespaces for ${how} are listed by kubectl when the plan is made`,
				fatal: true,
			});
			continue;
		}
		if (state?.error) result.problems.push({context: query.context, message: state.error, fatal: false});
		const names = query.select.kind === 'given' ? (query.select.namespaces.length === 0 ? [''] : query.select.namespaces) : state!.namespaces!;
		if (listed && names.length === 0) {
			result.problems.push({context: query.context, message: 'kubectl listed no namespace that matches', fatal: true});
		}
		for (const namespace of names) result.placements.push({context: query.context, namespace, existing: state?.secrets[namespace]});
	}
	return result;
}
