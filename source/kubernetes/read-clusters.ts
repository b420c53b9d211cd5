// Asks kubectl, read-only, what the kubernetes target needs before planning: the namespaces to
// use (--all-namespaces, --namespace-selector) and the Secret already in each (update in place).
// Nothing secret goes to kubectl's command line; what it prints (existing Secrets) stays in memory.
import {execFile} from 'node:child_process';
import {diagnoseKubectl} from '../apply/kubectl-errors.js';
import type {ClusterState} from '../environment.js';
import type {ClusterQuery} from '../targets/kubernetes/clusters.js';

const TIMEOUT_MS = 20_000;
/** kubectl processes at once (a cluster with hundreds of namespaces must not fork hundreds). */
const PARALLEL = 8;

type Run = (args: string[]) => Promise<{ok: true; stdout: string} | {ok: false; message: string; forbidden: boolean}>;

function runner(kubectl: string, env: NodeJS.ProcessEnv): Run {
	return args =>
		new Promise(resolve => {
			execFile(kubectl, args, {env, timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
				if (!error) return resolve({ok: true, stdout});
				const output = `${stderr}`.trim();
				const diagnosis = diagnoseKubectl(output);
				const last = output.split('\n').filter(Boolean).at(-1) ?? error.message;
				resolve({
					ok: false,
					message: diagnosis ? `${diagnosis.reason}. ${diagnosis.advice}` : `kubectl ${args.join(' ')}: ${last}`,
					forbidden: /forbidden/i.test(output),
				});
			});
		});
}

async function pool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};
	await Promise.all(Array.from({length: Math.min(PARALLEL, items.length)}, worker));
	return results;
}

interface ListedItem {
	metadata?: {name?: string; namespace?: string};
	status?: {phase?: string};
}

function items(stdout: string): ListedItem[] | undefined {
	try {
		const list = JSON.parse(stdout) as {items?: ListedItem[]};
		return Array.isArray(list.items) ? list.items : undefined;
	} catch {
		return undefined;
	}
}

async function readCluster(run: Run, query: ClusterQuery): Promise<ClusterState> {
	const context = query.context === '' ? [] : ['--context', query.context];
	const state: ClusterState = {secrets: {}};
	let namespaces: string[];
	if (query.select.kind === 'given') {
		namespaces = query.select.namespaces.length === 0 ? [''] : query.select.namespaces;
	} else {
		const selector = query.select.kind === 'selector' ? ['--selector', query.select.selector] : [];
		const listed = await run([...context, 'get', 'namespaces', ...selector, '-o', 'json']);
		if (!listed.ok) return {...state, error: listed.message};
		const found = items(listed.stdout);
		if (!found) return {...state, error: 'kubectl get namespaces did not print a list'};
		// A namespace being deleted refuses new objects; it is not a place to put a Secret.
		namespaces = found.filter(item => item.status?.phase !== 'Terminating').flatMap(item => (item.metadata?.name ? [item.metadata.name] : []));
		state.namespaces = namespaces;
	}
	if (!query.secrets || namespaces.length === 0) return state;
	if (namespaces.length > 1) {
		// One request for the whole cluster when the user may list Secrets everywhere; a cluster
		// that cannot be reached at all is not asked again per namespace.
		const all = await run([...context, 'get', 'secrets', '--all-namespaces', '--field-selector', `metadata.name=${query.secretName}`, '-o', 'json']);
		const secrets = all.ok ? items(all.stdout) : undefined;
		if (secrets) {
			for (const namespace of namespaces) state.secrets[namespace] = null;
			for (const secret of secrets) {
				const namespace = secret.metadata?.namespace;
				if (namespace !== undefined && namespace in state.secrets) state.secrets[namespace] = secret as Record<string, unknown>;
			}
			return state;
		}
		if (!all.ok && !all.forbidden) return {...state, error: all.message};
	}
	const reads = await pool(namespaces, namespace =>
		run([...context, 'get', 'secret', query.secretName, ...(namespace === '' ? [] : ['--namespace', namespace]), '--ignore-not-found', '-o', 'json']),
	);
	reads.forEach((read, index) => {
		const namespace = namespaces[index]!;
		if (!read.ok) {
			state.error ??= read.message;
			return;
		}
		if (read.stdout.trim() === '') {
			state.secrets[namespace] = null;
			return;
		}
		try {
			state.secrets[namespace] = JSON.parse(read.stdout) as Record<string, unknown>;
		} catch {
			state.error ??= `kubectl get secret ${query.secretName} did not print JSON`;
		}
	});
	return state;
}

/** Each queried cluster's state, keyed by context ('' for the current one). */
export async function readClusters(
	kubectl: string | undefined,
	queries: readonly ClusterQuery[],
	env: NodeJS.ProcessEnv,
): Promise<Record<string, ClusterState>> {
	if (queries.length === 0) return {};
	// Without kubectl the given namespaces are planned as before (files to apply later); only a
	// listing cannot be made.
	if (!kubectl)
		return Object.fromEntries(
			queries
				.filter(query => query.select.kind !== 'given')
				.map(query => [query.context, {secrets: {}, error: 'kubectl is not on PATH: install it, or name the namespaces with --namespace'}]),
		);
	const run = runner(kubectl, env);
	const states = await Promise.all(queries.map(query => readCluster(run, query)));
	return Object.fromEntries(queries.map((query, index) => [query.context, states[index]!]));
}
