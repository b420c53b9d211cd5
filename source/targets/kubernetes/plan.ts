// Kubernetes: image pull Secrets byte-identical to `kubectl create secret docker-registry
// … --dry-run=client -o yaml`, an example Pod, and the kubectl commands that apply them.
// docs/formats.md §3.
import {stringify} from 'yaml';
import type {ResolvedCredential} from '../../answers.js';
import {encodeAuth} from '../../formats/docker-auth.js';
import {goJson} from '../../formats/go-json.js';
import {goYamlScalar} from '../../formats/go-yaml.js';
import {MASK} from '../../formats/json-text.js';
import {recent} from '../../formats/recent.js';
import {shellJoin} from '../../formats/shell-quote.js';
import type {Artifact, Command, Note} from '../../plan-types.js';
import {blockedArtifact, projectPath, type TargetContext, type TargetPlanner, textArtifact} from '../context.js';
import {type Placement, placements} from './clusters.js';
import {mergeSecret, restorableSecret} from './merge-secret.js';

/** kubectl's DockerConfigEntry, fields in struct order (username, password, email, auth). */
function entry(credential: ResolvedCredential, mask: boolean) {
	return {
		username: credential.username,
		password: mask ? MASK : credential.password,
		...(credential.email === '' ? {} : {email: credential.email}),
		auth: mask ? MASK : encodeAuth(credential.username, credential.password),
	};
}

/** The `.dockerconfigjson` (or legacy flat `.dockercfg`) document, as Go's json.Marshal writes it. */
export function dockerConfigJson(credentials: ResolvedCredential[], type: 'dockerconfigjson' | 'dockercfg', mask = false): string {
	// Go sorts map keys by bytes; JS sorts strings by UTF-16 units, the same for these ASCII keys.
	const sorted = [...credentials].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const auths = Object.fromEntries(sorted.map(credential => [credential.key, entry(credential, mask)]));
	return goJson(type === 'dockercfg' ? auths : {auths});
}

export interface SecretManifest {
	yaml: string;
	redacted: string;
	/** The data decoded (masked), for a caption beside the file: not part of it. */
	caption: string;
}

export function secretManifest(name: string, namespace: string, credentials: ResolvedCredential[], type: 'dockerconfigjson' | 'dockercfg'): SecretManifest {
	const key = type === 'dockercfg' ? '.dockercfg' : '.dockerconfigjson';
	const render = (data: string) =>
		[
			'apiVersion: v1',
			'data:',
			`  ${key}: ${data}`,
			'kind: Secret',
			'metadata:',
			'  creationTimestamp: null',
			`  name: ${goYamlScalar(name)}`,
			...(namespace === '' ? [] : [`  namespace: ${goYamlScalar(namespace)}`]),
			`type: kubernetes.io/${type}`,
			'',
		].join('\n');
	const data = Buffer.from(dockerConfigJson(credentials, type), 'utf8').toString('base64');
	const decoded = dockerConfigJson(credentials, type, true);
	return {yaml: render(data), redacted: render(MASK), caption: `${key} decoded: ${decoded}`};
}

function exampleImage(ctx: TargetContext): string {
	if (ctx.answers.kubernetes.image !== '') return ctx.answers.kubernetes.image;
	const first = ctx.credentials[0];
	if (!first) return 'registry.example.com/team/app:1.0';
	return `${first.host}/${first.robot?.namespace ?? 'team'}/app:1.0`;
}

function podExample(ctx: TargetContext, namespace: string): string {
	const {secretName} = ctx.answers.kubernetes;
	const metadata: Record<string, string> = {name: 'private-image-example'};
	if (namespace !== '') metadata.namespace = namespace;
	const pod = {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata,
		spec: {containers: [{name: 'app', image: exampleImage(ctx)}], imagePullSecrets: [{name: secretName}]},
	};
	return podYaml(pod);
}

