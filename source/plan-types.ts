// The plan's parts: what would be written and run, and what applying it means. Everything that
// shows, prints or applies reads these; nothing else decides what changes on the machine.
import type {FieldIssue, TargetId} from './answers.js';
import type {FileState} from './environment.js';
import type {Expiry} from './registries/expiry.js';

/** One member of a binary archive, for previews (the archive itself is not text). */
export interface ArchiveEntry {
	name: string;
	mode: number;
	type: 'file' | 'directory';
	size: number;
	/** The member's text with secrets masked (files only). */
	redacted?: string;
}

/**
 * What applying does to a file: new (absent now), merge (into what is there: `base`), unchanged
 * (already holds exactly this), refused (`blocked`: apply refuses the whole plan).
 */
export type ArtifactStatus = 'new' | 'merge' | 'unchanged' | 'refused';

/** The one definition of an artifact's status: plan() sets it, every view reads it. */
export function artifactStatus(artifact: Pick<Artifact, 'blocked' | 'changed' | 'base'>): ArtifactStatus {
	if (artifact.blocked) return 'refused';
	if (!artifact.changed) return 'unchanged';
	return artifact.base?.exists ? 'merge' : 'new';
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
	/** The text with every secret masked; for archives, a listing. Exactly the file, masked: nothing added. */
	redacted: string;
	/**
	 * What the file holds, said in words it does not contain (the decoded, masked
	 * .dockerconfigjson of a Secret, the files inside an Ignition data URL): views draw it as a
	 * caption outside the file's text, never as a line of it.
	 */
	caption?: string[];
	entries?: ArchiveEntry[];
	/** False when the file on disk already holds exactly this (applying writes nothing). */
	changed: boolean;
	/** Set when the file cannot be produced (e.g. the existing file is malformed); apply refuses. */
	blocked?: string;
	/** Set when the artifact is put into a plan (planned(), finishPlan); a plan holds PlannedArtifact, where it is required. */
	status?: ArtifactStatus;
	/**
	 * A record of what the apply did (regauth's inventory): apply writes it last, after the
	 * commands, as this returns it from the ids of the files and commands that succeeded.
	 */
	settle?: (applied: ReadonlySet<string>) => Artifact;
}

/**
 * How apply runs a command:
 * - store: puts the secret where a written config expects it (a keychain); runs with the files.
 * - deploy: changes a system (kubectl apply, patch); runs when the user asks for commands.
 * - alternative: does what an artifact does another way (docker login); runs only instead of it.
 * - read: only reads (confirmations).
 */
export type CommandRole = 'store' | 'deploy' | 'alternative' | 'read';

export interface ServiceAccountAppend {
	kind: 'serviceaccount-append';
	secretName: string;
	read: string[];
	create: string[];
	append: string[];
}

export interface EraseThenStore {
	kind: 'erase-then-store';
	erase: string[];
}

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
	 * serviceaccount-append: apply reads the ServiceAccount (`read`), then runs `create` when it has
	 * no imagePullSecrets list, `append` when it has one without the Secret, nothing when the Secret
	 * is listed; a strategic-merge patch would replace the list (docs/formats.md §3.6). `display`
	 * shows all three argvs verbatim, so what runs is always one the user saw.
	 * erase-then-store: `erase` (the server on stdin; "not found" is fine) before `argv`.
	 */
	strategy?: ServiceAccountAppend | EraseThenStore;
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

/** What apply does: the files, the commands (kubectl, docker login), or both. */
export type ApplyMode = 'files' | 'commands' | 'both';

export const APPLY_MODES: readonly ApplyMode[] = ['files', 'commands', 'both'];

/** Something to do after applying, with the real paths; shown depending on what was applied. */
export interface FollowUp {
	text: string;
	/** Shown only when one of these artifacts or commands was applied (done or unchanged). */
	ifDone?: string[];
	/** Shown only when none of these was applied. */
	unlessDone?: string[];
}

export interface Plan {
	artifacts: PlannedArtifact[];
	commands: Command[];
	notes: Note[];
	/** Field problems; apply refuses while there are any. */
	issues: FieldIssue[];
	/** The same run as a headless command line, the password on stdin. */
	headless: string;
	/** What each apply mode writes and runs (ids of artifacts and commands), in plan order. */
	modes: Record<ApplyMode, {artifacts: string[]; commands: string[]}>;
	/** Whether apply may run at all; when not, `refusals` says why (one message each). */
	canApply: boolean;
	refusals: string[];
	/** Every form of the user's secrets, for scrubbing child output (never shown). */
	secrets: string[];
	/** After a successful apply: staged files to put in place, the command that proves it works. */
	followUps: FollowUp[];
	/** Minted tokens in this plan and when they stop working (registries/expiry.ts). */
	expiries: Expiry[];
}

/** A plan that does nothing (before the planner has loaded, or when there is nothing to do). */
export function emptyPlan(fields: Partial<Plan> = {}): Plan {
	return {
		artifacts: [],
		commands: [],
		notes: [],
		issues: [],
		headless: '',
		modes: {files: {artifacts: [], commands: []}, commands: {artifacts: [], commands: []}, both: {artifacts: [], commands: []}},
		canApply: true,
		refusals: [],
		secrets: [],
		followUps: [],
		expiries: [],
		...fields,
	};
}

/**
 * Which commands each mode runs, by role: store always (the files point at it), deploy with
 * commands, alternative only instead of the files it replaces.
 */
export function modesOf(artifacts: readonly Artifact[], commands: readonly Command[]): Plan['modes'] {
	const pick = (mode: ApplyMode) => ({
		artifacts: mode === 'commands' ? [] : artifacts.map(artifact => artifact.id),
		commands: commands
			.filter(command => command.role === 'store' || (command.role === 'deploy' && mode !== 'files') || (command.role === 'alternative' && mode === 'commands'))
			.map(command => command.id),
	});
	return {files: pick('files'), commands: pick('commands'), both: pick('both')};
}

/** Why apply must refuse: field problems, then files that cannot be produced, then the caller's reasons. */
export function refusalsOf(plan: Pick<Plan, 'issues' | 'artifacts'>, more: readonly string[] = []): string[] {
	return [
		...plan.issues.map(issue => `${issue.label}: ${issue.message}`),
		...plan.artifacts.flatMap(artifact => (artifact.blocked ? [artifact.blocked] : [])),
		...more,
	];
}

/** Completes a plan once its artifacts, commands and issues are known: statuses, modes and the apply gate. */
export function finishPlan(plan: Plan, refusals: readonly string[] = []): Plan {
	for (const artifact of plan.artifacts) artifact.status = artifactStatus(artifact);
	plan.modes = modesOf(plan.artifacts, plan.commands);
	plan.refusals = refusalsOf(plan, refusals);
	plan.canApply = plan.refusals.length === 0;
	return plan;
}

/** An artifact in a plan: its status is set (finishPlan sets it again once the plan is complete), so no view computes it. */
export type PlannedArtifact = Artifact & {status: ArtifactStatus};

/** A target's artifact as a plan holds it. */
export function planned(artifact: Artifact): PlannedArtifact {
	return Object.assign(artifact, {status: artifactStatus(artifact)});
}
