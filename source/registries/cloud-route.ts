// Which registries docker and podman should hand to the cloud's own credential helper instead of
// holding a token that dies in hours: ECR (ecr-login) and Artifact Registry (gcloud), routed for
// that one host (gcloud's all-registries list would make every build ask gcloud about six hosts).
// A service-account key (_json_key) is long-lived and needs no helper. docs/cloud-registries.md.
// Pure.
import type {ResolvedCredential} from '../answers.js';
import type {Environment} from '../environment.js';
import {guideFor, type ProviderGuide} from './providers.js';
import {recognise} from './recognise.js';

export interface CloudRoute {
	/** The `credHelpers` value. */
	helper: string;
	/** docker-credential-<helper> is on PATH. */
	present: boolean;
	install: string;
	guide: ProviderGuide;
}

/** User names that mean a long-lived key the registry checks itself, not a minted token. */
const KEY_USERS = new Set(['_json_key', '_json_key_base64']);

export function cloudRoute(credential: Pick<ResolvedCredential, 'host' | 'username'>, env: Pick<Environment, 'helpers'>): CloudRoute | undefined {
	const guide = guideFor(recognise(credential.host));
	if (!guide.helper || KEY_USERS.has(credential.username)) return undefined;
	return {helper: guide.helper.name, present: env.helpers.includes(guide.helper.name), install: guide.helper.install, guide};
}

/** The note for a cloud registry routed to its helper, or why it could not be. */
export function cloudRouteNote(route: CloudRoute, host: string, path: string, tool: 'docker' | 'podman'): string {
	const program = `docker-credential-${route.helper}`;
	if (route.present) {
		return `${path} sends ${host} to ${program} (credHelpers, this host only): ${tool} gets a fresh ${route.guide.title} token from it on every pull, so nothing expires and no token is written to the file.`;
	}
	return `${program} is not on PATH, so ${tool} cannot refresh ${host}’s tokens by itself. ${route.install}; then run regauth again and ${path} will route ${host} to it.`;
}
