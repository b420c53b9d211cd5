// The flag-driven run: the same plan as the wizard, printed (--dry-run, --json) or applied.

import {type ApplyResult, apply, RefusedError, StaleError} from '../apply/apply.js';
import {checkFacts} from '../check-facts.js';
import {stateDir} from '../environment.js';
import {sweepAbandoned} from '../exec/stale.js';
import {applyRecord} from '../inventory/hook.js';
import {inventoryPath} from '../inventory/store.js';
import {prepareKeychain} from '../keychain/prepare.js';
import {readClusters} from '../kubernetes/read-clusters.js';
import {type PlanFacts, plan, plannedReads} from '../plan.js';
import {readMachine, rereadFiles} from '../probe.js';
import {clusterQueries} from '../targets/kubernetes/clusters.js';
import type {Invocation} from './args.js';
import {CancelledError, EXIT, FailureError, UsageError} from './errors.js';
import {readPasswordSources} from './password-sources.js';
import {planJson, planText, resultJson, resultText} from './plan-view.js';
import {verifyStep} from './verify-step.js';

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

export async function runHeadless(invocation: Invocation, io: Io): Promise<number> {
	sweepAbandoned(process.env, line => io.stderr(`regauth: ${line}\n`));
	const {answers} = invocation;
	const imported = invocation.importFile !== undefined;
	await readPasswordSources(invocation, io, {
		who: 'regauth',
		noRegistry: '--registry is required without the wizard: add --registry HOST --username USER --password-stdin (see regauth --help).',
		noPassword: needing =>
			`--password-stdin is required without a terminal for ${needing.join(', ')}: regauth reads the password only from stdin (or, in a terminal, from its prompt), e.g. printf '%s' "$TOKEN" | regauth … --password-stdin (or --from-keychain to reuse a credential regauth stored, or --import FILE for a Quay robot file). For ECR, Artifact Registry, ACR and GHCR, regauth gets the token from aws, gcloud, az or gh by itself.`,
		pipeExample: 'printf \'%s\' "$TOKEN" | regauth … --password-stdin',
		prompt: true,
	});
	// rotate: the other registries of files it rewrites whole, as they are (never verified again).
	const carried = invocation.carried ?? [];
	answers.credentials.push(...carried);
	// The machine is read once; what plan() merges into is part of that read.
	let machine = await readMachine(process.env, snapshot => [...plannedReads(answers, snapshot), inventoryPath(snapshot)]);
	// The clusters the kubernetes target touches, as kubectl shows them (read-only): the listed
	// namespaces, and the existing Secrets when regauth applies to the cluster (update in place).
	const clusters = await readClusters(machine.programs.kubectl, clusterQueries(answers, invocation.applyMode !== 'files'), process.env);
	if (Object.keys(clusters).length > 0) machine = {...machine, clusters};
	// Keychain effects happen here, before plan(): the probe (it stores and erases an item) and
	// remembered credentials. Their outcome is a fact plan() takes, not part of the machine.
	const prepared = await prepareKeychain(answers, machine, {fromKeychain: invocation.fromKeychain});
	for (const use of prepared.remembered) io.stderr(`regauth: using the credential for ${use.host} remembered in the keychain (user ${use.username}).\n`);
	const facts: PlanFacts = {...(prepared.keychain ? {keychain: prepared.keychain} : {}), ...checkFacts(invocation.verify)};

	let current = plan(answers, machine, facts);
	for (const warning of invocation.ignored) io.stderr(`regauth: ${warning}.\n`);
	if (current.issues.length > 0) {
		// Credentials from --import: the file is what to fix, not flags the user never typed.
		const flagOf = (flag: string) =>
			imported && ['--registry', '--username', '--password-stdin', '--email'].includes(flag) ? `--import ${invocation.importFile}` : flag;
		throw new UsageError(current.issues.map(issue => `${flagOf(issue.flag)}: ${issue.message}`).join('\nregauth: '));
	}
	if (!invocation.dryRun && !invocation.yes) {
		throw new UsageError('--yes is required to apply without the wizard (or --dry-run to only print the plan).');
	}
	// Before anything is printed or written: wrong credentials end the run here (exit 1).
	const verification = await verifyStep(
		carried.length === 0
			? invocation
			: {...invocation, answers: {...answers, credentials: answers.credentials.filter(credential => !carried.includes(credential))}},
	);
	facts.verification = {mode: invocation.verify.mode, results: verification.results};
	current = plan(answers, machine, facts);
	if (invocation.dryRun) {
		if (invocation.json) io.stdout(`${JSON.stringify({dryRun: true, plan: planJson(current), verification: verification.results}, null, 2)}\n`);
		else io.stdout(`regauth --dry-run: nothing was changed.\n\n${planText(current, {contents: true})}\n`);
		return current.notes.some(note => note.level === 'error') ? EXIT.failed : EXIT.ok;
	}
	// The inventory of logins is one more file of the apply (docs/lifecycle.md §1).
	const inventory = applyRecord(answers, invocation.applyMode, invocation.expires, carried);
	const untrusted = inventory.warning(machine);
	if (untrusted) io.stderr(`regauth: warning: ${untrusted}\n`);
	const controller = new AbortController();
	const onSigint = () => controller.abort();
	process.on('SIGINT', onSigint);
	let result: ApplyResult;
	try {
		const options = {
			mode: invocation.applyMode,
			stateDir: stateDir(machine),
			secrets: current.secrets,
			signal: controller.signal,
			keepGoing: invocation.keepGoing,
			onOutput: invocation.json ? undefined : (_id: string, line: string) => io.stderr(`  │ ${line}\n`),
			// Another program saved a config since it was read: merge again from what is there.
			replan: async () => {
				machine = await rereadFiles(machine, [...current.artifacts.filter(artifact => artifact.base).map(artifact => artifact.path), inventoryPath(machine)]);
				return inventory.add(plan(answers, machine, facts), machine);
			},
		};
		try {
			result = await apply(inventory.add(current, machine), options);
			current = result.plan ?? current;
		} catch (error) {
			if (!(error instanceof StaleError)) throw error;
			// Someone saved the file between our read and now: plan again from what is there.
			io.stderr(`regauth: ${error.message} Planning again from the current content.\n`);
			machine = await rereadFiles(machine, error.paths);
			current = plan(answers, machine, facts);
			result = await apply(inventory.add(current, machine), options);
		}
	} catch (error) {
		if (error instanceof RefusedError || error instanceof StaleError) throw new FailureError(error.message);
		throw error;
	} finally {
		process.removeListener('SIGINT', onSigint);
	}
	if (invocation.json) io.stdout(`${JSON.stringify({plan: planJson(current), result: resultJson(result), verification: verification.results}, null, 2)}\n`);
	else {
		io.stdout(`${resultText(result, current)}\n`);
		for (const note of current.notes) io.stderr(`regauth: ${note.level === 'info' ? 'note' : note.level}: ${note.message}\n`);
	}
	if (controller.signal.aborted) throw new CancelledError();
	return result.ok ? EXIT.ok : EXIT.failed;
}
