// Appending a pull secret to a ServiceAccount without replacing the ones it has: read it, then
// JSON-patch `add` to the end of the list, or create the list (docs/formats.md §3.6).

import {goJson} from '../formats/go-json.js';
import type {Command} from '../plan-types.js';
import {type CommandOutcome, type RunOptions, runArgv} from './run-command.js';

export async function appendPullSecret(command: Command, options: RunOptions): Promise<CommandOutcome & {already?: boolean}> {
	const strategy = command.strategy!;
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
	const value = {name: strategy.secretName};
	const patch = list ? [{op: 'add', path: '/imagePullSecrets/-', value}] : [{op: 'add', path: '/imagePullSecrets', value: [value]}];
	return runArgv([...strategy.patch, '--patch', goJson(patch)], undefined, command.timeoutMs, options);
}
