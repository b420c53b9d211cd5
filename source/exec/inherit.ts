// --inherit: the user's logins stay usable inside `regauth exec`, without touching the user's
// files. Pure text transforms; private-login.ts reads the files and writes the results.
//
// The registries regauth logs in must be read from the private file, not from a helper: a
// helper would be asked to store the secret in the user's keychain (where it would outlive the
// run) and would answer with the user's old credential. docker: a credHelpers entry that is
// present but empty sends that registry to the file even with a credsStore; podman, buildah and
// skopeo honour credHelpers only, so removing the entry is enough. docs/ci.md §3.
import type {FileState} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {goJson} from '../formats/go-json.js';
import {isPlainObject, setJsonValue} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';

export type Inherited = {kind: 'none'} | {kind: 'text'; text: string} | {kind: 'refused'; path: string; reason: string};

/** Same registry as one of `keys` (docker's keys: host[:port], or the Docker Hub URL)? */
function names(keys: readonly string[], existing: string): boolean {
	if (keys.includes(existing)) return true;
	const normal = registryKey(existing);
	return normal.ok && keys.includes(normal.value.key);
}

/** The user's docker config.json, with `keys` routed to the file. */
export function inheritDockerConfig(path: string, state: FileState, keys: readonly string[]): Inherited {
	const file = readAuthFile(state);
	if (file.kind === 'absent') return {kind: 'none'};
	if (file.kind === 'malformed') return {kind: 'refused', path, reason: file.message};
	let text = file.text;
	const helpers = isPlainObject(file.doc.credHelpers) ? file.doc.credHelpers : {};
	const store = typeof file.doc.credsStore === 'string' && file.doc.credsStore !== '';
	for (const key of keys) {
		if (store) text = setJsonValue(text, ['credHelpers', key], '');
		else if (Object.hasOwn(helpers, key)) text = setJsonValue(text, ['credHelpers', key], undefined);
	}
	return {kind: 'text', text};
}

/**
 * What podman would find in the files it reads, in its order (first file naming a registry
 * wins, its credHelpers entry before its auths entry), as one auth.json, without `keys`.
 */
export function inheritPodmanAuth(files: ReadonlyArray<{path: string; state: FileState}>, keys: readonly string[]): Inherited {
	const auths: Record<string, unknown> = {};
	const credHelpers: Record<string, unknown> = {};
	const claimed = new Set<string>();
	let found = false;
	for (const {path, state} of files) {
		const file = readAuthFile(state);
		if (file.kind === 'absent') continue;
		if (file.kind === 'malformed') return {kind: 'refused', path, reason: file.message};
		found = true;
		const fileAuths = isPlainObject(file.doc.auths) ? file.doc.auths : {};
		const fileHelpers = isPlainObject(file.doc.credHelpers) ? file.doc.credHelpers : {};
		for (const key of new Set([...Object.keys(fileHelpers), ...Object.keys(fileAuths)])) {
			if (claimed.has(key) || names(keys, key)) continue;
			claimed.add(key);
			if (Object.hasOwn(fileHelpers, key)) credHelpers[key] = fileHelpers[key];
			if (Object.hasOwn(fileAuths, key)) auths[key] = fileAuths[key];
		}
	}
	if (!found) return {kind: 'none'};
	const doc: Record<string, unknown> = {auths};
	if (Object.keys(credHelpers).length > 0) doc.credHelpers = credHelpers;
	return {kind: 'text', text: goJson(doc, '\t')};
}
