// The logins `regauth status` finds, read once the machine has been read (after the first frame,
// so it never delays it: docs/performance.md §2) and again after a rotate or logout.
import {useEffect, useState} from 'react';
import {terminalText} from '../../formats/terminal-text.js';
import type {LoginStatus} from '../../status/report.js';
import type {WizardServices} from '../services.js';

export interface LoginsRead {
	logins: LoginStatus[];
	/** What status could not read (an untrusted inventory, a helper that failed), cleaned for the terminal. */
	problems: string[];
}

const NONE: LoginsRead = {logins: [], problems: []};

export function useLogins(services: WizardServices, ready: boolean, version: number): LoginsRead {
	const [read, setRead] = useState<LoginsRead>(NONE);
	// biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reason to read again, not a value read
	useEffect(() => {
		if (!ready || !services.logins) return;
		let live = true;
		services.logins.read().then(
			report => {
				if (live) setRead({logins: report.logins, problems: report.problems.map(problem => terminalText(problem))});
			},
			// The list is an extra: a machine that cannot be read shows none (the findings say why).
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [services, ready, version]);
	return read;
}
