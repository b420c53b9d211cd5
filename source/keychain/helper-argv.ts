// How to run docker-credential-<helper> (pure, so plan() can name it in a command).
import type {Environment} from '../environment.js';
import {HELPER_NAME} from './names.js';

/** argv that runs docker-credential-<helper>: regauth's own bundle directly, others from PATH. */
export function helperArgv(env: Pick<Environment, 'regauthHelper'>, helper: string): string[] {
	if (helper === HELPER_NAME && env.regauthHelper) return [env.regauthHelper.node, env.regauthHelper.script];
	return [`docker-credential-${helper}`];
}
