// The logins `regauth status` finds, read once the machine has been read (after the first frame,
// so it never delays it: docs/performance.md §2) and again after a rotate or logout.
import {useEffect, useState} from 'react';
import type {LoginStatus} from '../../status/report.js';
import type {WizardServices} from '../services.js';

export function useLogins(services: WizardServices, ready: boolean, version: number): LoginStatus[] {
	const [logins, setLogins] = useState<LoginStatus[]>([]);
	// biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reason to read again, not a value read
	useEffect(() => {
		if (!ready || !services.logins) return;
		let live = true;
		services.logins.read().then(
			report => {
				if (live) setLogins(report.logins);
			},
			// The list is an extra: a machine that cannot be read shows none (the findings say why).
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [services, ready, version]);
	return logins;
}
