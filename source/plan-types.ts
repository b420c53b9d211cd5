// The plan's parts: what would be written and run. Everything that shows, prints or applies
// reads these; nothing else decides what changes on the machine.
import type {FieldIssue, TargetId} from './answers.js';
import type {FileState} from './environment.js';

/** One member of a binary archive, for previews (the archive itself is not text). */
export interface ArchiveEntry {
	name: string;
	mode: number;
	type: 'file' | 'directory';
	size: number;
	/** The member's text with secrets masked (files only). */
	redacted?: string;
}

export interface Artifact {
	/** Stable across re-plans, so the preview keeps its place while the user types. */
	id: string;
	target: TargetId;
	title: string;
	/** Where apply writes it (after --destdir / --output-dir). */
	path: string;
	/** Where the file belongs when it is staged elsewhere (not writable here, or --destdir). */
	installPath?: string;
	/** Commands that install a staged file in its place (shown, never run by regauth). */
	install?: string[];
	mode: number;
	/**
	 * A user's own config (docker config.json, containers auth.json): symlinks are followed and
	 * the owner kept, as docker does. Every other file is written only along a safe path.
	 */
	userConfig?: boolean;
	/** Mode for directories apply creates on the way to `path`. */
	dirMode: number;
	/** Holds a credential: modes are enforced and the content is masked in every view. */
	secret: boolean;
	/** Set when the artifact is a merge into an existing file: what the plan saw there. */
	base?: FileState;
	bytes: Uint8Array;
	/** The file as text when it is text (null for binary archives). */
	text: string | null;
	/** The text with every secret masked; for archives, a listing. */
	redacted: string;
	entries?: ArchiveEntry[];
	/** False when the file on disk already holds exactly this (applying writes nothing). */
	changed: boolean;
	/** Set when the file cannot be produced (e.g. the existing file is malformed); apply refuses. */
	blocked?: string;
}

/**
 * How apply runs a command:
 * - store: puts the secret where a written config expects it (a keychain); runs with the files.
 * - deploy: changes a system (kubectl apply, patch); runs when the user asks for commands.
 * - alternative: does what an artifact does another way (docker login); runs only instead of it.
 * - read: only reads (confirmations).
 */
export type CommandRole = 'store' | 'deploy' | 'alternative' | 'read';

export interface Command {
	id: string;
	target: TargetId;
	title: string;
	argv: string[];
	/** stdin: the only way a secret reaches a child process. */
	input?: string;
	/** What the user sees: shell-quoted argv, with what goes to stdin described, never shown. */
	display: string;
	role: CommandRole;
	/** For role 'alternative': the artifact this command replaces. */
	replaces?: string;
	timeoutMs: number;
	/** A read-only command run afterwards to confirm the change (kubectl get secret). */
	check?: string[];
	/**
	 * serviceaccount-append: apply reads the ServiceAccount (`read`), then appends with a JSON
	 * patch (`patch` + the payload it builds); a strategic-merge patch would replace the list
	 * (docs/formats.md §3.6). `argv` shows the usual case.
	 */
	strategy?: {kind: 'serviceaccount-append'; secretName: string; read: string[]; patch: string[]};
	/** How to undo it by hand (regauth undo restores files, not what commands changed). */
	revert?: string;
	/** Environment for the child, e.g. DOCKER_CONFIG for docker login into the planned directory. */
	env?: Record<string, string>;
}

export interface Note {
	level: 'error' | 'warning' | 'info';
	target?: TargetId;
	message: string;
}

export interface Plan {
	artifacts: Artifact[];
	commands: Command[];
	notes: Note[];
	/** Field problems; apply refuses while there are any. */
	issues: FieldIssue[];
	/** The same run as a headless command line, the password on stdin. */
	headless: string;
}
