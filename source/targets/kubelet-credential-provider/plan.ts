// The kubelet's CredentialProviderConfig for the cloud registries given (docs/node-configs.md
// §kubelet credential providers): the kubelet runs the cloud's plugin for short-lived tokens, so
// the node holds no static credential at all. Providers already in the file are kept.
import {isMap, isSeq, parseDocument} from 'yaml';
import {type CloudPlugin, credentialProviderConfig, credentialProviderPlugin} from '../../formats/nodes/credential-provider.js';
import type {Note} from '../../plan-types.js';
import {recognise} from '../../registries/recognise.js';
import {blockedOutput, machinePath, refusedMerge, type TargetContext, type TargetOutput, type TargetPlanner, textArtifact} from '../context.js';
import {placedFields, placeSystemFile, stagedFor} from '../system-file.js';
import {KUBELET_DIR} from './spec.js';

export const PROVIDER_CONFIG = `${KUBELET_DIR}/image-credential-provider-config.yaml`;
export const PROVIDER_BIN_DIR = '/usr/libexec/kubernetes/kubelet-plugins/credential-provider/exec';

const PLUGIN_OF: Partial<Record<ReturnType<typeof recognise>['provider'], CloudPlugin>> = {ecr: 'ecr', 'ecr-public': 'ecr', gar: 'gar', acr: 'acr'};
const WHERE: Record<CloudPlugin, string> = {
	ecr: 'kubernetes/cloud-provider-aws (cmd/ecr-credential-provider); the node’s instance role needs ecr:GetAuthorizationToken',
	gar: 'kubernetes/cloud-provider-gcp (cmd/auth-provider-gcp); the node’s service account needs Artifact Registry Reader',
	acr: 'kubernetes-sigs/cloud-provider-azure (cmd/acr-credential-provider); it reads /etc/kubernetes/azure.json (the node’s managed identity needs AcrPull)',
};

/** The new config merged into an existing one: same-named providers replaced, others kept with their comments. */
export function mergeProviderConfig(existing: string | undefined, plugins: readonly CloudPlugin[]): {ok: true; text: string} | {ok: false; reason: string} {
	const fresh = credentialProviderConfig(plugins);
	if (existing === undefined || existing.trim() === '') return {ok: true, text: fresh};
	const doc = parseDocument(existing);
	if (doc.errors.length > 0) return {ok: false, reason: `not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`};
	if (!isMap(doc.contents) || doc.get('kind') !== 'CredentialProviderConfig') return {ok: false, reason: 'not a CredentialProviderConfig'};
	const providers = doc.get('providers');
	if (providers !== undefined && !isSeq(providers)) return {ok: false, reason: 'a CredentialProviderConfig whose providers is not a list'};
	const added = parseDocument(fresh).get('providers');
	if (!isSeq(added)) return {ok: true, text: fresh};
	if (!isSeq(providers)) doc.set('providers', added);
	else {
		for (const item of added.items) {
			const name = isMap(item) ? item.get('name') : undefined;
			const at = providers.items.findIndex(old => isMap(old) && old.get('name') === name);
			if (at === -1) providers.items.push(item);
			else providers.items[at] = item;
		}
	}
	return {ok: true, text: doc.toString({lineWidth: 0})};
}

export const kubeletCredentialProvider: TargetPlanner = {
	reads: ctx => [machinePath(ctx, PROVIDER_CONFIG)],
	plan(ctx: TargetContext): TargetOutput {
		const notes: Note[] = [];
		const plugins: CloudPlugin[] = [];
		const others: string[] = [];
		for (const credential of ctx.credentials) {
			const plugin = PLUGIN_OF[recognise(credential.host).provider];
			if (plugin) plugins.push(plugin);
			else others.push(credential.host);
		}
		const title = 'kubelet CredentialProviderConfig';
		const placed = placeSystemFile(ctx, KUBELET_DIR, PROVIDER_CONFIG, 'kubelet', 0o644);
		if (others.length > 0) {
			const message = `${others.join(', ')} ${others.length === 1 ? 'is not a registry' : 'are not registries'} a kubelet credential provider serves (Amazon ECR, Google Artifact Registry or GCR, Azure Container Registry): use --target kubernetes or containerd for ${others.length === 1 ? 'it' : 'them'}.`;
			if (plugins.length === 0) {
				const file = {id: 'kubelet-credential-provider:config', target: 'kubelet-credential-provider', title, ...placedFields(placed)} as const;
				return blockedOutput({...file, mode: 0o644, secret: false}, message);
			}
			notes.push({level: 'warning', target: 'kubelet-credential-provider', message});
		}
		const read = machinePath(ctx, PROVIDER_CONFIG);
		const base = ctx.env.files[read] ?? {exists: false};
		if (base.error)
			return refusedMerge({id: 'kubelet-credential-provider:config', target: 'kubelet-credential-provider', title, path: read, base, reason: base.error});
		const merged = mergeProviderConfig(base.exists ? base.text : undefined, plugins);
		if (!merged.ok)
			return refusedMerge({id: 'kubelet-credential-provider:config', target: 'kubelet-credential-provider', title, path: read, base, reason: merged.reason});
		const staged = stagedFor(ctx, KUBELET_DIR);
		const artifact = textArtifact({
			id: 'kubelet-credential-provider:config',
			target: 'kubelet-credential-provider',
			title: `${title} (${[...new Set(plugins)].map(plugin => credentialProviderPlugin(plugin).name).join(', ')})`,
			...placedFields(placed),
			...(staged ? {} : {base}),
			mode: 0o644,
			dirMode: staged ? 0o700 : 0o755,
			secret: false,
			text: merged.text,
			redacted: merged.text,
		});
		if (base.exists && base.text === merged.text) artifact.changed = false;
		if (staged)
			notes.push({
				level: 'warning',
				target: 'kubelet-credential-provider',
				message: `${KUBELET_DIR} is not writable by this user: regauth stages the file under the output directory; install it on every node with the command shown.`,
			});
		for (const plugin of new Set(plugins)) {
			const {name} = credentialProviderPlugin(plugin);
			notes.push({
				level: 'info',
				target: 'kubelet-credential-provider',
				message: `Install the ${name} binary into ${PROVIDER_BIN_DIR} on every node: it comes from ${WHERE[plugin]}.`,
			});
		}
		notes.push({
			level: 'info',
			target: 'kubelet-credential-provider',
			message: `Start the kubelet (1.26 or later) with --image-credential-provider-config=${PROVIDER_CONFIG} --image-credential-provider-bin-dir=${PROVIDER_BIN_DIR}, then restart it. The user name and token given to regauth are not written: the plugin gets short-lived tokens from the node’s cloud identity.`,
		});
		const followUps = [{text: 'sudo systemctl restart kubelet   — on every node, once the plugin and the kubelet flags are in place'}];
		return {artifacts: [artifact], commands: [], notes, followUps};
	},
};
