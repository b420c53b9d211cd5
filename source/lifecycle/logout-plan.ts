// What `regauth logout` changes, as a plan apply can carry out (backups, journal, undo): the
// registries' entries out of every docker and podman file, their credHelpers routes, the
// helpers' items erased, and — with --kubernetes — the Secrets regauth applied deleted. Files
// regauth generated elsewhere (Secret manifests, Butane, Ignition, rkt, Mesos) are listed, not
// deleted: they may be checked in or hosted (docs/lifecycle.md §3). Pure.
import {route} from '../authfile/meaning.js';
import {doctorPaths} from '../doctor/paths.js';
import type {Environment} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {isPlainObject, setJsonValue} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import {shellQuote} from '../formats/shell-quote.js';
import type {Login} from '../inventory/schema.js';
import {helperArgv} from '../keychain/helper-argv.js';
import {type Artifact, type Command, emptyPlan, finishPlan, type Plan, planned} from '../plan-types.js';

export interface LogoutPlan {
	plan: Plan;
	/** Registries (host) that nothing on this machine held. */
	absent: string[];
	/** Files regauth generated for these logins, left in place: the user decides. */
	leftFiles: string[];
	/** Secrets regauth applied: the kubectl command that removes each (run with --kubernetes). */
	secrets: Array<{display: string; context: string; namespace: string}>;
}

const sameKey = (raw: string, key: string) => {
	const parsed = registryKey(raw);
	return parsed.ok && parsed.value.key === key;
};

function kubectlDelete(login: Login, place: {context: string; namespace: string}): string[] {
	return [
		'kubectl',
		...(place.context ? ['--context', place.context] : []),
		...(place.namespace ? ['--namespace', place.namespace] : []),
		'delete',
		'secret',
		login.answers.kubernetes.secretName,
		'--ignore-not-found',
	];
}

/** The id of the command that deletes an applied Secret (the inventory keeps the place until it succeeded). */
export const kubectlDeleteId = (context: string, namespace: string) => `logout:kubectl:${context}:${namespace}`;

const hostOf = (key: string) => {
	const parsed = registryKey(key);
	return parsed.ok ? parsed.value.host : key;
};

export function logoutPlan(env: Environment, keys: readonly string[], logins: readonly Login[], kubernetes: boolean): LogoutPlan {
	const artifacts: Artifact[] = [];
	const commands: Command[] = [];
	const held = new Set<string>();
	const erased = new Set<string>();
	for (const {path, role} of doctorPaths(env)) {
		const state = env.files[path];
		const file = readAuthFile(state);
		if (file.kind !== 'present') continue;
		const reader = role === 'docker' ? 'docker' : 'podman';
		let text = file.text;
		const auths = isPlainObject(file.doc.auths) ? Object.keys(file.doc.auths) : [];
		const helpers = isPlainObject(file.doc.credHelpers) ? Object.keys(file.doc.credHelpers) : [];
		for (const key of keys) {
			const entries = auths.filter(existing => sameKey(existing, key));
			const routes = helpers.filter(existing => sameKey(existing, key));
			// The helper that holds it now: its item goes too (the route alone would leave the secret).
			for (const existing of [...entries, ...routes]) {
				const helper = route(file.doc, existing, reader);
				if (!helper) continue;
				const id = `${helper.name} ${existing}`;
				if (erased.has(id)) continue;
				erased.add(id);
				commands.push({
					id: `logout:erase:${helper.name}:${existing}`,
					target: 'docker',
					title: `Erase ${existing} from docker-credential-${helper.name}`,
					argv: [...helperArgv(env, helper.name), 'erase'],
					input: existing,
					display: `printf '%s' ${shellQuote(existing)} | docker-credential-${helper.name} erase`,
					// Apply keeps the item in a 0600 copy before erasing it; regauth undo stores it back.
					role: 'store',
					timeoutMs: 30_000,
				});
			}
			for (const existing of entries) text = setJsonValue(text, ['auths', existing], undefined);
			for (const existing of routes) text = setJsonValue(text, ['credHelpers', existing], undefined);
			if (entries.length + routes.length > 0) held.add(key);
		}
		if (text === file.text) continue;
		artifacts.push({
			id: `logout:${path}`,
			target: reader,
			title: reader === 'docker' ? 'Docker config.json' : 'containers auth.json',
			path,
			mode: state?.mode ?? 0o600,
			userConfig: true,
			dirMode: 0o700,
			secret: true,
			base: state!,
			bytes: new TextEncoder().encode(text),
			text,
			redacted: `${path}: the entries for ${keys.join(', ')} removed`,
			changed: true,
		});
	}
	const leftFiles: string[] = [];
	const secrets: LogoutPlan['secrets'] = [];
	for (const login of logins) {
		if (!keys.includes(login.registry)) continue;
		held.add(login.registry);
		for (const place of login.places) {
			if (place.applied) {
				const argv = kubectlDelete(login, place.applied);
				const display = argv.map(shellQuote).join(' ');
				secrets.push({display, ...place.applied});
				if (kubernetes)
					commands.push({
						id: kubectlDeleteId(place.applied.context, place.applied.namespace),
						target: 'kubernetes',
						title: `Delete Secret ${login.answers.kubernetes.secretName} in ${place.applied.namespace || 'the current namespace'}`,
						argv,
						display,
						role: 'deploy',
						timeoutMs: 60_000,
					});
			}
			if (place.path && place.kind !== 'docker' && place.kind !== 'podman' && !leftFiles.includes(place.path)) leftFiles.push(place.path);
		}
	}
	const absent = keys.filter(key => !held.has(key)).map(hostOf);
	return {plan: finishPlan(emptyPlan({artifacts: artifacts.map(planned), commands})), absent, leftFiles, secrets};
}
