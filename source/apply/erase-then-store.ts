// Storing into a helper that keeps one item per server and user (docker-credential-secretservice,
// -pass): erase every item for the server first, or `get` may keep answering with the old user
// (docs/formats.md §2.3).

import {saysNotFound} from '../keychain/names.js';
import type {Command, EraseThenStore} from '../plan-types.js';
import {type CommandOutcome, type RunOptions, runArgv, runCommand} from './run-command.js';

/** `afterErase`: the store failed after the erase ran, so what the helper held for the server is gone. */
export async function eraseThenStore(command: Command, strategy: EraseThenStore, options: RunOptions): Promise<CommandOutcome & {afterErase?: true}> {
	const server = JSON.parse(command.input!).ServerURL as string;
	const erased = await runArgv(strategy.erase, `${server}\n`, command.timeoutMs, options, command.env);
	// Nothing stored yet is the usual case, and helpers say so differently (secretservice exits 0,
	// pass fails with "… is not in the password store"): a failed erase is fine when `get` then
	// finds nothing (the not-found text, or pass 0.6.4's empty Secret: docs/formats.md §2.1).
	if (!erased.ok && !(await nothingStored(command, strategy, server, options))) return erased;
	const stored = await runCommand(command, options);
	return stored.ok ? stored : {...stored, afterErase: true};
}

async function nothingStored(command: Command, strategy: EraseThenStore, server: string, options: RunOptions): Promise<boolean> {
	const get = await runArgv([...strategy.erase.slice(0, -1), 'get'], `${server}\n`, command.timeoutMs, {...options, onOutput: () => undefined}, command.env);
	if (!get.ok) return saysNotFound(`${get.stdout}\n${get.stderr}`);
	try {
		return (JSON.parse(get.stdout) as {Secret?: unknown}).Secret === '';
	} catch {
		return false;
	}
}
