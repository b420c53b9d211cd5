// The client certificate rows of the credentials step (pure): shown once the registry's check
// says it wants a TLS client certificate (or turned the one given down), and kept while a pair
// is in use. One pair for the whole run, as headless --cert-file/--key-file.
import type {Credential} from '../answers.js';
import {CREDENTIAL_FIELDS, IMPORT_ROW, ROWS} from './credential-fields.js';
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

/**
 * The credentials step's rows in the order they are drawn (Tab and ↑/↓ follow it): the
 * certificate rows, when shown, sit under the registry's words, before the import row.
 */
export function credentialRowOrder(state: Pick<WizardState, 'checks' | 'clientCert'>, credential: Credential): number[] {
	const fields = CREDENTIAL_FIELDS.map((_, index) => index);
	return certRowsShown(state, credential) ? [...fields, CERT_ROW, KEY_ROW, IMPORT_ROW] : [...fields, IMPORT_ROW];
}

/** The row `delta` rows away from `field` in drawing order (wrapping). */
export function rowAfter(order: readonly number[], field: number, delta: number): number {
	const at = Math.max(0, order.indexOf(field));
	return order[(at + delta + order.length) % order.length]!;
}
