// Podman, Buildah and Skopeo: a merge into the persistent containers auth.json (docs/formats.md
// §8.1). `podman login` writes under $XDG_RUNTIME_DIR, a tmpfs lost at reboot; regauth writes
// ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json (or $REGISTRY_AUTH_FILE), which they read
// next. Other entries and unknown keys are kept (podman itself would drop unknown keys).
import {basename} from 'node:path';
import {authEntry, keysFor, PODMAN_DOCKER_HUB, podmanKey, route} from '../../authfile/meaning.js';
import {podmanAuthPath, podmanRuntimeAuthPath} from '../../environment.js';
import {type AuthChanges, applyAuthChanges, readAuthFile} from '../../formats/docker-config.js';
import {isPlainObject, setJsonValue} from '../../formats/json-text.js';
import {helperName, helperStoreCommand} from '../../keychain/store-command.js';
import type {Command, Note} from '../../plan-types.js';
import {cloudRoute, cloudRouteNote} from '../../registries/cloud-route.js';
import {authFileArtifact, machinePath, refusedMerge, type TargetContext, type TargetPlanner} from '../context.js';

export const podman: TargetPlanner = {
	reads(ctx) {
		const runtime = ctx.answers.destdir === '' ? podmanRuntimeAuthPath(ctx.env) : undefined;
		return [machinePath(ctx, podmanAuthPath(ctx.env)), ...(runtime ? [runtime] : [])];
	},
	plan(ctx: TargetContext) {
		const path = machinePath(ctx, podmanAuthPath(ctx.env));
		const base = ctx.env.files[path] ?? {exists: false};
		const file = readAuthFile(base);
		const notes: Note[] = [];
		const commands: Command[] = [];
		const title = 'containers auth.json';
		const dockerCompatible = basename(path) === 'config.json';

		if (file.kind === 'malformed') return refusedMerge({id: 'podman:auth', target: 'podman', title, path, base, reason: file.message});

		const doc = file.kind === 'present' ? file.doc : {};
		const helper = helperName(ctx.answers.keychain);
		const changes: AuthChanges = {auths: {}, credHelpers: {}};
		const drop: string[] = [];
		const unroutable: string[] = [];
		for (const credential of ctx.credentials) {
			const key = podmanKey(credential, dockerCompatible);
			const cloud = cloudRoute(credential, ctx.env);
			if (cloud) {
				notes.push({level: cloud.present ? 'info' : 'warning', target: 'podman', message: cloudRouteNote(cloud, credential.host, path, 'podman')});
				if (cloud.present) {
					// podman, buildah and skopeo honour credHelpers: the cloud's helper mints the token.
					changes.credHelpers![key] = cloud.helper;
					const existing = isPlainObject(doc.auths) ? doc.auths[key] : undefined;
					if (existing !== undefined) drop.push(key);
					continue;
				}
			}
			if (helper) {
				// podman honours credHelpers (not credsStore); a plain-text copy beside it would only leak.
				changes.credHelpers![key] = helper;
				const existing = isPlainObject(doc.auths) ? doc.auths[key] : undefined;
				if (isPlainObject(existing) && Object.keys(existing).length > 0) drop.push(key);
				// The docker target stores docker's key, and docker.io for Docker Hub as well.
				const dockerStores = ctx.answers.targets.includes('docker') && (key === credential.key || (credential.isDockerHub && key === PODMAN_DOCKER_HUB));
				if (!dockerStores) commands.push(helperStoreCommand('podman', helper, {...credential, key}));
				continue;
			}
			const routed = route(doc, key, 'podman')?.name;
			if (routed) {
				// podman reads this registry from that helper and would ignore a password in the file.
				if (!ctx.env.helpers.includes(routed)) {
					unroutable.push(
						`${path} sends ${credential.host} to docker-credential-${routed} (credHelpers), which is not on PATH: podman cannot log in there. Install it, or remove that credHelpers entry, or choose --keychain regauth.`,
					);
					continue;
				}
				commands.push(helperStoreCommand('podman', routed, {...credential, key}));
				notes.push({
					level: 'info',
					target: 'podman',
					message: `${path} sends ${credential.host} to docker-credential-${routed} (credHelpers); regauth stores the credential through it and writes no password into the file.`,
				});
				continue;
			}
			changes.auths[key] = authEntry(credential);
		}

		let text = applyAuthChanges(file, changes);
		for (const key of drop) text = setJsonValue(text, ['auths', key], undefined);
		const artifact = authFileArtifact({id: 'podman:auth', target: 'podman', title, path, base, file, text}, notes);
		if (unroutable.length > 0) {
			artifact.blocked = unroutable.join(' ');
			notes.push({level: 'error', target: 'podman', message: artifact.blocked});
		}

		if (!helper && Object.keys(changes.auths).length > 0) {
			notes.push({
				level: 'warning',
				target: 'podman',
				message: `The password is stored base64-encoded, not encrypted, in ${path}: anyone who can read that file can use it. --keychain regauth keeps it in the OS keychain instead.`,
			});
		}
		if (typeof doc.credsStore === 'string' && doc.credsStore !== '') {
			notes.push({
				level: 'info',
				target: 'podman',
				message: `${path} sets credsStore "${doc.credsStore}"; podman, buildah and skopeo ignore credsStore (only credHelpers routes a registry to a helper).`,
			});
		}
		if (ctx.env.vars.REGISTRY_AUTH_FILE) {
			notes.push({
				level: 'info',
				target: 'podman',
				message: `REGISTRY_AUTH_FILE is set, so podman, buildah and skopeo use ${ctx.env.vars.REGISTRY_AUTH_FILE} (and only that file); regauth writes there.`,
			});
		} else if (ctx.answers.destdir === '') {
			const runtime = podmanRuntimeAuthPath(ctx.env)!;
			notes.push({
				level: 'info',
				target: 'podman',
				message: `podman login would write ${runtime}, which is on tmpfs and lost at reboot; regauth writes ${path}, which podman, buildah and skopeo read next and which persists.`,
			});
			const runtimeFile = readAuthFile(ctx.env.files[runtime]);
			if (runtimeFile.kind === 'present') {
				for (const credential of ctx.credentials) {
					const shadowing = keysFor(runtimeFile.doc, credential.key);
					if (shadowing.length === 0) continue;
					notes.push({
						level: 'warning',
						target: 'podman',
						message: `${runtime} already has ${credential.host} (${shadowing.join(', ')}), and podman reads that file first: it wins until the next reboot. To use the new login now: podman logout --authfile ${runtime} ${podmanKey(credential, false)}`,
					});
				}
			}
		}
		const host = ctx.credentials[0]?.host ?? 'registry.example.com';
		const followUps = [{text: `skopeo inspect docker://${host}/<your/image>   — podman, buildah and skopeo read the same login`}];
		return {artifacts: [artifact], commands, notes, followUps};
	},
};
