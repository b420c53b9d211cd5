// Kubernetes: image pull Secrets byte-identical to `kubectl create secret docker-registry
// … --dry-run=client -o yaml`, an example Pod, and the kubectl commands that apply them.
// docs/formats.md §3.
import {stringify} from 'yaml';
import type {ResolvedCredential} from '../../answers.js';
import {encodeAuth} from '../../formats/docker-auth.js';
import {goJson} from '../../formats/go-json.js';
import {goYamlScalar} from '../../formats/go-yaml.js';
import {MASK} from '../../formats/json-text.js';
import {shellJoin} from '../../formats/shell-quote.js';
import type {Artifact, Command, Note} from '../../plan-types.js';
import {projectPath, type TargetContext, type TargetPlanner, textArtifact} from '../context.js';

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
	return {yaml: render(data), redacted: `${render(MASK)}# ${key} decoded: ${decoded}\n`};
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
	return `# A Pod that pulls with the Secret; it must live in the Secret's namespace.\n${stringify(pod)}`;
}

function kubectl(ctx: TargetContext, ...args: string[]): string[] {
	const {context} = ctx.answers.kubernetes;
	return ['kubectl', ...(context === '' ? [] : ['--context', context]), ...args];
}

export const kubernetes: TargetPlanner = {
	plan(ctx: TargetContext) {
		const {namespaces, secretName, secretType, serviceAccount} = ctx.answers.kubernetes;
		const artifacts: Artifact[] = [];
		const commands: Command[] = [];
		const notes: Note[] = [];
		const targets = namespaces.length === 0 ? [''] : namespaces;
		for (const namespace of targets) {
			const manifest = secretManifest(secretName, namespace, ctx.credentials, secretType);
			const folder = namespace === '' ? 'current-namespace' : namespace;
			const path = projectPath(ctx, 'kubernetes', folder, `${secretName}.secret.yaml`);
			artifacts.push(
				textArtifact({
					id: `kubernetes:secret:${folder}`,
					target: 'kubernetes',
					title: `Secret ${secretName}${namespace === '' ? '' : ` in ${namespace}`}`,
					path,
					mode: 0o600,
					secret: true,
					text: manifest.yaml,
					redacted: manifest.redacted,
				}),
			);
			const ns = namespace === '' ? [] : ['--namespace', namespace];
			const apply = kubectl(ctx, 'apply', ...ns, '-f', '-');
			commands.push({
				id: `kubernetes:apply:${folder}`,
				target: 'kubernetes',
				title: `kubectl apply the Secret${namespace === '' ? '' : ` in ${namespace}`}`,
				argv: apply,
				input: manifest.yaml,
				display: `${shellJoin(apply)} < ${path}`,
				role: 'deploy',
				timeoutMs: 60_000,
				check: kubectl(ctx, 'get', 'secret', secretName, ...ns, '-o', 'name'),
				revert: shellJoin(kubectl(ctx, 'delete', 'secret', secretName, ...ns)),
			});
			if (serviceAccount !== '') {
				// A ServiceAccount without the list (the usual state of `default`) cannot be appended
				// to: apply reads it and runs one of these two, so the display names both verbatim.
				const patchArgv = kubectl(ctx, 'patch', 'serviceaccount', serviceAccount, ...ns, '--type=json', '--patch');
				const read = kubectl(ctx, 'get', 'serviceaccount', serviceAccount, ...ns, '-o', 'json');
				const create = [...patchArgv, goJson([{op: 'add', path: '/imagePullSecrets', value: [{name: secretName}]}])];
				const append = [...patchArgv, goJson([{op: 'add', path: '/imagePullSecrets/-', value: {name: secretName}}])];
				commands.push({
					id: `kubernetes:serviceaccount:${folder}`,
					target: 'kubernetes',
					title: `Add ${secretName} to the imagePullSecrets of ServiceAccount ${serviceAccount}${namespace === '' ? '' : ` in ${namespace}`}`,
					argv: read,
					display: `${shellJoin(read)}  # then, if it has no imagePullSecrets list: ${shellJoin(create)}  # if the list lacks ${secretName}: ${shellJoin(append)}  # if ${secretName} is listed: nothing`,
					role: 'deploy',
					timeoutMs: 60_000,
					strategy: {kind: 'serviceaccount-append', secretName, read, create, append},
				});
			}
		}
		const first = targets[0]!;
		artifacts.push(
			textArtifact({
				id: 'kubernetes:pod-example',
				target: 'kubernetes',
				title: 'Example Pod using the Secret',
				path: projectPath(ctx, 'kubernetes', 'pod-example.yaml'),
				mode: 0o644,
				dirMode: 0o755,
				secret: false,
				text: podExample(ctx, first),
				redacted: podExample(ctx, first),
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
		const secrets = artifacts.filter(artifact => artifact.secret).map(artifact => `-f ${shellJoin([artifact.path])}`);
		const pod = artifacts.find(artifact => artifact.id === 'kubernetes:pod-example')!.path;
		const followUps = [
			{text: `Pods in those namespaces pull with imagePullSecrets: [{name: ${secretName}}] (see ${pod})`, ifDone: applies},
			{text: `kubectl apply ${secrets.join(' ')}   — then Pods use imagePullSecrets: [{name: ${secretName}}]`, unlessDone: applies},
		];
		return {artifacts, commands, notes, followUps};
	},
};
