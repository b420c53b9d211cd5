// What the wizard asks of the outside world (the keychain, the registry, the file system), as
// one injectable object: the components stay free of I/O and tests can substitute each part.
import type {Answers, Credential, KeychainChoice} from '../answers.js';
import type {ApplyMode, ApplyResult, ItemResult} from '../apply/apply.js';
import type {ClusterState} from '../environment.js';
import type {Plan} from '../plan-types.js';
import type {VerifyResult} from '../verify/result.js';

export type Check = {ok: true; detail?: string} | {ok: false; message: string};

export interface ApplyCallbacks {
	onItem: (item: ItemResult) => void;
	onOutput: (id: string, line: string) => void;
	signal: AbortSignal;
}

export type ApplyOutcome = {kind: 'done'; result: ApplyResult} | {kind: 'stale'; message: string} | {kind: 'refused'; message: string};

export interface WizardServices {
	/** Check that the chosen keychain can store a secret now (probe); plain file always passes. */
	checkKeychain(choice: KeychainChoice): Promise<Check>;
	/** Credentials regauth's keychain remembers, by registry key (asks the keychain). */
	rememberedCredentials(): Promise<{ok: true; servers: Record<string, string>} | {ok: false; message: string}>;
	/** Fill a credential from regauth's keychain. */
	recallCredential(credential: Credential): Promise<{ok: true; credential: Credential} | {ok: false; message: string}>;
	/** Check the credential with its registry; undefined when checks are off (--no-verify). */
	verify(credential: Credential, signal: AbortSignal): Promise<VerifyResult | undefined>;
	/**
	 * Get a token from the cloud's CLI the user is logged in to (aws, gcloud, az, gh) for a
	 * recognised cloud registry: the credential with its user, token and expiry filled in.
	 */
	mintToken?(credential: Credential): Promise<{ok: true; credential: Credential; message: string} | {ok: false; message: string}>;
	/** Read a file the user named (a Quay robot file to import). */
	readFile(path: string): Promise<{ok: true; text: string} | {ok: false; message: string}>;
	/** Ask kubectl (read-only) for the namespaces and existing Secrets the kubernetes target needs. */
	readClusters?(answers: Answers): Promise<Record<string, ClusterState>>;
	/** Write and run the plan. A 'stale' outcome means a file changed since the preview: re-plan. */
	apply(plan: Plan, answers: Answers, mode: ApplyMode, callbacks: ApplyCallbacks): Promise<ApplyOutcome>;
	/** The logins on this machine and their check, rotate and logout (the first screen lists them). */
	logins?: import('./logins-services.js').LoginServices;
}
