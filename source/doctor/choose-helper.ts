// Which keychain `doctor --fix` moves passwords into: the one asked for; else regauth's own
// helper when it is installed; else the helper docker itself would pick on this platform
// (docs/formats.md §1.5: pass when `pass` is installed, else secretservice on Linux).
import type {KeychainChoice} from '../answers.js';
import type {KeychainStatus} from '../keychain-status.js';
import type {DoctorFacts} from './findings.js';

/** `noStore`: helpers are installed, but the checks found none whose store works here. */
export type HelperChoice = {ok: true; helper: string} | {ok: false; message: string; noStore?: boolean};

/** The stores `regauth keychain setup` makes work without a desktop; --fix falls back to them. */
const SETUP_STORES = ['pass', 'secretservice'];

const SETUP_HINT =
	'run regauth keychain setup, which sets one up without a desktop (pass with a GPG key of its own, or gnome-keyring) and proves it works, then regauth doctor --fix again';

const INSTALL_HINT =
	'run regauth keychain setup (it sets up pass or gnome-keyring without a desktop and proves the store works), or install one (Debian/Ubuntu: apt install golang-docker-credential-helpers for docker-credential-secretservice) or choose one with --keychain NAME';

/**
 * @param regauthBundle regauth's own helper was found beside the CLI (it can run without being
 *                      on PATH; the fix then installs the launcher docker needs)
 */
export function chooseHelper(
	facts: Pick<DoctorFacts, 'helpers' | 'pass' | 'platform' | 'regauthBundle' | 'stores'>,
	requested?: KeychainChoice,
	regauthBundle = facts.regauthBundle ?? false,
): HelperChoice {
	const installed = installedHelper(facts, requested, regauthBundle);
	if (!installed.ok || !facts.stores) return installed;
	const chosen = facts.stores.find(status => status.helper === installed.helper);
	// Not checked (the checks were for another --keychain): as installed.
	if (!chosen || chosen.ok) return installed;
	const working = requested ? undefined : facts.stores.find(status => status.ok);
	return working ? {ok: true, helper: working.helper} : {ok: false, noStore: true, message: noStoreMessage(facts.stores)};
}

/**
 * The helpers `doctor --fix` may move passwords into, in the order it tries them: the one chosen
 * (or asked for with --keychain), then, when none was asked for, pass and secretservice when installed.
 */
export function storeCandidates(
	facts: Pick<DoctorFacts, 'helpers' | 'pass' | 'platform' | 'regauthBundle'>,
	requested?: KeychainChoice,
	regauthBundle = facts.regauthBundle ?? false,
): string[] {
	const installed = installedHelper(facts, requested, regauthBundle);
	if (!installed.ok) return [];
	if (requested) return [installed.helper];
	return [installed.helper, ...SETUP_STORES.filter(name => name !== installed.helper && facts.helpers.includes(name))];
}

/** Why no checked store can take the passwords, and the way out. */
export function noStoreMessage(stores: readonly KeychainStatus[]): string {
	// Helpers failing for one reason (no session bus) are named together, each reason once.
	const reasons = new Map<string, string[]>();
	for (const status of stores)
		if (!status.ok) reasons.set(status.problem.message, [...(reasons.get(status.problem.message) ?? []), `docker-credential-${status.helper}`]);
	const why = [...reasons].map(([message, helpers]) => `${helpers.join(' and ')}: ${message}`);
	const subject = stores.length === 1 ? 'the keychain does not work here' : 'no keychain works here';
	return `${subject} (${why.join(' — ')}): ${SETUP_HINT}`;
}

function installedHelper(
	facts: Pick<DoctorFacts, 'helpers' | 'pass' | 'platform' | 'regauthBundle'>,
	requested: KeychainChoice | undefined,
	regauthBundle: boolean,
): HelperChoice {
	const onPath = (name: string) => facts.helpers.includes(name) || (name === 'regauth' && regauthBundle);
	if (requested?.kind === 'file')
		return {
			ok: false,
			message: '--keychain file keeps passwords in the file; --fix moves them out: choose regauth or a docker helper (e.g. --keychain secretservice).',
		};
	if (requested) {
		const name = requested.kind === 'regauth' ? 'regauth' : requested.name;
		return onPath(name)
			? {ok: true, helper: name}
			: {
					ok: false,
					message: `--keychain ${name}: docker-credential-${name} is not on PATH; install it or choose another (on PATH: ${facts.helpers.join(', ') || 'none'}).`,
				};
	}
	if (onPath('regauth')) return {ok: true, helper: 'regauth'};
	const platformDefault =
		facts.platform === 'darwin' ? 'osxkeychain' : facts.platform === 'win32' ? 'wincred' : facts.pass && onPath('pass') ? 'pass' : 'secretservice';
	if (onPath(platformDefault)) return {ok: true, helper: platformDefault};
	return {
		ok: false,
		message: `no credential helper is on PATH (looked for docker-credential-regauth and docker-credential-${platformDefault}): ${INSTALL_HINT}.`,
	};
}
