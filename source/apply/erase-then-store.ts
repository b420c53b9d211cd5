// Storing into a helper that keeps one item per server and user (docker-credential-secretservice,
// -pass): erase every item for the server first, or `get` may keep answering with the old user
// (docs/formats.md §2.3).

import {NOT_FOUND} from '../keychain/names.js';
import type {Command, EraseThenStore} from '../plan-types.js';
import {type CommandOutcome, type RunOptions, runArgv, runCommand} from './run-command.js';

export async function eraseThenStore(command: Command, strategy: EraseThenStore, options: RunOptions): Promise<CommandOutcome> {
	const server = JSON.parse(command.input!).ServerURL as string;
	const erased = await runArgv(strategy.erase, `${server}\n`, command.timeoutMs, options, command.env);
	// Nothing stored yet is the usual case, not a failure (pass says so; secretservice exits 0).
	if (!erased.ok && !`${erased.stdout}\n${erased.stderr}`.includes(NOT_FOUND)) return erased;
	return runCommand(command, options);
}
