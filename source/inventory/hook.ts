// The one call an apply makes for the inventory: the plan gets the inventory's new content as
// one more file (store.ts), and an untrusted inventory is reported instead of updated.
import type {Answers, Credential} from '../answers.js';
import type {Environment} from '../environment.js';
import type {ApplyMode, Plan} from '../plan-types.js';
import {recordApply} from './record.js';
import type {Inventory} from './schema.js';
import {inventoryPath, readInventory, untrustedMessage, withInventory} from './store.js';

export interface InventoryStep {
	/** The plan with the inventory update added. */
	add(plan: Plan, machine: Environment): Plan;
	/** Set when the inventory on disk is not trusted: the warning to show. */
	warning(machine: Environment): string | undefined;
}

/** `applied`: the ids of the files and commands that succeeded, once apply knows (absent in previews). */
export function inventoryStep(change: (inventory: Inventory, plan: Plan, machine: Environment, applied?: ReadonlySet<string>) => Inventory): InventoryStep {
	return {
		add: (plan, machine) => {
			const path = inventoryPath(machine);
			return withInventory(plan, path, machine.files[path], (inventory, applied) => change(inventory, plan, machine, applied));
		},
		warning: machine => {
			const path = inventoryPath(machine);
			const read = readInventory(machine.files[path]);
			return read.state === 'untrusted' ? untrustedMessage(path, read.reason) : undefined;
		},
	};
}

/** After a regauth run that logs in: each credential's places, as the plan applies them. */
/** `carried`: credentials rotate wrote again unchanged (their records stay as they are). */
export function applyRecord(answers: Answers, mode: ApplyMode, expires?: Date, carried: readonly Credential[] = []): InventoryStep {
	return inventoryStep((inventory, plan, machine, applied) =>
		recordApply(inventory, {
			answers,
			plan,
			mode,
			machine,
			now: new Date(),
			...(expires ? {expires} : {}),
			...(applied ? {applied} : {}),
			...(carried.length > 0 ? {carried} : {}),
		}),
	);
}
