// The code behind the first screen's logins (logins-services.ts): the CLI's own lifecycle
// functions, called with the wizard's answers instead of flags. Loaded on demand.
import {join} from 'node:path';
import type {Credential} from '../answers.js';
import {type ApplyMode, type ApplyResult, apply, RefusedError, StaleError} from '../apply/apply.js';
import {stateDir} from '../environment.js';
import {terminalText} from '../formats/terminal-text.js';
import {applyRecord} from '../inventory/hook.js';
import {INVENTORY_NAME} from '../inventory/schema.js';
import {inventoryPath, readInventory, untrustedMessage} from '../inventory/store.js';
import {KeychainError, prepareKeychain} from '../keychain/prepare.js';
import {readClusters} from '../kubernetes/read-clusters.js';
import {CarryError, carriedCredentials} from '../lifecycle/carried-credentials.js';
import {applyLogout, erasesKeychainItem, prepareLogout as planLogout, readLogoutMachine} from '../lifecycle/logout-run.js';
import {afterRotation, rotationAnswers, rotationMode} from '../lifecycle/rotate-answers.js';
import {type PlanFacts, plan, plannedReads} from '../plan.js';
import {readFileState, readMachine, stateDirOf} from '../probe.js';
import {checkLogins} from '../status/check.js';
import {statusReads} from '../status/collect.js';
import {readStatus} from '../status/read.js';
import type {LoginStatus, StatusReport} from '../status/report.js';
import {clusterQueries} from '../targets/kubernetes/clusters.js';
import {verdict} from '../verify/verdict.js';
import type {LoginApplied, LoginCheck, LoginServicesOptions, LogoutPreview, Prepared, RotationPreview} from './logins-services.js';
import {wizardWords} from './wizard-words.js';

/** Words from files, helpers and registries, made safe to draw (docs/terminal-text.md). */
const shown = (text: string) => wizardWords(terminalText(text));

export async function readLogins(options: LoginServicesOptions): Promise<StatusReport> {
	return (await readStatus(options.processEnv, new Date())).report;
}

export async function checkLogin(options: LoginServicesOptions, login: LoginStatus): Promise<LoginCheck> {
	const machine = await readMachine(options.processEnv, statusReads);
	const {timeoutMs, insecure, caFile} = options.checks;
	const [checked] = await checkLogins(machine, [login], {timeoutMs, insecure, processEnv: options.processEnv, ...(caFile ? {caFile} : {})});
	const check = checked?.check ?? {result: 'error', message: 'no answer'};
	return {result: check.result, message: shown(check.message)};
}

const MARK: Record<ApplyResult['items'][number]['status'], string> = {
	done: '✓',
	unchanged: '=',
	failed: '✗',
	skipped: '-',
	'not-attempted': '·',
	running: '…',
};

function applied(result: ApplyResult): LoginApplied {
	return {
		ok: result.ok,
		lines: result.items.map(item => shown(`${MARK[item.status]} ${item.title}${item.path ? ` ${item.path}` : ''}${item.detail ? ` — ${item.detail}` : ''}`)),
		undo: result.journal !== undefined,
	};
}

async function applying(run: () => Promise<ApplyResult>): Promise<LoginApplied> {
	try {
		return applied(await run());
	} catch (error) {
		// A file changed since the plan was shown, or apply refused: nothing half-done to report.
		if (error instanceof StaleError || error instanceof RefusedError) return {ok: false, lines: [shown(error.message)], undo: false};
		throw error;
	}
}

