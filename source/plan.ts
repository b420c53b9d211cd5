// plan(answers, environment): the one pure function that decides every file regauth writes and
// every command it runs. The preview, --dry-run, --json, the review screen and apply read it.
import {type Answers, resolveAnswers} from './answers.js';
import type {Environment} from './environment.js';
import {headlessCommand} from './headless-command.js';
import {keychainPlan} from './keychain/keychain-plan.js';
import {windowsBlobIssues} from './keychain/setup/windows-limit.js';
import type {Note, Plan} from './plan-types.js';
import {TARGETS} from './targets/index.js';

export type {Artifact, Command, Note, Plan} from './plan-types.js';

/** Every existing file the plan for these answers would merge into (for the probe to read). */
export function plannedReads(answers: Answers, env: Environment): string[] {
	return TARGETS.filter(target => answers.targets.includes(target.id)).flatMap(target => target.reads?.({answers, env}) ?? []);
}

export function plan(answers: Answers, env: Environment): Plan {
	const resolution = resolveAnswers(answers);
	const ctx = {answers, credentials: resolution.credentials, env};
	const notes: Note[] = resolution.notes.map(message => ({level: 'info', message}));
	for (const credential of resolution.credentials) {
		if (credential.robot) {
			notes.push({
				level: 'info',
				message: `${credential.username} is a Quay robot account (namespace ${credential.robot.namespace}, robot ${credential.robot.name}): its token is the password.`,
			});
		}
	}
	const result: Plan = {artifacts: [], commands: [], notes, issues: resolution.issues, headless: headlessCommand(answers)};
	for (const target of TARGETS) {
		if (!answers.targets.includes(target.id)) continue;
		const output = target.plan(ctx);
		result.artifacts.push(...output.artifacts);
		result.commands.push(...output.commands);
		result.notes.push(...output.notes);
	}
	const keychain = keychainPlan(ctx);
	result.artifacts.push(...keychain.artifacts);
	result.notes.push(...keychain.notes);
	result.issues.push(...windowsBlobIssues(answers, resolution.credentials));
	// Two targets aimed at one file (REGISTRY_AUTH_FILE=~/.docker/config.json with docker and
	// podman): the second write would see the first as a concurrent change. Say which.
	const byPath = new Map<string, string>();
	for (const artifact of result.artifacts) {
		const other = byPath.get(artifact.path);
		if (other) {
			result.issues.push({
				field: 'targets',
				label: 'Targets',
				flag: '--target',
				message: `${other} and ${artifact.title} would both write ${artifact.path}: choose one of these targets, or point one of them elsewhere (REGISTRY_AUTH_FILE, DOCKER_CONFIG).`,
			});
		}
		byPath.set(artifact.path, artifact.title);
	}
	return result;
}
