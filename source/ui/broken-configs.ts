// User configs regauth would merge into but cannot read as what they should be (not valid
// JSON, duplicate keys, unreadable): found by the machine read, dealt with on the first screen
// (leave that target out, or fix the file and check it again) instead of at the review. Pure.
import type {TargetId} from '../answers.js';
import {dockerConfigPath, type Environment, podmanAuthPath} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {terminalText} from '../formats/terminal-text.js';

export interface BrokenConfig {
	target: Extract<TargetId, 'docker' | 'podman'>;
	/** The target as the lists name it. */
	title: string;
	path: string;
	/** Why regauth will not change it (drawn: the parser's words may quote the file). */
	message: string;
}

export function brokenConfigs(env: Environment | null): BrokenConfig[] {
	if (!env) return [];
	const found: BrokenConfig[] = [];
	const candidates = [
		{target: 'docker' as const, title: 'Docker', path: dockerConfigPath(env)},
		{target: 'podman' as const, title: 'Podman', path: podmanAuthPath(env)},
	];
	for (const candidate of candidates) {
		// REGISTRY_AUTH_FILE may point podman at docker's file: one problem, said once.
		if (found.some(other => other.path === candidate.path)) continue;
		const file = readAuthFile(env.files[candidate.path]);
		if (file.kind === 'malformed') found.push({...candidate, message: terminalText(file.message)});
	}
	return found;
}
