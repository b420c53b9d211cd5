// The run's check flags as plan() takes them: the client certificate the checks present, and the
// rest for the equivalent headless command. Shared by headless and the wizard (below both).
import {resolve} from 'node:path';
import type {PlanFacts} from './plan.js';
import type {VerifyFlags} from './run-options.js';

/** Paths made absolute: the printed command may be run from another directory. */
export function checkFacts(verify: VerifyFlags, cwd = process.cwd()): Pick<PlanFacts, 'clientCert' | 'checks'> {
	const {mode, caFile, certFile, keyFile, insecure, timeoutMs} = verify;
	return {
		...(certFile && keyFile && mode !== 'off' ? {clientCert: {certFile: resolve(cwd, certFile), keyFile: resolve(cwd, keyFile)}} : {}),
		checks: {mode, ...(caFile ? {caFile: resolve(cwd, caFile)} : {}), insecure, timeoutMs},
	};
}
