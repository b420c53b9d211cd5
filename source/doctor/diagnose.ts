// `regauth doctor`: every check over the files' texts and the facts of the machine. Pure — the
// reader (read-facts.ts) gathers the facts; this decides what is wrong and how to fix it.

import {readAuthFile} from '../formats/docker-config.js';
import {octal} from '../formats/file-mode.js';
import {authFileReport, type FileReport, loginHost} from './auth-file-checks.js';
import {chooseHelper} from './choose-helper.js';
import type {DoctorFacts, DoctorFile, Finding} from './findings.js';
import {looksLikeKubernetes, secretFileReport} from './secret-checks.js';

export type FileKind = 'absent' | 'unreadable' | 'auth-file' | 'secrets' | 'unrecognised';

export interface Diagnosis {
	files: Array<{path: string; role: DoctorFile['role']; kind: FileKind}>;
	findings: Finding[];
}

function kindOf(file: DoctorFile): FileKind {
	if (!file.state.exists) return 'absent';
	if (file.state.error !== undefined || file.state.text === undefined) return 'unreadable';
	if (file.role === 'given' && looksLikeKubernetes(file.state.text)) return 'secrets';
	return 'auth-file';
}

function report(file: DoctorFile, kind: FileKind, facts: DoctorFacts, fixHelper: string | undefined, noStore?: string): FileReport {
	const empty: FileReport = {findings: [], plainSecrets: false, logins: []};
	const {path} = file;
	if (kind === 'absent') {
		if (file.role !== 'given') return empty;
		return {...empty, findings: [{id: 'unreadable', level: 'error', path, message: 'no such file', fix: 'Check the path.'}]};
	}
	if (kind === 'unreadable') {
		return {
			...empty,
			findings: [
				{
					id: 'unreadable',
					level: 'error',
					path,
					message: `cannot be read: ${file.state.error ?? 'unknown error'}`,
					fix: 'Run doctor as the user who owns it, or fix its permissions.',
				},
			],
		};
	}
	if (kind === 'secrets') return secretFileReport(path, file.state.text!);
	const parsed = readAuthFile(file.state);
	if (parsed.kind !== 'present') {
		const message = parsed.kind === 'malformed' ? parsed.message : 'empty';
		return {
			...empty,
			findings: [
				{
					id: file.role === 'given' && /not valid JSON/.test(message) ? 'unrecognised' : 'malformed',
					level: 'error',
					path,
					message: file.role === 'given' ? `neither a docker config nor a Kubernetes Secret: ${message}` : `is ${message}`,
					fix:
						file.role === 'docker'
							? 'Repair it by hand or move it away and log in again: docker itself would replace a broken config with an empty one on its next save.'
							: 'Repair it by hand, or move it away and log in again.',
				},
			],
		};
	}
	if (file.role === 'given' && !['auths', 'credHelpers', 'credsStore'].some(key => key in parsed.doc)) {
		return {
			...empty,
			findings: [
				{
					id: 'unrecognised',
					level: 'error',
					path,
					message: 'is JSON, but neither a docker config (no "auths", "credHelpers" or "credsStore") nor a Kubernetes Secret',
					fix: 'Give a docker config.json, a containers auth.json or a Secret manifest.',
				},
			],
		};
	}
	return authFileReport(file, parsed.doc, {helpers: facts.helpers, ...(fixHelper ? {fixHelper} : {}), ...(noStore ? {noStore} : {})});
}

/** Credentials in a file anyone else may read: other users can log in as you. */
function modeFinding(file: DoctorFile, plainSecrets: boolean): Finding | undefined {
	const mode = file.state.mode;
	if (mode === undefined || (mode & 0o044) === 0) return undefined;
	if (!plainSecrets && file.role !== 'docker') return undefined;
	return {
		id: 'readable-by-others',
		level: plainSecrets ? 'error' : 'warning',
		path: file.path,
		message: plainSecrets
			? `is readable by other users (mode ${octal(mode)}) and holds passwords`
			: `is readable by other users (mode ${octal(mode)}); docker keeps that mode when it next saves a password into it`,
		fix: `chmod 600 ${file.path}`,
	};
}

export function diagnose(facts: DoctorFacts): Diagnosis {
	const helper = chooseHelper(facts);
	const fixHelper = helper.ok ? helper.helper : undefined;
	const noStore = !helper.ok && helper.noStore ? helper.message : undefined;
	const findings: Finding[] = [];
	const files: Diagnosis['files'] = [];
	const reports = new Map<DoctorFile, FileReport>();
	for (const file of facts.files) {
		const kind = kindOf(file);
		files.push({path: file.path, role: file.role, kind});
		const result = report(file, kind, facts, fixHelper, noStore);
		reports.set(file, result);
		findings.push(...result.findings);
		if (kind === 'auth-file' || kind === 'secrets') {
			const mode = modeFinding(file, result.plainSecrets);
			if (mode) findings.push(mode);
		}
	}
	findings.push(...tmpfsFindings(facts, reports));
	return {files, findings};
}

/** podman's default auth file is on tmpfs: logins there and nowhere persistent vanish at reboot. */
function tmpfsFindings(facts: DoctorFacts, reports: Map<DoctorFile, FileReport>): Finding[] {
	const persistent = new Set<string>();
	for (const [file, result] of reports) if (!file.tmpfs && file.role !== 'given') for (const key of result.logins) persistent.add(key);
	const podmanFile = facts.files.find(file => file.role === 'podman' && !file.tmpfs);
	const findings: Finding[] = [];
	for (const [file, result] of reports) {
		if (!file.tmpfs || (file.role !== 'podman' && file.role !== 'podman-runtime')) continue;
		const lost = result.logins.filter(key => !persistent.has(key));
		if (lost.length === 0) continue;
		const fix =
			podmanFile && !podmanFile.state.exists
				? `Keep a copy podman also reads: install -D -m 600 ${file.path} ${podmanFile.path}`
				: `Log in again into a persistent file: podman login --authfile ${podmanFile?.path ?? '~/.config/containers/auth.json'} ${loginHost(lost[0]!)}${lost.length > 1 ? ' (and the others)' : ''}`;
		findings.push({
			id: 'tmpfs',
			level: 'warning',
			path: file.path,
			message: `is on tmpfs: the login${lost.length === 1 ? '' : 's'} for ${lost.map(loginHost).join(', ')} ${lost.length === 1 ? 'is' : 'are'} lost at reboot (no persistent file has ${lost.length === 1 ? 'it' : 'them'})`,
			fix,
		});
	}
	return findings;
}
