// `regauth rotate REGISTRY --password-stdin [--yes]`: the new secret checked with the registry,
// then written everywhere the inventory says the old one went — the same plan as the first
// apply, from the recorded answers — in one apply that `regauth undo` reverses (docs/lifecycle.md §4).
import {join} from 'node:path';
import {registryKey} from '../formats/registry-key.js';
import {INVENTORY_NAME} from '../inventory/schema.js';
import {readInventory, untrustedMessage} from '../inventory/store.js';
import {CarryError, carriedCredentials} from '../lifecycle/carried-credentials.js';
import {afterRotation, rotationAnswers, rotationMode} from '../lifecycle/rotate-answers.js';
import {readFileState, stateDirOf} from '../probe.js';
import type {Invocation} from './args.js';
import {FailureError, UsageError} from './errors.js';
import {type Io, runHeadless} from './headless.js';

export async function runRotate(invocation: Invocation, io: Io): Promise<number> {
	const raw = invocation.lifecycle.registries[0]!;
	const parsed = registryKey(raw);
	if (!parsed.ok) throw new UsageError(`rotate ${raw}: ${parsed.message}`);
	const path = join(stateDirOf(process.env), INVENTORY_NAME);
	const read = readInventory(await readFileState(path));
	if (read.state === 'untrusted') throw new FailureError(untrustedMessage(path, read.reason));
	const logins = read.inventory.logins.filter(login => login.registry === parsed.value.key);
	if (logins.length === 0)
		throw new UsageError(
			`rotate ${raw}: regauth has no record of a login to ${parsed.value.host} (regauth status lists them). Log in with regauth first, e.g. regauth -r ${parsed.value.host} -u USER --password-stdin -t docker --yes.`,
		);
	if (logins.length > 1)
		throw new UsageError(
			`rotate ${raw}: regauth recorded ${logins.length} users for ${parsed.value.host} (${logins.map(login => login.username).join(', ')}); log out of the ones you no longer use first.`,
		);
	const login = logins[0]!;
	const applyMode = invocation.applyMode === 'files' && rotationMode(login) === 'both' ? 'both' : invocation.applyMode;
	const carried = await carriedCredentials(login, read.inventory.logins, raw).catch((error: unknown) => {
		throw error instanceof CarryError ? new FailureError(error.message) : error;
	});
	io.stderr(`regauth: rotating ${parsed.value.host} (user ${login.username}) in ${login.places.length} place${login.places.length === 1 ? '' : 's'}.\n`);
	for (const {credential, paths} of carried)
		io.stderr(
			`regauth: ${paths.join(', ')} also hold${paths.length === 1 ? 's' : ''} ${credential.registry} (user ${credential.username}): written again with its credential unchanged.\n`,
		);
	const code = await runHeadless(
		{
			...invocation,
			subcommand: 'run',
			answers: rotationAnswers(login),
			passwordStdin: true,
			headless: true,
			applyMode,
			...(carried.length > 0 ? {carried: carried.map(item => item.credential)} : {}),
		},
		io,
	);
	if (code === 0 && !invocation.dryRun) for (const step of afterRotation(login)) io.stderr(`regauth: next: ${step}\n`);
	return code;
}
