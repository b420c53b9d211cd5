// What the wizard asks of the outside world (the keychain, the registry, the file system), as
// one injectable object: the components stay free of I/O and tests can substitute each part.
import type {Answers, Credential, KeychainChoice} from '../answers.js';
import type {ApplyMode, ApplyResult, ItemResult} from '../apply/apply.js';
import type {ClusterState} from '../environment.js';
import type {SetupReport, SetupRequest} from '../keychain/setup/setup.js';
import type {Plan} from '../plan-types.js';
import type {VerifyResult} from '../verify/result.js';
import type {StoreStatus} from './choices.js';

export type Check = {ok: true; detail?: string} | {ok: false; message: string};

/** A client certificate and its key, as absolute paths (the headless --cert-file/--key-file). */
export interface ClientCertPair {
	certFile: string;
	keyFile: string;
}

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
	verify(credential: Credential, signal: AbortSignal, clientCert?: ClientCertPair): Promise<VerifyResult | undefined>;
	/** Read and check a client certificate pair the user named (both PEM, the key the certificate's). */
	checkClientCert?(certFile: string, keyFile: string): Promise<{ok: true; pair: ClientCertPair} | {ok: false; message: string}>;
	/**
	 * Set a keychain up on this machine (keychain/setup, as `regauth keychain setup`), asking the
	 * person through the wizard. Routes no registry itself: the wizard's own plan does that.
	 */
	setUpKeychain?(io: Pick<SetupRequest, 'ask' | 'confirm' | 'progress'>): Promise<SetupReport>;
	/** Check every keychain store again (after a set-up); the keychain step shows the new statuses. */
	recheckStores?(): Promise<StoreStatus>;
	/**
	 * Get a token from the cloud's CLI the user is logged in to (aws, gcloud, az, gh) for a
	 * recognised cloud registry: the credential with its user, token and expiry filled in.
	 */
	mintToken?(credential: Credential): Promise<{ok: true; credential: Credential; message: string} | {ok: false; message: string}>;
	/** Open a team profile's token page in the browser (the user pressed the key; https only). */
	openUrl?(url: string): Promise<{ok: boolean; message: string}>;
	/** Read a file the user named (a Quay robot file to import). */
	readFile(path: string): Promise<{ok: true; text: string} | {ok: false; message: string}>;
	/** Ask kubectl (read-only) for the namespaces and existing Secrets the kubernetes target needs. */
	readClusters?(answers: Answers): Promise<Record<string, ClusterState>>;
	/** Write and run the plan. A 'stale' outcome means a file changed since the preview: re-plan. */
	apply(plan: Plan, answers: Answers, mode: ApplyMode, callbacks: ApplyCallbacks): Promise<ApplyOutcome>;
	/** The logins on this machine and their check, rotate and logout (the first screen lists them). */
	logins?: import('./logins-services.js').LoginServices;
}
