// Docker: an entry in config.json (merged, never clobbered), or a credHelpers route to a
// keychain helper; `docker login --password-stdin` as the alternative. docs/formats.md §1.
import {dirname} from 'node:path';
import {authEntry, helperFor, PODMAN_DOCKER_HUB, plainTextKeys} from '../../authfile/meaning.js';
import {dockerConfigPath} from '../../environment.js';
import {type AuthChanges, applyAuthChanges, readAuthFile} from '../../formats/docker-config.js';
import {isPlainObject} from '../../formats/json-text.js';
import {shellJoin} from '../../formats/shell-quote.js';
import {keychainBlock, missingHelperNote} from '../../keychain/helper-checks.js';
import {helperName, helperStoreCommand} from '../../keychain/store-command.js';
import type {Command, FollowUp, Note} from '../../plan-types.js';
import {cloudRoute, cloudRouteNote} from '../../registries/cloud-route.js';
import {authFileArtifact, machinePath, refusedMerge, type TargetContext, type TargetPlanner} from '../context.js';

export const docker: TargetPlanner = {
	reads: ctx => [machinePath(ctx, dockerConfigPath(ctx.env))],
	plan(ctx: TargetContext) {
		const path = machinePath(ctx, dockerConfigPath(ctx.env));
		const base = ctx.env.files[path] ?? {exists: false};
		const file = readAuthFile(base);
		const notes: Note[] = [];
		const commands: Command[] = [];
		const title = 'Docker config.json';

		if (file.kind === 'malformed') return refusedMerge({id: 'docker:config', target: 'docker', title, path, base, reason: file.message});

		const doc = file.kind === 'present' ? file.doc : {};
		const helper = helperName(ctx.answers.keychain);
		const changes: AuthChanges = {auths: {}, credHelpers: {}};
		const unroutable: string[] = [];
		const cloudRouted = new Set<string>();
		for (const credential of ctx.credentials) {
			const cloud = cloudRoute(credential, ctx.env);
			if (cloud) {
				notes.push({level: cloud.present ? 'info' : 'warning', target: 'docker', message: cloudRouteNote(cloud, credential.host, path, 'docker')});
				if (cloud.present) {
					// The cloud's helper mints tokens itself: route only this host to it, and drop any
					// stale token docker would otherwise keep beside the route.
					changes.credHelpers![credential.key] = cloud.helper;
					changes.removeAuths = [...(changes.removeAuths ?? []), credential.key];
					cloudRouted.add(credential.key);
					continue;
				}
			}
			if (helper) {
				// docker keeps an empty entry beside a helper route; it also removes any plain-text copy.
				changes.auths[credential.key] = {};
				changes.credHelpers![credential.key] = helper;
				commands.push(helperStoreCommand('docker', helper, credential, ctx.env));
				if (credential.isDockerHub) {
					// podman, buildah and skopeo reading this file look Docker Hub up as docker.io in
					// credHelpers, never under docker's key (docs/formats.md §8.1): route and store both.
					changes.credHelpers![PODMAN_DOCKER_HUB] = helper;
					commands.push(helperStoreCommand('docker', helper, {...credential, key: PODMAN_DOCKER_HUB}, ctx.env));
				}
				continue;
			}
			const routed = helperFor(doc, credential.key);
			if (routed && !ctx.env.helpers.includes(routed.name)) {
				// Nowhere to put it that docker would read: refuse rather than report success.
				const instead =
					routed.via === 'credsStore'
						? ` Or route ${credential.host} elsewhere with --keychain regauth: a credHelpers entry takes precedence over credsStore.`
						: '';
				unroutable.push(`${missingHelperNote(path, routed.name, routed.via, credential.host)}${instead}`);
				continue;
			}
			if (routed) {
				// docker reads this registry from that helper and would ignore a password in the
				// file: store it where docker looks, as docker login would.
				commands.push(helperStoreCommand('docker', routed.name, credential, ctx.env));
				notes.push({
					level: 'info',
					target: 'docker',
					message: `${path} sends ${credential.host} to docker-credential-${routed.name} (${routed.via}); regauth stores the credential through it, as docker login would, and writes no password into the file.`,
				});
				continue;
			}
			changes.auths[credential.key] = authEntry(credential);
		}
		if (!helper && Object.keys(changes.auths).length > 0) {
			notes.push({
				level: 'warning',
				target: 'docker',
				message: `The password is stored base64-encoded, not encrypted, in ${path}: anyone who can read that file can use it. --keychain regauth keeps it in the OS keychain instead.`,
			});
		}

		const text = applyAuthChanges(file, changes);
		const artifact = authFileArtifact({id: 'docker:config', target: 'docker', title, path, base, file, text}, notes);
		// A route to a helper that cannot store (or is missing) would break pulls: refuse it.
		const block =
			ctx.credentials.length > 0 ? (keychainBlock(ctx.answers.keychain, ctx.env) ?? (unroutable.length > 0 ? unroutable.join(' ') : undefined)) : undefined;
		if (block) {
			artifact.blocked = block;
			notes.push({level: 'error', target: 'docker', message: block});
		}
		const credsStore = typeof doc.credsStore === 'string' ? doc.credsStore : '';
		if (helper && credsStore !== '' && !ctx.env.helpers.includes(credsStore)) {
			notes.push({
				level: 'warning',
				target: 'docker',
				message: `${missingHelperNote(path, credsStore, 'credsStore', '')} The credHelpers entries regauth writes take precedence for the registries it sets up.`,
			});
		}

		const plain = plainTextKeys(doc);
		const moved = helper ? ctx.credentials.filter(credential => plain.includes(credential.key)) : [];
		if (moved.length > 0) {
			notes.push({
				level: 'warning',
				target: 'docker',
				message: `${path} holds the old password for ${moved.map(credential => credential.host).join(', ')} in plain text; regauth removes it, but the backup it keeps beside the file (mode 0600, needed by regauth undo) still has it: delete the backup once the keychain login works.`,
			});
		}
		if (helper && ctx.credentials.length > 0) {
			notes.push({
				level: 'info',
				target: 'docker',
				message: `Storing in the keychain replaces what it may already hold for ${ctx.credentials.map(credential => credential.host).join(', ')}; regauth keeps the item it replaces (0600, beside its undo journal) and regauth undo stores it back.`,
			});
		}
		const logins = isPlainObject(doc.auths) ? Object.keys(doc.auths).length : 0;
		// docker/cli's DetectDefaultStore on Linux: "pass" when the `pass` program is on PATH, else
		// "secretservice"; used only if docker-credential-<that> is on PATH too (docs/formats.md §2.4).
		const platformDefault = ctx.env.programs.pass ? 'pass' : 'secretservice';
		const autoStore = ctx.env.helpers.includes(platformDefault) ? platformDefault : undefined;
		if (
			!helper &&
			autoStore &&
			logins === 0 &&
			doc.credsStore === undefined &&
			doc.credHelpers === undefined &&
			ctx.credentials.some(credential => !cloudRouted.has(credential.key))
		) {
			notes.push({
				level: 'info',
				target: 'docker',
				message: `With --apply commands, docker login into a config.json that has no logins yet picks docker-credential-${autoStore} by itself (docker’s default-store detection) and fails without a keychain session; writing the file (the default) does not.`,
			});
		}
		for (const credential of ctx.credentials) {
			if (helper || cloudRouted.has(credential.key)) continue;
			const argv = ['docker', 'login', credential.isDockerHub ? 'docker.io' : credential.host, '--username', credential.username, '--password-stdin'];
			commands.push({
				id: `docker:login:${credential.key}`,
				target: 'docker',
				title: `docker login ${credential.host}`,
				argv,
				input: `${credential.password}\n`,
				display: `${shellJoin(argv)}  # password on stdin`,
				role: 'alternative',
				replaces: 'docker:config',
				timeoutMs: 60_000,
				env: {DOCKER_CONFIG: dirname(path)},
			});
		}
		const host = ctx.credentials[0]?.host ?? 'registry.example.com';
		// Only once the login is in place (the file written, or docker login succeeded): after a
		// failed login "pulls with the new login" would not be true.
		const applied = [artifact.id, ...commands.map(command => command.id)];
		const followUps: FollowUp[] = [{text: `docker pull ${host}/<your/image>   — pulls with the new login`, ifDone: applied}];
		if (helper) followUps.push({text: `docker-credential-${helper} list   — shows what the keychain holds (no secrets)`, ifDone: applied});
		return {artifacts: [artifact], commands, notes, followUps};
	},
};
