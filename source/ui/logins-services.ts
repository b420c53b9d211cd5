// What the first screen's logins ask of the outside world: the logins `regauth status` finds,
// the check `status --check` runs, and the rotate and logout runs of the CLI, planned then
// applied. Types only, and a lazy front: the code behind it (logins-run.ts) loads when the first
// login is read, after the first frame (docs/performance.md §2).
import type {Credential} from '../answers.js';
import type {VerifyFlags} from '../run-options.js';
import type {CheckResult, LoginStatus, StatusReport} from '../status/report.js';
import type {VerifyResult} from '../verify/result.js';
import type {WizardServices} from './services.js';

export interface LoginCheck {
	result: CheckResult;
	message: string;
}

/** What a rotation will replace, said before anything is written. */
export interface RotationPreview {
	/** What the registry said of the new secret (ok: it accepted it); undefined when checks are off (--no-verify). */
	verified?: {ok: boolean; message: string};
	/** When the new secret stops working (ISO 8601), as the user gave it; undefined: not given. */
	expiresAt?: string;
	/** Each file rewritten (title and path) and each command run, in plan order. */
	places: string[];
	/** The plan's warnings (a cluster not reachable, a file staged…). */
	notes: string[];
	/** What the user does by hand afterwards (re-host an Ignition config…). */
	next: string[];
}

/** What a logout will remove, said before anything is written. */
export interface LogoutPreview {
	/** Each file edit and keychain item erased. */
	removes: string[];
	/** Kubernetes Secrets regauth applied, with the command that deletes each. */
	secrets: string[];
	/** Files regauth generated for the login: left in place. */
	leftFiles: string[];
	/** A keychain item is erased (undo stores it back from the copy kept beside the journal). */
	erasesItem: boolean;
}

/** After an apply: one line per file or command, and whether undo can revert it. */
export interface LoginApplied {
	ok: boolean;
	lines: string[];
	/** A journal was written: `regauth undo` reverts this. */
	undo: boolean;
}

export type Prepared<T> =
	| {ok: true; preview: T; apply: (signal: AbortSignal, options?: {kubernetes?: boolean}) => Promise<LoginApplied>}
	/** `secret`: the new secret is what is wrong (rejected by the registry). */
	| {ok: false; message: string; secret?: boolean};

export interface LoginServices {
	/** Every login on this machine: what `regauth status` reads. */
	read(): Promise<StatusReport>;
	/** The login asked of its registry: what `regauth status --check` does for it. */
	check(login: LoginStatus): Promise<LoginCheck>;
	/** The new secret checked, and the same plan as `regauth rotate`; applied on confirmation. */
	prepareRotation(login: LoginStatus, password: string, expires: Date | undefined, signal: AbortSignal): Promise<Prepared<RotationPreview>>;
	/** The same plan as `regauth logout`; applied on confirmation. */
	prepareLogout(login: LoginStatus): Promise<Prepared<LogoutPreview>>;
}

export interface LoginServicesOptions {
	checks: VerifyFlags;
	processEnv: NodeJS.ProcessEnv;
	/** The wizard's own credential check (the same one the credentials step runs). */
	verify: (credential: Credential, signal: AbortSignal) => Promise<VerifyResult | undefined>;
}

export function loginServices(options: LoginServicesOptions): LoginServices {
	const run = () => import('./logins-run.js');
	return {
		read: async () => (await run()).readLogins(options),
		check: async login => (await run()).checkLogin(options, login),
		prepareRotation: async (login, password, expires, signal) => (await run()).prepareRotation(options, login, password, expires, signal),
		prepareLogout: async login => (await run()).prepareLogout(options, login),
	};
}

/** The wizard's services with the logins' (their checks made the way the credentials step checks). */
export function withLoginServices(services: WizardServices, checks: VerifyFlags, processEnv: NodeJS.ProcessEnv = process.env): WizardServices {
	return {...services, logins: loginServices({checks, processEnv, verify: (credential, signal) => services.verify(credential, signal)})};
}
