// The thin reader behind `regauth doctor`: which files, their text and mode, whether they sit on
// tmpfs, and which credential helpers are installed. Everything goes through probe.ts.
import {resolve} from 'node:path';
import type {Environment} from '../environment.js';
import {onTmpfs, programsOnPath, readFiles} from '../probe.js';
import type {DoctorFacts, DoctorFile} from './findings.js';
import {doctorPaths} from './paths.js';

export async function readDoctorFacts(env: Environment, given: readonly string[], processEnv: NodeJS.ProcessEnv = process.env): Promise<DoctorFacts> {
	const usual = doctorPaths(env);
	const named = given.map(path => ({path: resolve(env.cwd, path), role: 'given' as const})).filter(item => !usual.some(other => other.path === item.path));
	const list = [...usual, ...named.filter((item, index) => named.findIndex(other => other.path === item.path) === index)];
	const [states, programs] = await Promise.all([readFiles(list.map(item => item.path)), programsOnPath(processEnv.PATH, ['pass'])]);
	const files: DoctorFile[] = await Promise.all(
		list.map(async ({path, role}) => {
			const state = states[path]!;
			return {path, role, state, tmpfs: state.exists ? await onTmpfs(path) : false};
		}),
	);
	return {files, helpers: env.helpers, pass: programs.has('pass'), platform: process.platform, regauthBundle: Boolean(env.regauthHelper)};
}
