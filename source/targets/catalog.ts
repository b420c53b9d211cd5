// The targets' names and one-line descriptions, as the wizard lists them (from their declarations).
import type {TargetId} from '../answers.js';
import {SPECS, targetSpec} from './specs.js';

export interface TargetInfo {
	id: TargetId;
	title: string;
	/** One line for the wizard's target list: what it writes. */
	description: string;
}

export const TARGET_CATALOG: TargetInfo[] = SPECS.map(({id, title, description}) => ({id, title, description}));

export function targetInfo(id: TargetId): TargetInfo {
	const {title, description} = targetSpec(id);
	return {id, title, description};
}
