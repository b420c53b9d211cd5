// One logout, from reading the machine to the apply: what `regauth logout` and the wizard's
// "Log out" both run, so the two can never remove different things (docs/lifecycle.md §3).
// The callers only word it: the CLI prints, the wizard draws.
import {type ApplyResult, apply} from '../apply/apply.js';
import {type Environment, stateDir} from '../environment.js';
import {inventoryStep} from '../inventory/hook.js';
import {recordLogout} from '../inventory/record.js';
import type {Login} from '../inventory/schema.js';
import {inventoryPath, readInventory} from '../inventory/store.js';
import type {Plan} from '../plan-types.js';
import {readMachine} from '../probe.js';
import {statusReads} from '../status/collect.js';
import {kubectlDeleteId, type LogoutPlan, logoutPlan} from './logout-plan.js';

export interface LogoutMachine {
	machine: Environment;
	/** The logins regauth recorded (none when the inventory is untrusted). */
	logins: Login[];
}

/** The files logout reads: docker's and podman's, and the inventory. */
export async function readLogoutMachine(processEnv: NodeJS.ProcessEnv = process.env): Promise<LogoutMachine> {
	const machine = await readMachine(processEnv, statusReads);
	const read = readInventory(machine.files[inventoryPath(machine)]);
	return {machine, logins: read.state === 'untrusted' ? [] : read.inventory.logins};
}

export interface PreparedLogout extends LogoutPlan {
	/** The plan with the inventory update: what apply runs. */
	full: Plan;
	/** Set when the inventory is untrusted (it is then left as it is). */
	warning: string | undefined;
	kubernetes: boolean;
	/** Nothing would change: no entry, route, item or record for these registries. */
	empty: boolean;
}

export function prepareLogout({machine, logins}: LogoutMachine, keys: readonly string[], kubernetes: boolean): PreparedLogout {
	// A Secret applied to a cluster stays listed until its `kubectl delete` succeeded (kubernetes).
	const step = inventoryStep((inventory, _plan, _machine, applied) =>
		recordLogout(
			inventory,
			keys,
			(_login, place) =>
				place.applied !== undefined && !(kubernetes && (applied === undefined || applied.has(kubectlDeleteId(place.applied.context, place.applied.namespace)))),
		),
	);
	const planned = logoutPlan(machine, keys, logins, kubernetes);
	const full = step.add(planned.plan, machine);
	const empty = planned.plan.artifacts.length + planned.plan.commands.length === 0 && !full.artifacts.some(artifact => artifact.changed);
	return {...planned, full, warning: step.warning(machine), kubernetes, empty};
}

/** Removes the login: files with backups and a journal (regauth undo), helper items erased. */
export function applyLogout(prepared: PreparedLogout, machine: Environment, signal?: AbortSignal): Promise<ApplyResult> {
	return apply(prepared.full, {mode: prepared.kubernetes ? 'both' : 'files', stateDir: stateDir(machine), secrets: [], ...(signal ? {signal} : {})});
}

/** Whether the logout erases a keychain item (undo stores it back from a 0600 copy beside the journal). */
export function erasesKeychainItem(prepared: Pick<PreparedLogout, 'plan'>): boolean {
	return prepared.plan.commands.some(command => command.id.startsWith('logout:erase:'));
}
