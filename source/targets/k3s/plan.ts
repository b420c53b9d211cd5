// k3s and RKE2: configs.<host>.auth merged into registries.yaml, every mirror, rewrite, tls block,
// other host and comment kept (docs/node-configs.md §k3s and RKE2). The file is read once at
// start-up on every node, servers too: the note says to restart.
import {join} from 'node:path';
import {isPair, isScalar, parseDocument, visit} from 'yaml';
import {MASK} from '../../formats/json-text.js';
import {mergeK3sRegistries} from '../../formats/nodes/k3s-registries.js';
import type {Note} from '../../plan-types.js';
import {machinePath, refusedMerge, type TargetContext, type TargetOutput, type TargetPlanner, textArtifact} from '../context.js';
import {placedFields, placeSystemFile, stagedFor} from '../system-file.js';
import {K3S_DIRS} from './spec.js';

const SECRET_KEYS = new Set(['password', 'auth', 'identity_token']);

/** The YAML with every credential value under configs.*.auth masked (the file may hold other hosts'). */
export function maskRegistriesYaml(text: string): string {
	const doc = parseDocument(text);
	visit(doc, {
		Pair(_, pair, path) {
			if (!isScalar(pair.key) || !SECRET_KEYS.has(String(pair.key.value)) || !isScalar(pair.value)) return;
			if (path.some(node => isPair(node) && isScalar(node.key) && node.key.value === 'configs')) pair.value.value = MASK;
		},
	});
	return doc.toString({lineWidth: 0});
}

/** The merge's message as "<path> is …" (refusedMerge's sentence). */
function refusal(message: string): string {
	const reason = message.replace(/:?\. regauth will not touch it\.$/, '');
	if (reason.startsWith('registries.yaml is ')) return reason.slice('registries.yaml is '.length);
	return `a file regauth cannot merge into (${reason.replace(/^registries\.yaml: /, '')})`;
}

function fileOf(ctx: Pick<TargetContext, 'answers'>): {dir: string; path: string} {
	const dir = K3S_DIRS[ctx.answers.k3s.distribution];
	return {dir, path: join(dir, 'registries.yaml')};
}

export const k3s: TargetPlanner = {
	reads: ctx => [machinePath(ctx, fileOf(ctx).path)],
	plan(ctx: TargetContext): TargetOutput {
		const {distribution} = ctx.answers.k3s;
		const {dir, path: destination} = fileOf(ctx);
		const read = machinePath(ctx, destination);
		const base = ctx.env.files[read] ?? {exists: false};
		const title = `${distribution === 'rke2' ? 'RKE2' : 'k3s'} registries.yaml`;
		if (base.error) return refusedMerge({id: 'k3s:registries', target: 'k3s', title, path: read, base, reason: base.error});
		const merged = mergeK3sRegistries(
			base.exists ? base.text : undefined,
			ctx.credentials.map(({host, username, password}) => ({host, username, password})),
		);
		if (!merged.ok)
			return refusedMerge({
				id: 'k3s:registries',
				target: 'k3s',
				title,
				path: read,
				base,
				reason: refusal(merged.message),
			});
		const staged = stagedFor(ctx, dir);
		const placed = placeSystemFile(ctx, dir, destination, distribution, 0o600);
		const notes: Note[] = [];
		const artifact = textArtifact({
			id: 'k3s:registries',
			target: 'k3s',
			title: `${title}: configs.<host>.auth${base.exists ? ' (merged, mirrors kept)' : ''}`,
			...placedFields(placed),
			...(staged ? {} : {base}),
			mode: 0o600,
			dirMode: staged ? 0o700 : 0o755,
			secret: true,
			text: merged.text,
			redacted: maskRegistriesYaml(merged.text),
		});
		if (base.exists && base.text === merged.text) artifact.changed = false;
		if (staged) {
			notes.push({
				level: 'warning',
				target: 'k3s',
				message: `${dir} is not writable by this user: regauth writes registries.yaml under the output directory; install it on every node with the command shown, then delete the staged copy (it holds the password).`,
			});
		}
		if (ctx.credentials.some(credential => credential.isDockerHub)) {
			notes.push({
				level: 'info',
				target: 'k3s',
				message: 'k3s looks Docker Hub up as registry-1.docker.io (the host its containerd contacts), so that is the key written.',
			});
		}
		notes.push({
			level: 'info',
			target: 'k3s',
			message: `${distribution === 'rke2' ? 'RKE2' : 'k3s'} reads ${destination} only at start-up, on every node (servers too): put it on each node and restart (sudo systemctl restart ${distribution === 'rke2' ? 'rke2-server or rke2-agent' : 'k3s or k3s-agent'}).`,
		});
		const service = distribution === 'rke2' ? 'rke2-server (or rke2-agent)' : 'k3s (or k3s-agent)';
		return {artifacts: [artifact], commands: [], notes, followUps: [{text: `sudo systemctl restart ${service}   — on every node, to read ${destination}`}]};
	},
};
