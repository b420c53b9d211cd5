// What to do after an apply: put staged files in place, then the one command that proves each
// target works. Built from the plan and what actually happened.
import type {Answers} from '../answers.js';
import {checkRegistry} from '../answers.js';
import type {ItemResult} from '../apply/apply.js';
import type {Plan} from '../plan-types.js';

export function nextSteps(answers: Answers, plan: Plan, items: ItemResult[]): string[] {
	const steps: string[] = [];
	const done = (id: string) => items.some(item => item.id === id && (item.status === 'done' || item.status === 'unchanged'));
	for (const artifact of plan.artifacts) {
		if (artifact.install && artifact.install.length > 0 && done(artifact.id))
			steps.push(`${artifact.install.join(' && ')}   — puts ${artifact.title} in place`);
	}
	const first = answers.credentials[0];
	const host = first ? (checkRegistry(first.registry).value?.host ?? first.registry) : 'registry.example.com';
	if (answers.targets.includes('docker')) steps.push(`docker pull ${host}/<your/image>   — pulls with the new login`);
	if (answers.targets.includes('podman')) steps.push(`skopeo inspect docker://${host}/<your/image>   — podman, buildah and skopeo read the same login`);
	if (answers.targets.includes('kubernetes')) {
		const {secretName} = answers.kubernetes;
		// The files as written (the real namespace folder), not a pattern to fill in.
		const secrets = plan.artifacts.filter(artifact => artifact.id.startsWith('kubernetes:secret:') && done(artifact.id)).map(artifact => artifact.path);
		const applied = plan.commands.some(command => command.id.startsWith('kubernetes:apply') && done(command.id));
		steps.push(
			applied
				? `Pods in those namespaces pull with imagePullSecrets: [{name: ${secretName}}] (see pod-example.yaml)`
				: `kubectl apply${secrets.map(path => ` -f ${path}`).join('')}   — then Pods use imagePullSecrets: [{name: ${secretName}}]`,
		);
	}
	if (answers.keychain.kind !== 'file' && answers.targets.includes('docker'))
		steps.push('docker-credential-regauth list   — shows what the keychain holds (no secrets)');
	if (items.some(item => item.kind === 'file' && item.status === 'done')) steps.push('regauth undo   — puts back every file this run changed');
	return steps;
}
