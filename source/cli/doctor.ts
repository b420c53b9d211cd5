// `regauth doctor [FILE...] [--json] [--fix]`: report what is wrong with the credentials setup
// this machine already has, each problem with a one-line fix; --fix moves plain-text passwords
// of docker's config into a keychain through the usual apply (backups, journal, regauth undo).

import type {KeychainChoice} from '../answers.js';
import {type ApplyResult, apply, StaleError} from '../apply/apply.js';
import {chooseHelper, storeCandidates} from '../doctor/choose-helper.js';
import {type Diagnosis, diagnose} from '../doctor/diagnose.js';
import type {Finding} from '../doctor/findings.js';
import {type FixPlan, fixPlan} from '../doctor/fix-plan.js';
import {readProxyFacts} from '../doctor/proxy-facts.js';
import {proxyFindings} from '../doctor/proxy-mismatch.js';
import {readDoctorFacts} from '../doctor/read-facts.js';
import {type Environment, stateDir} from '../environment.js';
import {sweepAbandoned} from '../exec/stale.js';
import {expiryFindings} from '../inventory/expiry-findings.js';
import {inventoryPath, readInventory} from '../inventory/store.js';
import {checkStore} from '../keychain/store-check.js';
import {probeEnvironment, readFileState} from '../probe.js';
import type {Invocation} from './args.js';
import {CancelledError, EXIT, UsageError} from './errors.js';
import type {Io} from './headless.js';
import {planJson, planText, resultJson, resultText} from './plan-view.js';

const MARK = {error: '✗', warning: '!'} as const;
const ROLE = {docker: 'docker config', podman: 'podman auth file', 'podman-runtime': 'podman runtime auth file', given: 'given'} as const;

function findingsText(findings: readonly Finding[]): string {
	return findings.map(finding => `${MARK[finding.level]} ${finding.path}: ${finding.message}\n    fix: ${finding.fix}`).join('\n');
}

function summary(findings: readonly Finding[]): string {
	if (findings.length === 0) return '✓ No problems found.';
	const errors = findings.filter(finding => finding.level === 'error').length;
	const warnings = findings.length - errors;
	const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
	return `${findings.length} problem${findings.length === 1 ? '' : 's'} (${parts.join(', ')}).`;
}

function diagnosisText(diagnosis: Diagnosis): string {
	const checked = diagnosis.files.map(
		file => `  ${file.path}  (${ROLE[file.role]}${file.kind === 'absent' ? ', not present' : file.kind === 'secrets' ? ', Kubernetes Secrets' : ''})`,
	);
	const out = ['Checked', ...checked, ''];
	if (diagnosis.findings.length > 0) out.push(findingsText(diagnosis.findings), '');
	out.push(summary(diagnosis.findings));
	return out.join('\n');
}

async function examine(env: Environment, files: readonly string[], requested?: KeychainChoice) {
	const facts = await readDoctorFacts(env, files);
	let diagnosis = diagnose(facts);
	// Passwords in clear: --fix needs a keychain that works here, not only a helper on PATH (without
	// a session bus secretservice and regauth's own fail; pass needs `pass init`). Check the ones it
	// would use, stopping at the first that works (regauth's own check stores and erases a probe item).
	if (diagnosis.findings.some(finding => finding.fixable)) {
		facts.stores = [];
		for (const helper of storeCandidates(facts, requested)) {
			const status = await checkStore(env, helper, process.env);
			facts.stores.push(status);
			if (status.ok) break;
		}
		diagnosis = diagnose(facts);
	}
	const inventory = inventoryPath(env);
	const expiry = expiryFindings(readInventory(await readFileState(inventory)), inventory, new Date());
	return {facts, diagnosis: {...diagnosis, findings: [...diagnosis.findings, ...proxyFindings(await readProxyFacts(env)), ...expiry]}};
}

