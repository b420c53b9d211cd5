// rkt's auth.d files (docs/formats.md §4; rkt/rkt config/auth.go). One file per credential: rkt
// refuses the same registry or domain twice within one directory, and a file carries one
// user/password. `dockerAuth` is for docker:// images, matched against the bare index host
// (Docker Hub is registry-1.docker.io); `auth` (type basic) is for HTTPS/ACI fetches, matched
// against the request's host[:port].
import type {ResolvedCredential} from '../answers.js';
import {goJson} from './go-json.js';
import {MASK} from './json-text.js';

export type RktKind = 'dockerAuth' | 'auth';

export const RKT_AUTH_DIR = '/etc/rkt/auth.d';
export const RKT_DOCKER_HUB = 'registry-1.docker.io';

/** The host rkt compares with: docker2aci's index name for docker://, the URL host for auth. */
export function rktHost(credential: ResolvedCredential, kind: RktKind): string {
	if (credential.isDockerHub) return kind === 'dockerAuth' ? RKT_DOCKER_HUB : 'index.docker.io';
	return credential.host;
}

/** rkt reads every regular `*.json` in auth.d; the name only has to be unique and tidy. */
export function rktFileName(credential: ResolvedCredential, kind: RktKind): string {
	return `${rktHost(credential, kind).replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/** Tab-indented for a file on disk; compact (one line) to sit inside a YAML block scalar. */
export function rktAuthJson(credential: ResolvedCredential, kind: RktKind, mask = false, compact = false): string {
	const credentials = {user: credential.username, password: mask ? MASK : credential.password};
	const host = rktHost(credential, kind);
	const doc =
		kind === 'dockerAuth'
			? {rktKind: 'dockerAuth', rktVersion: 'v1', registries: [host], credentials}
			: {rktKind: 'auth', rktVersion: 'v1', domains: [host], type: 'basic', credentials};
	return `${goJson(doc, compact ? '' : '\t')}\n`;
}