/** The example Pod holds no secret and changes only with the image, Secret and namespace. */
const podYaml = recent(
	(pod: object) => `# A Pod that pulls with the Secret; it must live in the Secret's namespace.\n${stringify(pod)}`,
	pod => JSON.stringify(pod),
);

function kubectl(context: string, ...args: string[]): string[] {
	return ['kubectl', ...(context === '' ? [] : ['--context', context]), ...args];
}

/** Where a placement is named in titles and folders: the cluster only when there are several. */
function where(placement: Placement, several: boolean): {label: string; folder: string; suffix: string} {
	const namespace = placement.namespace === '' ? 'current-namespace' : placement.namespace;
	const cluster = placement.context === '' ? 'current-context' : placement.context;
	const inNamespace = placement.namespace === '' ? '' : ` in ${placement.namespace}`;
	if (!several) return {label: namespace, folder: namespace, suffix: inNamespace};
	return {label: `${cluster}/${namespace}`, folder: `${cluster}/${namespace}`, suffix: `${inNamespace} (context ${cluster})`};
}

const yamlOf = (value: unknown) => stringify(value, {lineWidth: 0});

/**
 * How to take this run's entries out of a merged Secret by hand: the Secret goes through jq on a
 * pipe (no secret on a command line). Entries it replaced cannot be put back this way: the note
 * points at the saved copy.
 */
function mergeRevert(
	context: string,
	ns: string[],
	name: string,
	type: 'dockerconfigjson' | 'dockercfg',
	merge: {added: string[]; replaced: string[]},
	before: string,
): string {
	if (merge.added.length === 0) return `${shellJoin(kubectl(context, 'replace', ...ns, '-f', before))}   (the Secret as it was)`;
	const key = type === 'dockercfg' ? '.dockercfg' : '.dockerconfigjson';
	const path = (entry: string) => (type === 'dockercfg' ? `[${JSON.stringify(entry)}]` : `.auths[${JSON.stringify(entry)}]`);
	const filter = `.data[${JSON.stringify(key)}] |= (@base64d | fromjson | del(${merge.added.map(path).join(', ')}) | tojson | @base64)`;
	return `${shellJoin(kubectl(context, 'get', 'secret', name, ...ns, '-o', 'json'))} | ${shellJoin(['jq', filter])} | ${shellJoin(kubectl(context, 'replace', '-f', '-'))}${merge.replaced.length > 0 ? `   (then restore ${merge.replaced.join(', ')} from ${before})` : ''}`;
}

