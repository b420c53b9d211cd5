// What to do after an apply, per target: the one command that proves it works.
import type {Answers} from '../answers.js';
import {checkRegistry} from '../answers.js';

export function nextSteps(answers: Answers, wroteFiles: boolean): string[] {
	const steps: string[] = [];
	const first = answers.credentials[0];
	const host = first ? (checkRegistry(first.registry).value?.host ?? first.registry) : 'registry.example.com';
	if (answers.targets.includes('docker')) steps.push(`docker pull ${host}/<your/image>   — pulls with the new login`);
	if (answers.targets.includes('podman')) steps.push(`skopeo inspect docker://${host}/<your/image>   — podman, buildah and skopeo read ~/.config/containers/auth.json`);
	if (answers.targets.includes('kubernetes')) {
		const {secretName} = answers.kubernetes;
		steps.push(`kubectl apply -f ${answers.outputDir}/kubernetes/…   — if you did not run the commands; Pods list imagePullSecrets: [{name: ${secretName}}]`);
	}
	if (answers.targets.includes('butane')) steps.push(`butane … or use the Ignition JSON in ${answers.outputDir}/ when provisioning the machine`);
	if (answers.keychain.kind !== 'file' && answers.targets.includes('docker')) steps.push('docker-credential-regauth list   — shows what the keychain holds (no secrets)');
	if (wroteFiles) steps.push('regauth undo   — puts back every file this run changed');
	return steps;
}
