// The client certificate rows of the credentials step (pure): shown once the registry's check
// says it wants a TLS client certificate (or turned the one given down), and kept while a pair
// is in use. One pair for the whole run, as headless --cert-file/--key-file.
import type {Credential} from '../answers.js';
import {ROWS} from './credential-fields.js';
import {checkFor, type WizardState} from './state.js';

/** The rows after the credential fields and the import row. */
export const CERT_ROW = ROWS;
export const KEY_ROW = ROWS + 1;

export const CERT_LABEL = 'Client cert';
export const KEY_LABEL = 'Client key';

/** What the registry said about a client certificate for this credential, if anything. */
export function certAsked(state: Pick<WizardState, 'checks'>, credential: Credential): 'required' | 'rejected' | undefined {
	const result = checkFor(state, credential)?.result;
	return result && result !== 'checking' ? result.clientCertificate : undefined;
}

export function certRowsShown(state: Pick<WizardState, 'checks' | 'clientCert'>, credential: Credential): boolean {
	return certAsked(state, credential) !== undefined || state.clientCert.inUse !== undefined;
}

/** How many rows the credentials step has for this credential (Tab and ↑/↓ cycle through them). */
export function credentialRows(state: Pick<WizardState, 'checks' | 'clientCert'>, credential: Credential): number {
	return certRowsShown(state, credential) ? ROWS + 2 : ROWS;
}
