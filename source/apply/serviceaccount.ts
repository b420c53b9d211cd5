// Appending a pull secret to a ServiceAccount without replacing the ones it has: read it, then
// run the planned JSON patch that fits its shape (docs/formats.md §3.6). The argvs are the plan's,
// shown verbatim in the review and --dry-run: nothing is built here.

import type {Command, ServiceAccountAppend} from '../plan-types.js';
import {type CommandOutcome, type RunOptions, runArgv} from './run-command.js';

export async function appendPullSecret(command: Command, strategy: ServiceAccountAppend, options: RunOptions): Promise<CommandOutcome & {already?: boolean}> {
	const read = await runArgv(strategy.read, undefined, command.timeoutMs, options);
	if (!read.ok) return read;
	let current: unknown;
	try {
		current = (JSON.parse(read.stdout) as {imagePullSecrets?: unknown}).imagePullSecrets;
	} catch {
		return {...read, ok: false, reason: 'kubectl get serviceaccount did not print JSON; cannot append safely, nothing was changed.'};
	}
	const list = Array.isArray(current) ? (current as Array<{name?: unknown}>) : undefined;
	if (list?.some(entry => entry?.name === strategy.secretName)) return {...read, already: true};
	// An absent or null list cannot be appended to ("doc is missing path"): create it.
	return runArgv(list ? strategy.append : strategy.create, undefined, command.timeoutMs, options);
}