/** `regauth rotate`: the recorded answers with the new secret, checked, planned and applied as any run. */
export async function prepareRotation(
	options: LoginServicesOptions,
	login: LoginStatus,
	password: string,
	expires: Date | undefined,
	signal: AbortSignal,
): Promise<Prepared<RotationPreview>> {
	const {processEnv} = options;
	const recordPath = join(stateDirOf(processEnv), INVENTORY_NAME);
	const read = readInventory(await readFileState(recordPath));
	if (read.state === 'untrusted') return {ok: false, message: shown(untrustedMessage(recordPath, read.reason))};
	const recorded = read.inventory.logins.find(each => each.registry === login.key && each.username === login.user);
	if (!recorded)
		return {
			ok: false,
			message: shown(
				`regauth did not set up ${login.registry}${login.user ? ` for ${login.user}` : ''}, so it does not know every place the secret went. Add it from the list above with the new secret instead: the files are merged.`,
			),
		};
	const answers = rotationAnswers(recorded);
	answers.credentials[0]!.password = password;
	const mode: ApplyMode = rotationMode(recorded);
	const result = await options.verify(answers.credentials[0]!, signal);
	if (result) {
		const failures = verdict([result], options.checks.mode).failures;
		if (failures.length > 0) return {ok: false, message: shown(`${result.message}. ${result.advice}`.trim()), secret: true};
	}
	// Files written whole for several registries keep the others, read back unchanged (never checked again).
	let carried: Credential[];
	try {
		carried = (await carriedCredentials(recorded, read.inventory.logins)).map(item => item.credential);
	} catch (error) {
		if (error instanceof CarryError) return {ok: false, message: shown(error.message)};
		throw error;
	}
	answers.credentials.push(...carried);
	let machine = await readMachine(processEnv, snapshot => [...plannedReads(answers, snapshot), inventoryPath(snapshot)]);
	// Secrets applied before are applied again: kubectl tells which exist (updated in place).
	if (mode !== 'files') {
		const clusters = await readClusters(machine.programs.kubectl, clusterQueries(answers, true), processEnv);
		if (Object.keys(clusters).length > 0) machine = {...machine, clusters};
	}
	// Said in the panel's terms, should the plan refuse on the check (it returned above when it would).
	const facts: PlanFacts = {
		verification: {
			mode: options.checks.mode,
			results: result ? [result] : [],
			wayOut: 'Nothing was written: type the new secret again (Esc keeps the old one).',
		},
	};
	try {
		const keychain = await prepareKeychain(answers, machine, {fromKeychain: false, processEnv});
		if (keychain.keychain) facts.keychain = keychain.keychain;
	} catch (error) {
		if (error instanceof KeychainError) return {ok: false, message: shown(error.message)};
		throw error;
	}
	const planned = plan(answers, machine, facts);
	if (!planned.canApply) return {ok: false, message: shown(planned.refusals.join(' '))};
	const chosen = planned.modes[mode];
	const preview: RotationPreview = {
		// An unreachable registry only warns (as in any run): said, not hidden behind a tick.
		...(result
			? {
					verified: {
						ok: result.status === 'verified',
						message: shown(result.status === 'verified' ? result.message : `${result.message}. ${result.advice}`.trim()),
					},
				}
			: {}),
		...(expires ? {expiresAt: expires.toISOString()} : {}),
		places: [
			...planned.artifacts
				.filter(artifact => chosen.artifacts.includes(artifact.id) && artifact.changed)
				.map(artifact => shown(`${artifact.title} — ${artifact.path}${artifact.secret ? '' : ' (regenerated; no secret in it)'}`)),
			...planned.commands.filter(command => chosen.commands.includes(command.id)).map(command => shown(`${command.title}: ${command.display}`)),
		],
		// A note naming a flag is advice for setting a login up (another store, a remote Butane secret):
		// a rotation keeps every choice as recorded, so only the other warnings apply here.
		notes: planned.notes.filter(note => note.level !== 'info' && !/(^|\s)--[a-z]/.test(note.message)).map(note => shown(note.message)),
		next: afterRotation(recorded).map(shown),
	};
	return {
		ok: true,
		preview,
		apply: innerSignal =>
			applying(() =>
				apply(applyRecord(answers, mode, expires, carried).add(planned, machine), {
					mode,
					stateDir: stateDir(machine),
					secrets: planned.secrets,
					signal: innerSignal,
				}),
			),
	};
}

/** `regauth logout`: the same plan; the Kubernetes Secrets only when the user chose to delete them. */
export async function prepareLogout(options: LoginServicesOptions, login: LoginStatus): Promise<Prepared<LogoutPreview>> {
	const read = await readLogoutMachine(options.processEnv);
	const prepared = planLogout(read, [login.key], false);
	if (prepared.empty) return {ok: false, message: shown(`Nothing to remove: no file, keychain item or record holds ${login.registry} now.`)};
	return {
		ok: true,
		preview: {
			removes: [...prepared.plan.artifacts.map(artifact => shown(artifact.redacted)), ...prepared.plan.commands.map(command => shown(command.title))],
			secrets: prepared.secrets.map(secret => shown(secret.display)),
			leftFiles: prepared.leftFiles.map(shown),
			erasesItem: erasesKeychainItem(prepared),
		},
		apply: (signal, choice) => applying(() => applyLogout(choice?.kubernetes ? planLogout(read, [login.key], true) : prepared, read.machine, signal)),
	};
}
