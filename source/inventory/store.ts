// Where the inventory lives and how it reaches the disk: as one more file of the plan, so apply
// writes it atomically (0600, backed up, under the same lock and freshness check as the configs
// it describes) and `regauth undo` puts it back with them (docs/lifecycle.md §1).
import {join} from 'node:path';
import {type Environment, type FileState, stateDir} from '../environment.js';
import type {Plan, PlannedArtifact} from '../plan-types.js';
import {emptyInventory, INVENTORY_NAME, type Inventory, type InventoryRead, parseInventory, serializeInventory} from './schema.js';

export const INVENTORY_ARTIFACT = 'inventory';

export function inventoryPath(env: Pick<Environment, 'home' | 'vars'>): string {
	return join(stateDir(env), INVENTORY_NAME);
}

export function readInventory(state: FileState | undefined): InventoryRead {
	if (!state?.exists) return {state: 'absent', inventory: emptyInventory()};
	if (state.error !== undefined || state.text === undefined) return {state: 'untrusted', reason: state.error ?? 'it could not be read'};
	if ((state.mode ?? 0o600) & 0o077)
		return {state: 'untrusted', reason: `its mode is 0${(state.mode! & 0o777).toString(8)}, not 0600: someone else may have written it`};
	return parseInventory(state.text);
}

/** The message for an inventory regauth will not use. */
export function untrustedMessage(path: string, reason: string): string {
	return `the inventory ${path} is not trusted: ${reason}. regauth neither reads nor updates it; move it away (regauth starts a new one) or restore it with regauth undo.`;
}

/**
 * The plan with the inventory's new content as one more file, in every mode (the record follows
 * whatever is applied). Returns the plan unchanged when the inventory is not trusted (the
 * caller says so) or already holds this.
 */
export function withInventory(
	plan: Plan,
	path: string,
	base: FileState | undefined,
	next: (current: Inventory, applied?: ReadonlySet<string>) => Inventory,
): Plan {
	const read = readInventory(base);
	if (read.state === 'untrusted' || !plan.canApply) return plan;
	// Previews show what the plan would record; apply writes it last, from what succeeded (settle).
	const build = (applied?: ReadonlySet<string>): PlannedArtifact => {
		const text = serializeInventory(
			next(read.inventory, applied),
			plan.secrets.filter(secret => secret.length >= 6),
		);
		const changed = !(base?.exists && base.text === text);
		return {
			id: INVENTORY_ARTIFACT,
			target: 'docker',
			title: "regauth's inventory of logins",
			path,
			mode: 0o600,
			dirMode: 0o700,
			secret: false,
			...(base?.exists ? {base} : {base: {exists: false}}),
			bytes: new TextEncoder().encode(text),
			text,
			redacted: text,
			changed,
			status: changed ? (base?.exists ? 'merge' : 'new') : 'unchanged',
		};
	};
	const artifact: PlannedArtifact = {...build(), settle: applied => build(applied)};
	const modes = Object.fromEntries(
		Object.entries(plan.modes).map(([mode, selected]) => [mode, {...selected, artifacts: [...selected.artifacts, INVENTORY_ARTIFACT]}]),
	) as Plan['modes'];
	return {...plan, artifacts: [...plan.artifacts, artifact], modes};
}