export async function runDoctor(invocation: Invocation, io: Io): Promise<number> {
	sweepAbandoned(process.env, line => io.stderr(`regauth doctor: ${line}\n`));
	const env = await probeEnvironment(process.env);
	const {files, fix: fixing, keychain} = invocation.doctor;
	const {facts, diagnosis} = await examine(env, files, fixing ? keychain : undefined);
	const problems = diagnosis.findings.length > 0 ? EXIT.failed : EXIT.ok;
	if (!fixing) {
		if (invocation.json) io.stdout(`${JSON.stringify({ok: problems === EXIT.ok, files: diagnosis.files, findings: diagnosis.findings}, null, 2)}\n`);
		else io.stdout(`${diagnosisText(diagnosis)}\n`);
		return problems;
	}

	const docker = facts.files.find(file => file.role === 'docker')!;
	const fixable = diagnosis.findings.some(finding => finding.fixable);
	const choice = chooseHelper(facts, keychain, Boolean(env.regauthHelper));
	if (!choice.ok && keychain && !choice.noStore) throw new UsageError(choice.message);
	const helper = choice.ok ? choice.helper : '';
	const fix: FixPlan | undefined = choice.ok && fixable ? fixPlan(docker, helper, env) : undefined;
	const text: string[] = [diagnosisText(diagnosis), ''];
	if (!fixable) text.push(`--fix: nothing to move; ${diagnosis.findings.length === 0 ? 'all is well' : 'the problems above need the fixes shown'}.`);
	else if (!choice.ok) text.push(`regauth: cannot fix: ${choice.message}`);

	if (!fix || fix.plan.artifacts.length === 0 || invocation.dryRun) {
		if (fix && invocation.dryRun) text.push(`regauth doctor --fix --dry-run: nothing was changed.\n\n${planText(fix.plan, {contents: true})}`);
		else if (fix) text.push('--fix: nothing could be moved:', ...fix.plan.notes.map(note => `  ${note.message}`));
		if (invocation.json) {
			io.stdout(
				`${JSON.stringify({ok: problems === EXIT.ok, files: diagnosis.files, findings: diagnosis.findings, ...(fix ? {fix: fixJson(fix, helper, invocation.dryRun)} : {})}, null, 2)}\n`,
			);
		} else io.stdout(`${text.join('\n')}\n`);
		return problems;
	}

	const controller = new AbortController();
	const onSigint = () => controller.abort();
	process.on('SIGINT', onSigint);
	let result: ApplyResult;
	try {
		result = await apply(fix.plan, {mode: 'files', stateDir: stateDir(env), secrets: fix.secrets, signal: controller.signal});
	} catch (error) {
		if (!(error instanceof StaleError)) throw error;
		text.push(`regauth: ${error.message} Nothing was changed; run regauth doctor --fix again.`);
		io.stdout(`${text.join('\n')}\n`);
		return EXIT.failed;
	} finally {
		process.removeListener('SIGINT', onSigint);
	}
	if (controller.signal.aborted) throw new CancelledError();
	// Read the machine again: the fix may have put a launcher on PATH.
	const after = await examine(await probeEnvironment(process.env), files);
	const backups = result.items.flatMap(item => (item.backup ? [item.backup] : []));
	if (invocation.json) {
		io.stdout(
			`${JSON.stringify({ok: result.ok && after.diagnosis.findings.length === 0, files: diagnosis.files, findings: diagnosis.findings, fix: {...fixJson(fix, helper, false), result: resultJson(result)}, remaining: after.diagnosis.findings}, null, 2)}\n`,
		);
	} else {
		text.push(`Moving ${fix.moved.length} password${fix.moved.length === 1 ? '' : 's'} into the keychain:`, resultText(result));
		if (backups.length > 0)
			text.push(
				'',
				`The backup ${backups.join(', ')} still holds the old passwords in clear (mode 0600); regauth undo needs it — delete it once you no longer do.`,
			);
		for (const note of fix.plan.notes) text.push(`regauth: ${note.level}: ${note.message}`);
		text.push(
			'',
			'After the fix:',
			...(after.diagnosis.findings.length > 0 ? [findingsText(after.diagnosis.findings)] : []),
			summary(after.diagnosis.findings),
		);
		io.stdout(`${text.join('\n')}\n`);
	}
	return result.ok && after.diagnosis.findings.length === 0 ? EXIT.ok : EXIT.failed;
}

function fixJson(fix: FixPlan, helper: string, dryRun: boolean) {
	return {helper, dryRun, moved: fix.moved, skipped: fix.skipped, plan: planJson(fix.plan)};
}
