// Names shared by regauth and its credential helper. Kept in a file of its own so the helper's
// bundle pulls in nothing else.

/** keytar service of regauth's items: `secret-tool lookup service regauth account <server>` finds them. */
export const KEYCHAIN_SERVICE = 'regauth';

/** The suffix docker uses in config.json: `credHelpers: {"quay.io": "regauth"}`. */
export const HELPER_NAME = 'regauth';

/** The program docker, podman and skopeo look for on PATH. */
export const HELPER_PROGRAM = `docker-credential-${HELPER_NAME}`;

/**
 * Not part of docker's protocol: regauth asks its own helper whether the keychain can store
 * (writes and removes a throwaway item). A locked keyring only shows itself on a write.
 */
export const PROBE_ACTION = 'regauth-probe';

/**
 * The account prefix of the throwaway probe item (never a server URL docker would send). Each
 * probe adds its own pid and a random part: with one shared name, two runs at once replaced and
 * deleted each other's item, and gnome-keyring answered "Object does not exist" to the slower one.
 */
export const PROBE_ACCOUNT = '.regauth-probe';

/** docker's client matches this text exactly to mean "no credentials" (docs/formats.md §2.1). */
export const NOT_FOUND = 'credentials not found in native keychain';

/** docker-credential-pass's `get` on a server folder its `erase` emptied: nothing stored (docs/formats.md §2.1). */
export const PASS_EMPTY_FOLDER = /^no usernames for \S+$/m;

/** A helper's `get` that failed because nothing is stored for the server. */
export function saysNotFound(output: string): boolean {
	return output.includes(NOT_FOUND) || PASS_EMPTY_FOLDER.test(output);
}
