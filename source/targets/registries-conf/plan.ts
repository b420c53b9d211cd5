// A containers-registries.conf.d drop-in (v2) that sends pulls of one registry to the mirror
// the user logs in to, and that mirror's login in auth.json: containers/image looks a mirror's
// credentials up under the mirror's own host, not the registry's (docs/node-configs.md
// §containers registries.conf.d). The auth.json half is the podman target's merge.
import {join} from 'node:path';
import {podmanAuthPath} from '../../environment.js';
import {registriesConfDropIn} from '../../formats/nodes/registries-conf.js';
import type {Artifact, Command, Note} from '../../plan-types.js';
import {machinePath, type TargetContext, type TargetOutput, type TargetPlanner, textArtifact} from '../context.js';
import {podman} from '../podman/plan.js';
import {placedFields, placeSystemFile, stagedFor} from '../system-file.js';
import {SYSTEM_REGISTRIES_D} from './spec.js';

/** One drop-in per mirrored registry: a later one for the same prefix replaces it, as containers does. */
export function dropInName(prefix: string): string {
	return `50-regauth-${prefix.replace(/^\*\./, 'wildcard.').replace(/[^A-Za-z0-9.-]+/g, '_')}.conf`;
}

function userDropInDir(ctx: Pick<TargetContext, 'env'>): string {
	// Beside the persistent auth.json: ${XDG_CONFIG_HOME:-~/.config}/containers.
	return join(podmanAuthPath({...ctx.env, vars: {...ctx.env.vars, REGISTRY_AUTH_FILE: undefined}}), '..', 'registries.conf.d');
}

export const registriesConf: TargetPlanner = {
	reads: ctx => (ctx.answers.targets.includes('podman') ? [] : (podman.reads?.(ctx) ?? [])),
	plan(ctx: TargetContext): TargetOutput {
		const {mirrorOf, scope, insecure} = ctx.answers.registriesConf;
		const notes: Note[] = [];
		const artifacts: Artifact[] = [];
		const commands: Command[] = [];
		if (ctx.credentials.length === 0 || mirrorOf === '') return {artifacts, commands: [], notes};
		const mirrors = ctx.credentials.map(credential => credential.host);
		const text = registriesConfDropIn({prefix: mirrorOf, mirrors, insecure});
		const name = dropInName(mirrorOf);
		if (scope === 'system') {
			const staged = stagedFor(ctx, SYSTEM_REGISTRIES_D);
			artifacts.push(
				textArtifact({
					id: 'registries-conf:drop-in',
					target: 'registries-conf',
					title: `registries.conf.d: ${mirrorOf} pulls via ${mirrors.join(', ')}`,
					...placedFields(placeSystemFile(ctx, SYSTEM_REGISTRIES_D, join(SYSTEM_REGISTRIES_D, name), 'containers', 0o644)),
					mode: 0o644,
					dirMode: staged ? 0o700 : 0o755,
					secret: false,
					text,
					redacted: text,
				}),
			);
			if (staged)
				notes.push({
					level: 'warning',
					target: 'registries-conf',
					message: `${SYSTEM_REGISTRIES_D} is not writable by this user: regauth stages the drop-in under the output directory; install it with the command shown.`,
				});
			notes.push({
				level: 'info',
				target: 'registries-conf',
				message:
					'CRI-O reads the drop-in at start-up (sudo systemctl restart crio); its pulls for Kubernetes use the Pods’ pull Secrets or the kubelet’s config.json, so give the mirror’s login there too (--target kubernetes).',
			});
		} else {
			artifacts.push(
				textArtifact({
					id: 'registries-conf:drop-in',
					target: 'registries-conf',
					title: `registries.conf.d: ${mirrorOf} pulls via ${mirrors.join(', ')}`,
					path: machinePath(ctx, join(userDropInDir(ctx), name)),
					mode: 0o644,
					dirMode: 0o700,
					secret: false,
					text,
					redacted: text,
				}),
			);
		}
		// The mirror's login, where containers/image looks it up; the podman target writes it when chosen.
		if (!ctx.answers.targets.includes('podman')) {
			const auth = podman.plan(ctx);
			artifacts.push(...auth.artifacts.map(artifact => ({...artifact, title: `${artifact.title} (the mirror’s login)`})));
			notes.push(...auth.notes);
			commands.push(...auth.commands);
		}
		const followUps = [{text: `skopeo inspect --no-tags docker://${mirrorOf}/<your/image>   — pulls through ${mirrors[0]}`}];
		return {artifacts, commands, notes: [...notes, ...mirrorNotes(mirrorOf, mirrors, insecure)], followUps};
	},
};

function mirrorNotes(prefix: string, mirrors: string[], insecure: boolean): Note[] {
	const notes: Note[] = [
		{
			level: 'info',
			target: 'registries-conf',
			message: `Pulls of ${prefix}/… try ${mirrors.join(', then ')} first, then ${prefix} itself; mirrors serve pulls only (pushes go to ${prefix}). A later [[registry]] with the same prefix in another drop-in replaces this one.`,
		},
	];
	if (insecure)
		notes.push({
			level: 'warning',
			target: 'registries-conf',
			message: 'The mirror is marked insecure: plain HTTP or an unverified certificate. Use this only for a lab mirror.',
		});
	return notes;
}
