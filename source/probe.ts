// Fills in the Environment from the real machine. Read-only: the only other reader of machine
// state is apply's re-read of a merge target just before it writes.
import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {access, readdir, readFile, stat, statfs} from 'node:fs/promises';
import {homedir, userInfo} from 'node:os';
import {delimiter, dirname, isAbsolute, join} from 'node:path';
import {type Environment, type FileState, type KubeInfo, stateDir} from './environment.js';
import {locateHelper} from './keychain/locate.js';
import {systemDirs} from './targets/specs.js';

export async function readFileState(path: string): Promise<FileState> {
	try {
		const info = await stat(path);
		if (!info.isFile()) return {exists: true, mode: info.mode & 0o7777, error: 'not a regular file (a directory?)'};
		const text = await readFile(path, 'utf8');
		return {exists: true, text, mode: info.mode & 0o7777};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {exists: false};
		if (code === 'EACCES') return {exists: true, error: 'not readable by this user (permission denied)'};
		return {exists: true, error: (error as Error).message};
	}
}

const TMPFS_MAGIC = 0x01021994;

/** Is the file on tmpfs (gone at reboot)? Linux statfs; false where that cannot be told. */
export async function onTmpfs(path: string): Promise<boolean> {
	try {
		return (await statfs(path)).type === TMPFS_MAGIC;
	} catch {
		return false;
	}
}

export async function readFiles(paths: string[]): Promise<Record<string, FileState>> {
	const states = await Promise.all(paths.map(readFileState));
	return Object.fromEntries(paths.map((path, index) => [path, states[index]!]));
}

/** Executables on PATH: the first of each name wins, as the shell would pick it. */
export async function programsOnPath(pathVariable: string | undefined, extra: readonly string[] = []): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	const dirs = (pathVariable ?? '').split(delimiter).filter(Boolean);
	const listings = await Promise.all(dirs.map(dir => readdir(dir).catch(() => [] as string[])));
	const wanted = (name: string) => name === 'docker' || name === 'kubectl' || name === 'pass' || name.startsWith('docker-credential-') || extra.includes(name);
	await Promise.all(
		dirs.map(async (dir, index) => {
			for (const name of listings[index]!) {
				if (!wanted(name)) continue;
				const path = join(dir, name);
				if (await isExecutable(path)) {
					const previous = found.get(name);
					// keep PATH order: a later directory never replaces an earlier one
					if (!previous || dirs.indexOf(dirname(previous)) > index) found.set(name, path);
				}
			}
		}),
	);
	return found;
}

async function isExecutable(path: string): Promise<boolean> {
	try {
		await access(path, constants.X_OK);
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
	return new Promise(resolve => {
		execFile(file, args, {env, timeout: 5000}, (error, stdout) => resolve(error ? undefined : stdout));
	});
}

export async function kubeInfo(kubectl: string, env: NodeJS.ProcessEnv): Promise<KubeInfo | null> {
	const [names, current] = await Promise.all([run(kubectl, ['config', 'get-contexts', '-o', 'name'], env), run(kubectl, ['config', 'current-context'], env)]);
	if (names === undefined) return null;
	return {contexts: names.split('\n').filter(Boolean), current: current?.trim() ?? ''};
}

async function writable(dir: string): Promise<boolean> {
	// A directory that does not exist yet is writable when its nearest existing parent is.
	for (let current = dir; ; current = dirname(current)) {
		try {
			await access(current, constants.W_OK);
			return true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || current === dirname(current)) return false;
		}
	}
}

/**
 * $HOME, or the passwd entry when HOME is empty or relative (as docker does): a relative home
 * would put credentials in the working directory and the journal where undo cannot find it.
 */
export function homeDirectory(processEnv: NodeJS.ProcessEnv): string {
	const home = processEnv.HOME;
	if (home && isAbsolute(home)) return home;
	try {
		return userInfo().homedir || homedir();
	} catch {
		return homedir();
	}
}

export interface ProbeOptions {
	/** Existing files to read (see plannedReads()). */
	reads?: string[];
	/** Ask kubectl for its contexts (a child process: the wizard does it after the first frame). */
	kube?: boolean;
	cwd?: string;
}

export async function probeEnvironment(processEnv: NodeJS.ProcessEnv = process.env, options: ProbeOptions = {}): Promise<Environment> {
	const home = homeDirectory(processEnv);
	const [programs, files, writableDirs] = await Promise.all([
		programsOnPath(processEnv.PATH),
		readFiles(options.reads ?? []),
		Promise.all(systemDirs().map(async dir => [dir, await writable(dir)] as const)),
	]);
	const docker = programs.get('docker');
	const kubectl = programs.get('kubectl');
	const kube = options.kube && kubectl ? await kubeInfo(kubectl, processEnv) : null;
	const helperLocation = locateHelper();
	const pick = (name: string) => (processEnv[name] === undefined ? {} : {[name]: processEnv[name]});
	return {
		cwd: options.cwd ?? process.cwd(),
		home,
		uid: process.getuid?.() ?? 0,
		vars: {
			...pick('DOCKER_CONFIG'),
			...pick('XDG_CONFIG_HOME'),
			...pick('XDG_RUNTIME_DIR'),
			...pick('XDG_STATE_HOME'),
			...pick('REGISTRY_AUTH_FILE'),
			...pick('PATH'),
		},
		files,
		helpers: [...programs.keys()]
			.filter(name => name.startsWith('docker-credential-'))
			.map(name => name.slice('docker-credential-'.length))
			.sort(),
		programs: {...(docker ? {docker} : {}), ...(kubectl ? {kubectl} : {}), ...(programs.get('pass') ? {pass: programs.get('pass')!} : {})},
		kube,
		...(helperLocation ? {regauthHelper: helperLocation} : {}),
		writable: Object.fromEntries(writableDirs),
	};
}

/**
 * The machine as plan() needs it, read once per run: the snapshot, then the existing files the
 * chosen targets would merge into (`reads` names them from the snapshot, e.g. plannedReads).
 */
export async function readMachine(
	processEnv: NodeJS.ProcessEnv,
	reads: (snapshot: Environment) => string[],
	options: Omit<ProbeOptions, 'reads'> = {},
): Promise<Environment> {
	const snapshot = await probeEnvironment(processEnv, options);
	return {...snapshot, files: await readFiles(reads(snapshot))};
}

/** The same machine with these files read again (a file changed between the plan and apply). */
export async function rereadFiles(machine: Environment, paths: readonly string[]): Promise<Environment> {
	return {...machine, files: {...machine.files, ...(await readFiles([...paths]))}};
}

/** Where undo's journal lives, from the environment variables alone (no PATH scan, no file read). */
export function stateDirOf(processEnv: NodeJS.ProcessEnv): string {
	const XDG_STATE_HOME = processEnv.XDG_STATE_HOME;
	return stateDir({home: homeDirectory(processEnv), vars: XDG_STATE_HOME === undefined ? {} : {XDG_STATE_HOME}});
}
