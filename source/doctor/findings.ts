// What `regauth doctor` reports: each problem with the file it is in, one line saying what is
// wrong and one line saying how to fix it. Messages name registries and users, never secrets.
import type {FileState} from '../environment.js';
import type {KeychainStatus} from '../keychain-status.js';

export type FindingId =
	| 'unreadable'
	| 'malformed'
	| 'unrecognised'
	| 'plain-text'
	| 'ignored-auth'
	| 'no-credentials'
	| 'helper-missing'
	| 'auth-undecodable'
	| 'readable-by-others'
	| 'tmpfs'
	| 'secret-type-mismatch'
	| 'secret-malformed'
	| 'secret-no-credentials'
	| 'proxy-mismatch'
	| 'login-expiring'
	| 'login-expired'
	| 'inventory-untrusted';

export interface Finding {
	id: FindingId;
	/** error: something will fail; warning: it works, but is unsafe or fragile. */
	level: 'error' | 'warning';
	path: string;
	/** The registry key the finding is about, when it is about one. */
	registry?: string;
	message: string;
	/** One line: how to fix it. */
	fix: string;
	/** `regauth doctor --fix` can fix it. */
	fixable?: boolean;
}

/**
 * Which file a path is to doctor: docker's config, a podman auth file (podman reads
 * credHelpers but not credsStore), podman's default one under XDG_RUNTIME_DIR (tmpfs),
 * or a file the user named.
 */
export type FileRole = 'docker' | 'podman' | 'podman-runtime' | 'given';

export interface DoctorFile {
	path: string;
	role: FileRole;
	state: FileState;
	/** The file lives on tmpfs (lost at reboot). */
	tmpfs: boolean;
}

export interface DoctorFacts {
	files: DoctorFile[];
	/** Suffixes of docker-credential-* programs on PATH. */
	helpers: string[];
	/** The `pass` program is on PATH (docker then prefers docker-credential-pass). */
	pass: boolean;
	platform: NodeJS.Platform;
	/** regauth's own helper was found beside the CLI (usable even when not on PATH). */
	regauthBundle?: boolean;
	/**
	 * The keychains `doctor --fix` would move plain-text passwords into, as checked (only when the
	 * files hold some): a helper on PATH whose store does not work here is no fix.
	 */
	stores?: KeychainStatus[];
}
