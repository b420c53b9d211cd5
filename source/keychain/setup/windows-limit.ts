// Windows' Credential Manager's size limit, checked before a secret is routed there (pure: plan()
// calls it). Used from WSL, where docker-credential-wincred.exe and -desktop.exe keep secrets in
// Windows (docs/keychains.md §3.3).
import type {Answers, FieldIssue, ResolvedCredential} from '../../answers.js';
import {HELPER_TARGETS} from '../../targets/keychain-plan.js';

/**
 * Windows' Credential Manager keeps at most CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 × 512 bytes per
 * credential (wincred.h); docker-credential-wincred stores the secret's UTF-8 bytes as the blob,
 * and a longer one fails with "The stub received bad data." (docker-credential-helpers#190).
 */
export const WINDOWS_BLOB_LIMIT = 2560;

/** Helpers that end in Windows' Credential Manager: wincred itself, and Docker Desktop's, which calls it. */
export function storesInWindowsCredentialManager(helper: string): boolean {
	return /^(?:wincred|desktop)(?:\.exe)?$/.test(helper);
}

/** The message refusing a secret Windows cannot keep, or undefined when it fits. */
export function windowsBlobProblem(helper: string, host: string, secret: string): string | undefined {
	if (!storesInWindowsCredentialManager(helper)) return undefined;
	const bytes = Buffer.byteLength(secret, 'utf8');
	if (bytes <= WINDOWS_BLOB_LIMIT) return undefined;
	return `the token for ${host} is ${bytes} bytes, and docker-credential-${helper} keeps it in Windows' Credential Manager, which holds at most ${WINDOWS_BLOB_LIMIT} bytes per credential (the store would fail with "The stub received bad data."). Choose another keychain for this registry (--keychain regauth, or pass), or --keychain file if you accept a plain-text file.`;
}

/** Plan issues (apply refuses, the CLI exits 2) for secrets a Windows-backed helper cannot keep. */
export function windowsBlobIssues(answers: Pick<Answers, 'keychain' | 'targets'>, credentials: readonly ResolvedCredential[]): FieldIssue[] {
	if (answers.keychain.kind !== 'helper' || !answers.targets.some(target => HELPER_TARGETS.includes(target))) return [];
	const helper = answers.keychain.name;
	return credentials.flatMap(credential => {
		const message = windowsBlobProblem(helper, credential.host, credential.password);
		return message ? [{field: 'password', label: 'Password', flag: '--keychain', message}] : [];
	});
}
