// The wizard's services for setting a keychain up (keychain/setup) and checking the stores again
// afterwards, for one process environment: the wizard's own, or a test's throwaway HOME.
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain/diagnose.js';
import type {StoreStatus} from './choices.js';
import type {WizardServices} from './services.js';
import {checkStores} from './store-checks.js';

export function keychainSetupServices(
	processEnv: NodeJS.ProcessEnv,
	getEnv: () => Environment | null,
	onStatus: (status: KeychainStatus) => void,
): Required<Pick<WizardServices, 'setUpKeychain' | 'recheckStores'>> {
	return {
		async setUpKeychain(io) {
			const {runKeychainSetup} = await import('../keychain/setup/setup.js');
			// No registries: the wizard's plan routes its own logins to the store the user then picks.
			const report = await runKeychainSetup({registries: [], processEnv, ...io});
			// The store lives on the bus the set-up started: this process keeps using it (its probe,
			// apply's helper runs). The summary tells the person to export it in their shell too.
			if (report.ok && report.bus && !processEnv.DBUS_SESSION_BUS_ADDRESS) processEnv.DBUS_SESSION_BUS_ADDRESS = report.bus;
			return report;
		},
		async recheckStores() {
			const env = getEnv();
			if (!env) return {};
			const found: StoreStatus = {};
			await checkStores(
				env,
				status => {
					found[status.helper] = status;
					onStatus(status);
				},
				processEnv,
			);
			return found;
		},
	};
}
