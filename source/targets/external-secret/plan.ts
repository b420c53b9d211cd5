// External Secrets Operator: an ExternalSecret per namespace whose target is a
// kubernetes.io/dockerconfigjson Secret built from a key in the team's secret manager
// (docs/node-configs.md §External Secrets Operator). The manifest holds no secret: the review
// says what to put in the store, and regauth writes the password nowhere for this target.
import {externalSecret} from '../../formats/nodes/external-secret.js';
import {shellJoin} from '../../formats/shell-quote.js';
import type {Artifact, Command, Note} from '../../plan-types.js';
import {blockedOutput, projectPath, type TargetContext, type TargetOutput, type TargetPlanner, textArtifact} from '../context.js';

export const externalSecretTarget: TargetPlanner = {
	plan(ctx: TargetContext): TargetOutput {
		const {store, storeKind, remoteKey, usernameProperty, passwordProperty, refreshInterval} = ctx.answers.externalSecret;
		const {secretName, namespaces, contexts} = ctx.answers.kubernetes;
		const artifacts: Artifact[] = [];
		const commands: Command[] = [];
		const notes: Note[] = [];
		const [credential, ...more] = ctx.credentials;
		if (!credential) return {artifacts, commands, notes};
		if (more.length > 0) {
			const message = `external-secret builds one registry's Secret from one remote key; ${ctx.credentials.length} registries were given. Run regauth once per registry, each with its own --secret-name and --remote-key.`;
			const file = {id: 'external-secret:manifest', target: 'external-secret', title: 'ExternalSecret', path: projectPath(ctx, 'external-secret')} as const;
			return blockedOutput({...file, mode: 0o644, secret: false}, message, commands);
		}
		for (const namespace of namespaces.length === 0 ? [''] : namespaces) {
			const text = externalSecret({
				name: secretName,
				...(namespace === '' ? {} : {namespace}),
				registryKey: credential.key,
				storeName: store,
				storeKind,
				remoteKey,
				usernameProperty,
				passwordProperty,
				refreshInterval,
			});
			const folder = namespace === '' ? 'current-namespace' : namespace;
			const path = projectPath(ctx, 'external-secret', folder, `${secretName}.external-secret.yaml`);
			artifacts.push(
				textArtifact({
					id: `external-secret:${folder}`,
					target: 'external-secret',
					title: `ExternalSecret ${secretName}${namespace === '' ? '' : ` in ${namespace}`} (from ${storeKind} ${store})`,
					path,
					mode: 0o644,
					dirMode: 0o755,
					secret: false,
					text,
					redacted: text,
				}),
			);
			for (const context of contexts.length === 0 ? [''] : contexts) {
				const argv = [
					'kubectl',
					...(context === '' ? [] : ['--context', context]),
					'apply',
					...(namespace === '' ? [] : ['--namespace', namespace]),
					'-f',
					'-',
				];
				const where = `${namespace === '' ? '' : ` in ${namespace}`}${contexts.length > 1 ? ` (context ${context})` : ''}`;
				commands.push({
					id: `external-secret:apply:${context}/${folder}`,
					target: 'external-secret',
					title: `kubectl apply the ExternalSecret${where}`,
					argv,
					input: text,
					display: `${shellJoin(argv)} < ${path}`,
					role: 'deploy',
					timeoutMs: 60_000,
					check: [
						'kubectl',
						...(context === '' ? [] : ['--context', context]),
						'get',
						'externalsecret',
						secretName,
						...(namespace === '' ? [] : ['--namespace', namespace]),
						'-o',
						'name',
					],
					revert: shellJoin([
						'kubectl',
						...(context === '' ? [] : ['--context', context]),
						'delete',
						'externalsecret',
						secretName,
						...(namespace === '' ? [] : ['--namespace', namespace]),
					]),
				});
			}
		}
		notes.push({
			level: 'warning',
			target: 'external-secret',
			message: `Put the credential in the secret manager behind ${storeKind} ${store} before applying: key ${remoteKey} with property ${usernameProperty} = ${credential.username} and property ${passwordProperty} = the token you gave regauth. For example, Vault: printf '%s' "$TOKEN" | vault kv put ${shellJoin([remoteKey])} ${shellJoin([`${usernameProperty}=${credential.username}`])} ${passwordProperty}=- ; AWS Secrets Manager: a JSON secret ${shellJoin([remoteKey])} with those two keys. regauth writes the token nowhere for this target.`,
		});
		notes.push({
			level: 'info',
			target: 'external-secret',
			message: `The operator (external-secrets.io/v1, ESO 0.16 or later) creates Secret ${secretName} of type kubernetes.io/dockerconfigjson for ${credential.host} and refreshes it every ${refreshInterval}; Pods list it under imagePullSecrets as usual.`,
		});
		const check = `kubectl get externalsecret ${secretName}${namespaces[0] ? ` --namespace ${namespaces[0]}` : ''}`;
		return {artifacts, commands, notes, followUps: [{text: `${check}   — READY True once the operator has built Secret ${secretName} from the store`}]};
	},
};
