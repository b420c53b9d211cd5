// plan(answers, machine, facts): the one pure function that decides every file regauth writes,
// every command it runs, whether it may apply at all and what to do afterwards. The preview,
// --dry-run, --json, the review screen, apply and the next steps read it; none recompute it.
import {type Answers, resolveAnswers} from './answers.js';
import type {Environment, FileState} from './environment.js';
import {type CheckCertificate, type CommandChecks, headlessCommand} from './headless-command.js';
import {windowsBlobIssues} from './keychain/setup/windows-limit.js';
import type {KeychainStatus} from './keychain-status.js';
import {type Artifact, emptyPlan, type FollowUp, finishPlan, type Note, type Plan, planned} from './plan-types.js';
import {expiries, expiryFollowUps, expiryNotes} from './registries/expiry.js';
import {secretValues} from './secret-values.js';
import {TARGETS} from './targets/index.js';
import {keychainPlan} from './targets/keychain-plan.js';
import {optionIssues} from './targets/options.js';
import {clientCertNote} from './verify/client-cert-note.js';
import type {VerifyResult} from './verify/result.js';
import {failureMessage, type VerifyMode, verdict} from './verify/verdict.js';

export type {Artifact, Command, Note, Plan} from './plan-types.js';

/** What was learnt by effects before planning: inputs to plan(), never part of the machine snapshot. */
export interface PlanFacts {
	/** The check of the chosen keychain (it stores and erases a probe item, so it is not a read). */
	keychain?: KeychainStatus;
	/** The registry's answers to the credentials, and the policy that judges them. */
	verification?: {mode: VerifyMode; results: readonly VerifyResult[]; wayOut?: string};
	/** Notes from the steps before planning (an import, remembered credentials). */
	notes?: readonly Note[];
	/** The client certificate the checks presented (--cert-file/--key-file, the wizard's fields). */
	clientCert?: CheckCertificate;
	/** The run's check flags (--ca-file, --insecure, --verify-timeout, its mode), for the equivalent command. */
	checks?: CommandChecks;
}

/**
 * Every existing file the plan for these answers would merge into, and every text file it writes
 * whole (manifests, Butane): read too, so a plan that writes what is there already says unchanged.
 */
export function plannedReads(answers: Answers, env: Environment): string[] {
	const chosen = TARGETS.filter(target => answers.targets.includes(target.id));
	const merged = chosen.flatMap(target => target.reads?.({answers, env}) ?? []);
	if (answers.credentials.length === 0) return merged;
	const ctx = {answers, credentials: resolveAnswers(answers).credentials, env};
	const whole = chosen.flatMap(target =>
		target
			.plan(ctx)
			.artifacts.filter(artifact => !artifact.base && artifact.text !== null)
			.map(artifact => artifact.path),
	);
	return [...new Set([...merged, ...whole])];
}

/** A file written whole that already holds exactly this text, with this mode (readFileState's text: no invalid UTF-8). */
function holdsAlready(state: FileState | undefined, artifact: Artifact): boolean {
	return state?.text !== undefined && artifact.text !== null && state.text === artifact.text && !state.text.includes('\uFFFD') && state.mode === artifact.mode;
}

export function plan(answers: Answers, machine: Environment, facts: PlanFacts = {}): Plan {
	const env = facts.keychain ? {...machine, keychain: facts.keychain} : machine;
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
	const result = emptyPlan({
		notes,
		issues: [...resolution.issues, ...optionIssues(answers)],
		// The mode alone (the wizard's facts) still gives --no-verify / --verify=strict.
		headless: headlessCommand(answers, facts.clientCert, facts.checks ?? (facts.verification ? {mode: facts.verification.mode} : undefined)),
		secrets: secretValues(answers),
	});
	const followUps: FollowUp[] = [];
	for (const target of TARGETS) {
		if (!answers.targets.includes(target.id)) continue;
		const output = target.plan(ctx);
		for (const artifact of output.artifacts)
			if (!artifact.base && artifact.changed && holdsAlready(env.files[artifact.path], artifact)) artifact.changed = false;
		result.artifacts.push(...output.artifacts.map(planned));
		result.commands.push(...output.commands);
		result.notes.push(...output.notes);
		followUps.push(...(output.followUps ?? []));
	}
	result.notes.push(...expiryNotes(resolution.credentials, answers.targets, env));
	result.expiries = expiries(resolution.credentials, answers.targets, env);
	const keychain = keychainPlan(ctx);
	result.artifacts.push(...keychain.artifacts.map(planned));
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
	const refusals: string[] = [];
	if (facts.verification) {
		const {mode, results} = facts.verification;
		const judged = verdict(results, mode);
		result.notes.push(...judged.notes);
		if (judged.failures.length > 0) refusals.push(failureMessage(judged.failures, mode, facts.verification.wayOut));
	}
	if (facts.clientCert) result.notes.push(clientCertNote(facts.clientCert, resolution.credentials, answers.targets));
	result.notes.push(...(facts.notes ?? []));
	// Staged files first (they must be in place before anything proves the setup works).
	for (const artifact of result.artifacts) {
		if (artifact.install && artifact.install.length > 0)
			result.followUps.push({text: `${artifact.install.join(' && ')}   — puts ${artifact.title} in place`, ifDone: [artifact.id]});
	}
	result.followUps.push(...followUps, ...expiryFollowUps(result.expiries));
	return finishPlan(result, refusals);
}
