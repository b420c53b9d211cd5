// How a run checks and applies, chosen by flags or in the wizard: shared by both surfaces, so it
// lives below them (the wizard must not import the CLI's argument parser for a type).
import type {VerifyMode} from './verify/verdict.js';

export type {ApplyMode} from './plan-types.js';

/** How the credentials are checked against the registry before anything is written. */
export interface VerifyFlags {
	mode: VerifyMode;
	caFile?: string;
	/** A client certificate and its key, for registries that want mutual TLS. */
	certFile?: string;
	keyFile?: string;
	insecure: boolean;
	timeoutMs: number;
}
