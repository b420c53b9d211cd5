// What `regauth status` reads and reports, as one call: the machine (docker's and podman's files,
// the inventory), every login on it, and the report. The CLI prints it; the wizard's first screen
// lists it (docs/lifecycle.md §2).
import type {Environment} from '../environment.js';
import {readMachine} from '../probe.js';
import {collectLogins, statusReads} from './collect.js';
import {type StatusReport, statusReport} from './report.js';

export async function readStatus(processEnv: NodeJS.ProcessEnv, now: Date): Promise<{machine: Environment; report: StatusReport}> {
	const machine = await readMachine(processEnv, statusReads);
	return {machine, report: statusReport(await collectLogins(machine, processEnv), now)};
}
