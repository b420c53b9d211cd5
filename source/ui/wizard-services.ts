// The real services behind the wizard: keychain checks, remembered credentials and apply.
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {apply, RefusedError, StaleError} from '../apply/apply.js';
import {type Environment, stateDir} from '../environment.js';
import {applyRecord} from '../inventory/hook.js';
import {inventoryPath} from '../inventory/store.js';
import {formatProblem, type KeychainStatus} from '../keychain/diagnose.js';
import {listRemembered, probeKeychain} from '../keychain/helper-client.js';
import {HELPER_NAME} from '../keychain/names.js';
import {KeychainError, rememberCredential} from '../keychain/prepare.js';
import {readClusters} from '../kubernetes/read-clusters.js';
import {readFileState} from '../probe.js';
import type {VerifyFlags} from '../run-options.js';
import {clusterQueries} from '../targets/kubernetes/clusters.js';
import {KEY_LABEL} from './client-cert-fields.js';
import type {WizardServices} from './services.js';

export function wizardServices(
	getEnv: () => Environment | null,
	setKeychain: (status: KeychainStatus | undefined) => void,
	checks: VerifyFlags,
): WizardServices {
	const need = () => {
		const env = getEnv();
		if (!env) throw new Error('the machine has not been read yet');
		return env;
	};
	return {
		readClusters: answers => readClusters(need().programs.kubectl, clusterQueries(answers), process.env),
		async checkKeychain(choice) {
			if (choice.kind === 'file') {
				setKeychain(undefined);
				return {ok: true};
			}
			const helper = choice.kind === 'regauth' ? HELPER_NAME : choice.name;
			const status = await probeKeychain(need(), helper);
			setKeychain(status);
			return status.ok ? {ok: true} : {ok: false, message: formatProblem(status.problem)};
		},
		async rememberedCredentials() {
			const listed = await listRemembered(need());
			return listed.ok ? listed : {ok: false, message: formatProblem(listed.problem)};
		},
		async recallCredential(credential) {
			const copy = {...credential};
			try {
				await rememberCredential(copy, need());
				return {ok: true, credential: copy};
			} catch (error) {
				if (error instanceof KeychainError) return {ok: false, message: error.message};
				throw error;
			}
		},
		async openUrl(url) {
			const {openUrl} = await import('./open-url.js');
			return openUrl(url, process.platform, process.env);
		},
		async checkClientCert(certFile, keyFile) {
			const {ClientCertError, loadClientPair} = await import('../verify/client-cert.js');
			const where = (path: string) => resolve(need().cwd, path.replace(/^~(?=\/|$)/, need().home));
			const pair = {certFile: where(certFile), keyFile: where(keyFile)};
			try {
				await loadClientPair(pair.certFile, pair.keyFile, {cert: 'Client certificate', key: KEY_LABEL});
				return {ok: true, pair};
			} catch (error) {
				if (error instanceof ClientCertError) return {ok: false, message: error.message};
				throw error;
			}
		},
		async verify(credential, signal, clientCert) {
			if (checks.mode === 'off') return undefined;
			const {verifyCredential} = await import('../verify/verify-credential.js');
			return verifyCredential({
				registry: credential.registry,
				username: credential.username,
				password: credential.password,
				...(checks.caFile ? {caFile: checks.caFile} : {}),
				// The pair on the credentials step (it starts as --cert-file/--key-file); none once both rows are emptied.
				...(clientCert ?? {}),
				insecure: checks.insecure,
				timeoutMs: checks.timeoutMs,
				signal,
			});
		},
		async mintToken(credential) {
			const {mintCredentials} = await import('../registries/cloud-credentials.js');
			const copy = {...credential, password: ''};
			const outcome = await mintCredentials({credentials: [copy]}, process.env);
			return outcome.ok ? {ok: true, credential: copy, message: outcome.lines.join(' ')} : {ok: false, message: outcome.message};
		},
		async readFile(path) {
			try {
				return {ok: true, text: await readFile(resolve(need().cwd, path.replace(/^~(?=\/|$)/, need().home)), 'utf8')};
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				const why =
					code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
				return {ok: false, message: `Import file ${path}: ${why}; give the path of the file Quay gave you.`};
			}
		},
		async apply(plan, answers, mode, callbacks) {
			try {
				// The inventory of logins is one more file of the apply (docs/lifecycle.md §1).
				const machine = need();
				const record = inventoryPath(machine);
				const recorded = applyRecord(answers, mode).add(plan, {...machine, files: {...machine.files, [record]: await readFileState(record)}});
				const result = await apply(recorded, {
					mode,
					stateDir: stateDir(need()),
					secrets: plan.secrets,
					signal: callbacks.signal,
					onItem: callbacks.onItem,
					onOutput: callbacks.onOutput,
				});
				return {kind: 'done', result};
			} catch (error) {
				if (error instanceof StaleError) return {kind: 'stale', message: error.message};
				if (error instanceof RefusedError) return {kind: 'refused', message: error.message};
				throw error;
			}
		},
	};
}
