// Which keychain `doctor --fix` moves passwords into: the one asked for; else regauth's own
// helper when it is installed; else the helper docker itself would pick on this platform
// (docs/formats.md §1.5: pass when `pass` is installed, else secretservice on Linux).
import type {KeychainChoice} from '../answers.js';
import type {DoctorFacts} from './findings.js';

export type HelperChoice = {ok: true; helper: string} | {ok: false; message: string};

const INSTALL_HINT =
	'run regauth keychain setup (it sets up pass or gnome-keyring without a desktop and proves the store works), or install one (Debian/Ubuntu: apt install golang-docker-credential-helpers for docker-credential-secretservice) or choose one with --keychain NAME';

/**
 * @param regauthBundle regauth's own helper was found beside the CLI (it can run without being
 *                      on PATH; the fix then installs the launcher docker needs)
 */
export function chooseHelper(
	facts: Pick<DoctorFacts, 'helpers' | 'pass' | 'platform' | 'regauthBundle'>,
	requested?: KeychainChoice,
	regauthBundle = facts.regauthBundle ?? false,
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
