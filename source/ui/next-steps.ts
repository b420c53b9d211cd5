// What to do after an apply: the plan's follow-ups (staged files to put in place, the command
// that proves each target works, with the real paths), chosen by what actually happened.
import type {ItemResult} from '../apply/apply.js';
import type {Plan} from '../plan-types.js';

export function nextSteps(plan: Plan, items: readonly ItemResult[]): string[] {
	const applied = (id: string) => items.some(item => item.id === id && (item.status === 'done' || item.status === 'unchanged'));
	const steps = plan.followUps
		.filter(step => (step.ifDone === undefined || step.ifDone.some(applied)) && (step.unlessDone === undefined || !step.unlessDone.some(applied)))
		.map(step => step.text);
	if (items.some(item => item.kind === 'file' && item.status === 'done')) steps.push('regauth undo   — puts back every file this run changed');
	return steps;
}
