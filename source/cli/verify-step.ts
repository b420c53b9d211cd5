// Headless: every credential is checked with its registry after the password is read and before
// the plan is printed or applied. Wrong credentials stop the run here, before anything is written.
import {resolveAnswers} from '../answers.js';
import type {Note} from '../plan-types.js';
import {targetSpec} from '../targets/specs.js';
import {ClientCertError, loadClientPair} from '../verify/client-cert.js';
import {repositoryOf} from '../verify/repository.js';
import type {VerifyResult} from '../verify/result.js';
import {CaFileError, loadCaFile} from '../verify/trust.js';
import {failureMessage, verdict} from '../verify/verdict.js';
import {verifyCredential} from '../verify/verify-credential.js';
import type {Invocation} from './args.js';
import {CancelledError, FailureError, UsageError} from './errors.js';

export interface Verification {
	results: VerifyResult[];
	notes: Note[];
}

export async function verifyStep(invocation: Pick<Invocation, 'answers' | 'verify'>): Promise<Verification> {
	const {mode, caFile, certFile, keyFile, insecure, timeoutMs} = invocation.verify;
	if (mode === 'off') return {results: [], notes: []};
	if (caFile) {
		// A wrong --ca-file is bad input (exit 2), not a registry problem.
		await loadCaFile(caFile).catch(error => {
			throw error instanceof CaFileError ? new UsageError(error.message) : error;
		});
	}
	if (certFile && keyFile) {
		// So is a wrong --cert-file/--key-file pair.
		await loadClientPair(certFile, keyFile, {cert: '--cert-file', key: '--key-file'}).catch(error => {
			throw error instanceof ClientCertError ? new UsageError(error.message) : error;
		});
	}
	const controller = new AbortController();
	const onSigint = () => controller.abort();
	process.on('SIGINT', onSigint);
	let results: VerifyResult[];
	const skipped: Note[] = [];
	try {
		// A host handed to the cloud's helper has no secret here: the helper gets a token when docker pulls.
		const {credentials} = resolveAnswers(invocation.answers);
		for (const credential of credentials.filter(credential => credential.viaHelper)) {
			skipped.push({
				level: 'info',
				message: `${credential.host} is not checked now: docker-credential-${credential.viaHelper} gets its token when docker or podman pulls (try: docker pull ${credential.host}/REPOSITORY:TAG).`,
			});
		}
		const {answers} = invocation;
		const image = answers.targets.map(id => targetSpec(id).checkImage?.(answers) ?? '').find(candidate => candidate !== '') ?? '';
		results = await Promise.all(
			credentials
				.filter(credential => !credential.viaHelper)
				.map(credential => {
					const repository = image === '' ? undefined : repositoryOf(image, credential.host);
					return verifyCredential({
						registry: credential.key,
						username: credential.username,
						password: credential.password,
						insecure,
						timeoutMs,
						signal: controller.signal,
						...(caFile ? {caFile} : {}),
						...(certFile && keyFile ? {certFile, keyFile} : {}),
						...(repository ? {repository} : {}),
					});
				}),
		);
	} finally {
		process.removeListener('SIGINT', onSigint);
	}
	if (controller.signal.aborted) throw new CancelledError();
	const {failures, notes} = verdict(results, mode);
	if (failures.length > 0) throw new FailureError(failureMessage(failures, mode));
	return {results, notes: [...skipped, ...notes]};
}
