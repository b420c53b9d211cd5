// The equivalent command line of a run, shown after the wizard so onboarding can be scripted.
// The password never appears: it goes to --password-stdin.
import {type Answers, defaultAnswers, TARGET_IDS} from './answers.js';
import {registryKey} from './formats/registry-key.js';
import {shellJoin} from './formats/shell-quote.js';
import {isRelevant} from './targets/options.js';
import {routesToHelper, targetSpec} from './targets/specs.js';
import {DEFAULT_TIMEOUT_MS} from './verify/result.js';
import type {VerifyMode} from './verify/verdict.js';

/** The client certificate the checks present (--cert-file/--key-file): the command checks with it too. */
export interface CheckCertificate {
	certFile: string;
	keyFile: string;
}

/**
 * How the run checks the credentials (--verify, --no-verify, --ca-file, --insecure, --verify-timeout):
 * they change what the run does (which registry answers count, which CA is trusted, plain HTTP), so
 * the command carries them too. The client certificate is the separate `clientCert`.
 */
export interface CommandChecks {
	mode: VerifyMode;
	caFile?: string;
	insecure?: boolean;
	timeoutMs?: number;
}

export function headlessCommand(answers: Answers, clientCert?: CheckCertificate, checks?: CommandChecks): string {
	const defaults = defaultAnswers();
	const argv = ['regauth'];
	// Tokens regauth got from a cloud CLI: the command gets them again the same way (no stdin).
	const minted = answers.credentials.length > 0 && answers.credentials.every(credential => credential.mintedBy);
	for (const credential of answers.credentials) {
		// The registry as regauth normalised it (https://Quay.io/v2/ → quay.io); as typed if invalid.
		const key = registryKey(credential.registry);
		argv.push('--registry', key.ok ? key.value.host : credential.registry.trim());
		if (!minted) argv.push('--username', credential.username);
		if (credential.email !== '') argv.push('--email', credential.email);
	}
	const remembered = answers.credentials.length > 0 && answers.credentials.every(credential => credential.fromKeychain);
	if (!minted) argv.push(remembered ? '--from-keychain' : '--password-stdin');
	argv.push('--target', answers.targets.join(','));
	// --keychain only matters to targets that can route to a credential helper.
	const helperTargets = answers.targets.some(routesToHelper);
	if (helperTargets && answers.keychain.kind === 'regauth') argv.push('--keychain', 'regauth');
	if (helperTargets && answers.keychain.kind === 'helper') argv.push('--keychain', answers.keychain.name);
	// Each target's flags, as its declaration gives them, in --target's order.
	for (const id of TARGET_IDS) {
		for (const option of targetSpec(id).options) {
			if (!option.flag || !isRelevant(id, option, answers)) continue;
			const values = option.flag.emit(answers);
			if (values === true) argv.push(`--${option.flag.name}`);
			else if (Array.isArray(values)) for (const value of values) argv.push(`--${option.flag.name}`, value);
		}
	}
	if (answers.outputDir !== defaults.outputDir) argv.push('--output-dir', answers.outputDir);
	if (answers.destdir !== '') argv.push('--destdir', answers.destdir);
	if (clientCert) argv.push('--cert-file', clientCert.certFile, '--key-file', clientCert.keyFile);
	argv.push(...checkFlags(checks));
	argv.push('--yes');
	const command = shellJoin(argv);
	if (remembered || minted) return command;
	const count = answers.credentials.length;
	const input = count > 1 ? `printf '%s\\n' "$PASSWORD_1"${count > 2 ? ' …' : ''} "$PASSWORD_${count}"` : `printf '%s' "$PASSWORD"`;
	return `${input} | ${command}`;
}

/** The check flags, in the words --help uses; defaults add nothing, and with --no-verify nothing is checked, so only that. */
function checkFlags(checks: CommandChecks | undefined): string[] {
	if (!checks) return [];
	if (checks.mode === 'off') return ['--no-verify'];
	const flags = checks.mode === 'strict' ? ['--verify=strict'] : [];
	if (checks.caFile) flags.push('--ca-file', checks.caFile);
	if (checks.insecure) flags.push('--insecure');
	if (checks.timeoutMs !== undefined && checks.timeoutMs !== DEFAULT_TIMEOUT_MS) flags.push('--verify-timeout', String(checks.timeoutMs / 1000));
	return flags;
}
