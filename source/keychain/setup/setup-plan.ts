// The files a keychain set-up writes, as a plan (pure): the credHelpers routes in docker's
// config.json, gpg-agent.conf for pass, the session snippet and the profile line for the Secret
// Service. apply() writes them like every other regauth change: merged, backed up, journaled,
// undone by `regauth undo`.

import {secretMode} from '../../authfile/meaning.js';
import {dockerConfigPath, type Environment, type FileState} from '../../environment.js';
import {applyAuthChanges, readAuthFile} from '../../formats/docker-config.js';
import {maskJsonSecrets} from '../../formats/json-text.js';
import {registryKey} from '../../formats/registry-key.js';
import {type Artifact, emptyPlan, finishPlan, type Plan, planned} from '../../plan-types.js';
import {textArtifact} from '../../targets/context.js';
import {mergeAgentConf} from './gpg-agent-conf.js';
import {profileWithBlock, SNIPPET} from './secret-service.js';

export interface SetupPlanInput {
	/** The helper suffix config.json routes to (pass, secretservice, wincred.exe…). */
	helper: string;
	/** Registries to route to it, as the user typed them. */
	registries: readonly string[];
	/** For pass: gpg-agent.conf's path. */
	agentConf?: string;
	/** For the Secret Service: where the snippet and the profile line go. */
	session?: {snippet: string; profile: string};
}

export interface SetupPlan {
	plan: Plan;
	/** Registry keys routed, in order. */
	routed: string[];
	/** Bad --registry values: the message names each. */
	invalid: string[];
}

function state(env: Environment, path: string): FileState {
	return env.files[path] ?? {exists: false};
}

/** The files the probe must read for setupPlan(). */
export function setupReads(env: Environment, input: Omit<SetupPlanInput, 'helper' | 'registries'>): string[] {
	return [dockerConfigPath(env), ...(input.agentConf ? [input.agentConf] : []), ...(input.session ? [input.session.snippet, input.session.profile] : [])];
}

export function setupPlan(env: Environment, input: SetupPlanInput): SetupPlan {
	const plan = emptyPlan({headless: `regauth keychain setup --store ${input.helper.replace(/\.exe$/, '')}`});
	const result: SetupPlan = {plan, routed: [], invalid: []};

	if (input.agentConf) {
		const base = state(env, input.agentConf);
		const merged = mergeAgentConf(base.text);
		const artifact = textArtifact({
			id: 'keychain:gpg-agent.conf',
			target: 'docker',
			title: 'gpg-agent.conf (loopback unlock, cache TTL)',
			path: input.agentConf,
			mode: base.mode ?? 0o600,
			secret: false,
			base,
			text: merged.text,
			redacted: merged.text,
			changed: merged.changed,
			userConfig: true,
		});
		if (merged.blocked) artifact.blocked = merged.blocked;
		if (merged.changed || merged.blocked) plan.artifacts.push(planned(artifact));
		plan.notes.push(...merged.notes.map(message => ({level: 'info' as const, message})));
	}

	if (input.session) {
		const snippetBase = state(env, input.session.snippet);
		plan.artifacts.push(
			planned(
				textArtifact({
					id: 'keychain:session-snippet',
					target: 'docker',
					title: 'Keyring session snippet (starts or reuses the bus, unlocks once per boot)',
					path: input.session.snippet,
					mode: 0o644,
					secret: false,
					base: snippetBase,
					text: SNIPPET,
					redacted: SNIPPET,
					changed: snippetBase.text !== SNIPPET,
				}),
			),
		);
		const profileBase = state(env, input.session.profile);
		const profile = profileWithBlock(profileBase.text);
		if (profile.changed) {
			plan.artifacts.push(
				planned(
					textArtifact({
						id: 'keychain:profile',
						target: 'docker',
						title: 'Shell profile: sources the keyring session snippet at login',
						path: input.session.profile,
						mode: profileBase.mode ?? 0o644,
						dirMode: 0o755,
						secret: false,
						base: profileBase,
						text: profile.text,
						redacted: profile.text,
						userConfig: true,
					}),
				),
			);
		}
	}

	const keys: string[] = [];
	for (const registry of input.registries) {
		const parsed = registryKey(registry);
		if (parsed.ok) keys.push(parsed.value.key);
		else result.invalid.push(`--registry: ${parsed.message}`);
	}
	if (keys.length > 0) {
		const path = dockerConfigPath(env);
		const base = state(env, path);
		const file = readAuthFile(base);
		const credHelpers = Object.fromEntries(keys.map(key => [key, input.helper]));
		const artifact: Artifact = textArtifact({
			id: 'docker:config',
			target: 'docker',
			title: `Docker config.json (${keys.join(', ')} → docker-credential-${input.helper})`,
			path,
			mode: secretMode(base.mode).mode,
			secret: true,
			base,
			text: file.kind === 'malformed' ? '' : applyAuthChanges(file, {auths: {}, credHelpers}),
			redacted: '',
			userConfig: true,
		});
		if (file.kind === 'malformed')
			artifact.blocked = `${path} is ${file.message}. regauth will not touch it: fix or move the file, then run regauth keychain setup again.`;
		artifact.redacted = maskJsonSecrets(artifact.text ?? '');
		artifact.changed = file.kind !== 'present' || artifact.text !== file.text;
		if (artifact.changed || artifact.blocked) plan.artifacts.push(planned(artifact));
		result.routed = keys;
	}
	finishPlan(plan);
	return result;
}
