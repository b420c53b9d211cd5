// The files doctor looks at without being told: docker's config and the podman auth files
// (docs/formats.md §1.1, §8.1). Pure path rules over the environment snapshot.
import {join} from 'node:path';
import {dockerConfigPath, type Environment, podmanAuthPath} from '../environment.js';
import type {FileRole} from './findings.js';

export function doctorPaths(env: Environment): Array<{path: string; role: FileRole}> {
	const runtime = env.vars.XDG_RUNTIME_DIR
		? join(env.vars.XDG_RUNTIME_DIR, 'containers', 'auth.json')
		: join('/run', 'containers', String(env.uid), 'auth.json');
	const persistent = podmanAuthPath({...env, vars: {...env.vars, REGISTRY_AUTH_FILE: undefined}});
	const list: Array<{path: string; role: FileRole}> = [
		{path: dockerConfigPath(env), role: 'docker'},
		...(env.vars.REGISTRY_AUTH_FILE ? [{path: env.vars.REGISTRY_AUTH_FILE, role: 'podman' as const}] : []),
		{path: runtime, role: 'podman-runtime'},
		{path: persistent, role: 'podman'},
	];
	return list.filter((item, index) => list.findIndex(other => other.path === item.path) === index);
}