export const kubernetes: TargetPlanner = {
	plan(ctx: TargetContext) {
		const {secretName, secretType, serviceAccount, contexts} = ctx.answers.kubernetes;
		const artifacts: Artifact[] = [];
		const commands: Command[] = [];
		const notes: Note[] = [];
		const found = placements(ctx.answers, ctx.env);
		const several = contexts.length > 1;
		for (const problem of found.problems) {
			const cluster = problem.context === '' ? 'the current context' : `context ${problem.context}`;
			notes.push({
				level: problem.fatal ? 'error' : 'warning',
				target: 'kubernetes',
				message: problem.fatal
					? `Kubernetes, ${cluster}: ${problem.message}; no Secret is planned there.`
					: `Kubernetes, ${cluster}: could not read the existing Secret ${secretName} (${problem.message}); it is planned as new, and applying it replaces a Secret of that name whole.`,
			});
		}
		const entries = Object.fromEntries(ctx.credentials.map(credential => [credential.key, entry(credential, false)]));
		const summary: string[] = [];
		for (const placement of found.placements) {
			const {namespace, context} = placement;
			const {label, folder, suffix} = where(placement, several);
			const path = projectPath(ctx, 'kubernetes', ...folder.split('/'), `${secretName}.secret.yaml`);
			const ns = namespace === '' ? [] : ['--namespace', namespace];
			const check = kubectl(context, 'get', 'secret', secretName, ...ns, '-o', 'name');
			const existing = placement.existing;
			const merge = existing ? mergeSecret(existing, ctx.credentials, entries, secretType) : undefined;
			if (merge?.status === 'refused') {
				const message = `${label}: ${merge.reason}`;
				const file = {id: `kubernetes:secret:${folder}`, target: 'kubernetes', title: `Secret ${secretName}${suffix}`, path} as const;
				artifacts.push(blockedArtifact({...file, mode: 0o600, secret: true}, message));
				notes.push({level: 'error', target: 'kubernetes', message});
				summary.push(`${label} (refused)`);
				continue;
			}
			if (merge?.status === 'merge') {
				const text = yamlOf(merge.secret);
				const redacted = yamlOf(merge.redacted);
				const caption = [`${secretType === 'dockercfg' ? '.dockercfg' : '.dockerconfigjson'} decoded: ${merge.decoded}`];
				artifacts.push(
					textArtifact({
						id: `kubernetes:secret:${folder}`,
						target: 'kubernetes',
						title: `Secret ${secretName}${suffix}, merged into the cluster’s`,
						path,
						mode: 0o600,
						secret: true,
						text,
						redacted,
						caption,
					}),
				);
				const before = projectPath(ctx, 'kubernetes', ...folder.split('/'), `${secretName}.before.secret.yaml`);
				const previous = restorableSecret(existing!);
				artifacts.push(
					textArtifact({
						id: `kubernetes:secret-before:${folder}`,
						target: 'kubernetes',
						title: `Secret ${secretName}${suffix} as it was (to undo)`,
						path: before,
						mode: 0o600,
						secret: true,
						text: yamlOf(previous),
						redacted: '(the Secret as it was before this run, its data masked)\n',
					}),
				);
				const replace = kubectl(context, 'replace', ...ns, '-f', '-');
				const kept = merge.kept.length === 0 ? '' : `, keeps ${merge.kept.join(', ')}`;
				const changes = [
					merge.added.length > 0 ? `adds ${merge.added.join(', ')}` : '',
					merge.replaced.length > 0 ? `replaces ${merge.replaced.join(', ')}` : '',
				]
					.filter(Boolean)
					.join(', ');
				commands.push({
					id: `kubernetes:apply:${folder}`,
					target: 'kubernetes',
					title: `kubectl replace the Secret${suffix}: ${changes}${kept}`,
					argv: replace,
					input: text,
					display: `${shellJoin(replace)} < ${path}`,
					role: 'deploy',
					timeoutMs: 60_000,
					check,
					revert: mergeRevert(context, ns, secretName, secretType, merge, before),
				});
				if (merge.replaced.length > 0) {
					notes.push({
						level: 'warning',
						target: 'kubernetes',
						message: `Secret ${secretName} in ${label}: the entries for ${merge.replaced.join(', ')} are replaced; the Secret as it was is saved in ${before} (0600). regauth undo removes that file with the others, so keep a copy if you may want the old entries back.`,
					});
				}
				summary.push(`${label} (merge: ${changes}${kept})`);
			} else {
				const manifest = secretManifest(secretName, namespace, ctx.credentials, secretType);
				artifacts.push(
					textArtifact({
						id: `kubernetes:secret:${folder}`,
						target: 'kubernetes',
						title: `Secret ${secretName}${suffix}`,
						path,
						mode: 0o600,
						secret: true,
						text: manifest.yaml,
						redacted: manifest.redacted,
						caption: [manifest.caption],
					}),
				);
				if (merge?.status === 'unchanged') {
					summary.push(`${label} (unchanged)`);
					notes.push({
						level: 'info',
						target: 'kubernetes',
						message: `Secret ${secretName} in ${label} already holds this entry${merge.kept.length > 0 ? ` (and keeps ${merge.kept.join(', ')})` : ''}: nothing to apply there.`,
					});
				} else {
					summary.push(`${label} (${existing === null ? 'new' : 'new or replaced'})`);
					const apply = kubectl(context, 'apply', ...ns, '-f', '-');
					commands.push({
						id: `kubernetes:apply:${folder}`,
						target: 'kubernetes',
						title: `kubectl apply the Secret${suffix}`,
						argv: apply,
						input: manifest.yaml,
						display: `${shellJoin(apply)} < ${path}`,
						role: 'deploy',
						timeoutMs: 60_000,
						check,
						revert: shellJoin(kubectl(context, 'delete', 'secret', secretName, ...ns)),
					});
				}
			}
			if (serviceAccount !== '') {
				// A ServiceAccount without the list (the usual state of `default`) cannot be appended
				// to: apply reads it and runs one of these two, so the display names both verbatim.
				const patchArgv = kubectl(context, 'patch', 'serviceaccount', serviceAccount, ...ns, '--type=json', '--patch');
				const read = kubectl(context, 'get', 'serviceaccount', serviceAccount, ...ns, '-o', 'json');
				const create = [...patchArgv, goJson([{op: 'add', path: '/imagePullSecrets', value: [{name: secretName}]}])];
				const append = [...patchArgv, goJson([{op: 'add', path: '/imagePullSecrets/-', value: {name: secretName}}])];
				commands.push({
					id: `kubernetes:serviceaccount:${folder}`,
					target: 'kubernetes',
					title: `Add ${secretName} to the imagePullSecrets of ServiceAccount ${serviceAccount}${suffix}`,
					argv: read,
					display: `${shellJoin(read)}  # then, if it has no imagePullSecrets list: ${shellJoin(create)}  # if the list lacks ${secretName}: ${shellJoin(append)}  # if ${secretName} is listed: nothing`,
					role: 'deploy',
					timeoutMs: 60_000,
					strategy: {kind: 'serviceaccount-append', secretName, read, create, append},
				});
			}
		}
		if (ctx.env.clusters !== undefined && summary.length > 0) {
			notes.push({
				level: 'info',
				target: 'kubernetes',
				message: `Secret ${secretName} goes to ${summary.length} place${summary.length === 1 ? '' : 's'}: ${summary.join('; ')}.`,
			});
		}
		const first = found.placements[0]?.namespace ?? '';
		const pod = podExample(ctx, first);
		artifacts.push(
			textArtifact({
				id: 'kubernetes:pod-example',
				target: 'kubernetes',
				title: 'Example Pod using the Secret',
				path: projectPath(ctx, 'kubernetes', 'pod-example.yaml'),
				mode: 0o644,
				dirMode: 0o755,
				secret: false,
				text: pod,
				redacted: pod,
			}),
		);
		if (secretType === 'dockercfg') {
			notes.push({
				level: 'info',
				target: 'kubernetes',
				message: 'The legacy kubernetes.io/dockercfg type is written on request; kubectl has produced kubernetes.io/dockerconfigjson since 1.10.',
			});
		}
		const applies = commands.filter(command => command.role === 'deploy' && command.input !== undefined).map(command => command.id);
		// By hand, each manifest as its command would send it: apply for a new Secret, replace for a merged one.
		const byHand = commands.filter(command => command.id.startsWith('kubernetes:apply:')).map(command => command.display.replace(/ -f - < (.*)$/, ' -f $1'));
		const podPath = artifacts.find(artifact => artifact.id === 'kubernetes:pod-example')!.path;
		const followUps = [
			{text: `Pods in those namespaces pull with imagePullSecrets: [{name: ${secretName}}] (see ${podPath})`, ifDone: applies},
			...(byHand.length > 0 ? [{text: `${byHand.join(' && ')}   — then Pods use imagePullSecrets: [{name: ${secretName}}]`, unlessDone: applies}] : []),
		];
		return {artifacts, commands, notes, followUps};
	},
};
