// Team profiles on the command line: `regauth profile check FILE…` (for CI) and `--profile FILE`,
// which turns the profile into the flags it stands for, puts the user's flags after them (a flag
// the user gave replaces the profile's, and the run says so), and enforces its keychain policy.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import type {Answers} from '../answers.js';
import {checkProfile, MAX_PROFILE_BYTES, type Profile} from '../profile/load-profile.js';
import {plainTextLines, policyProblem} from '../profile/policy.js';
import {mergeFlags, profileFlags} from '../profile/profile-args.js';
import {teamProfileSchema} from '../profile/team-schema.js';
import {FLAG_OPTIONS, parseInvocation, targetOfFlag, unusedTargetFlags, WIZARD_FLAGS} from './args.js';
import {EXIT, FailureError, UsageError} from './errors.js';
import type {Io} from './headless.js';

export interface LoadedProfile {
	path: string;
	/** How messages name it: relative to the working directory when inside it. */
	shown: string;
	profile: Profile;
}

export type ReadResult = {ok: true; loaded: LoadedProfile} | {ok: false; problems: string[]; shown: string};

function shownPath(path: string): string {
	const rel = relative(process.cwd(), path);
	return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/** Reads at most MAX_PROFILE_BYTES + 1 from a regular file (a FIFO or /dev/zero is refused). */
function readText(path: string): string {
	const fd = openSync(path, 'r');
	try {
		if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
		const buffer = Buffer.alloc(MAX_PROFILE_BYTES + 1);
		const length = readSync(fd, buffer, 0, buffer.length, 0);
		return new TextDecoder('utf-8', {fatal: true}).decode(buffer.subarray(0, length));
	} finally {
		closeSync(fd);
	}
}

export async function readProfile(file: string): Promise<ReadResult> {
	const path = resolve(file);
	const shown = shownPath(path);
	let text: string;
	try {
		text = readText(path);
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
		return {ok: false, shown, problems: [`cannot be read (${reason})`]};
	}
	const result = await checkProfile(text, teamProfileSchema());
	return result.ok ? {ok: true, loaded: {path, shown, profile: result.profile}} : {ok: false, shown, problems: result.problems};
}

/** `regauth profile check FILE…`: exit 0 when every file is a valid profile, 1 otherwise. */
export async function runProfileCommand(argv: string[], io: Io): Promise<number> {
	const [verb, ...files] = argv;
	if (verb !== 'check' || files.length === 0 || files.some(file => file.startsWith('-')))
		throw new UsageError('regauth profile check FILE… checks team profiles (.regauth.yaml) against the schema; see docs/profiles.md.');
	let failed = false;
	for (const file of files) {
		const result = await readProfile(file);
		if (result.ok) {
			const {profile} = result.loaded;
			io.stdout(
				`${result.loaded.shown}: ok — ${profile.registries.length} registr${profile.registries.length === 1 ? 'y' : 'ies'}, targets ${(profile.targets ?? ['docker']).join(', ')}\n`,
			);
		} else {
			failed = true;
			for (const problem of result.problems) io.stderr(`${result.shown}: ${problem}\n`);
		}
	}
	return failed ? EXIT.failed : EXIT.ok;
}

/** --profile FILE (or --profile=FILE) out of argv. */
export function takeProfileFlag(argv: string[]): {file?: string; rest: string[]} {
	const rest: string[] = [];
	let file: string | undefined;
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') {
			rest.push(...argv.slice(index));
			break;
		}
		if (arg === '--profile' || arg.startsWith('--profile=')) {
			if (file !== undefined) throw new UsageError('--profile was given twice: give one profile file.');
			file = arg === '--profile' ? argv[++index] : arg.slice('--profile='.length);
			if (file === undefined || file.trim() === '') throw new UsageError('--profile needs a file: --profile .regauth.yaml');
			continue;
		}
		rest.push(arg);
	}
	return {...(file === undefined ? {} : {file}), rest};
}

/** The flag names in argv, long names only (-n → namespace). */
export function givenFlags(argv: string[]): string[] {
	const {tokens} = parseArgs({args: argv, options: FLAG_OPTIONS, strict: false, allowPositionals: true, tokens: true});
	return [...new Set(tokens.flatMap(token => (token.kind === 'option' ? [token.name] : [])))];
}

/** Headless when the user gave any flag besides the wizard's (the profile's own flags do not count). */
export function userWantsHeadless(argv: string[]): boolean {
	return givenFlags(argv).some(name => !WIZARD_FLAGS.includes(name));
}

export async function loadProfileOrFail(file: string): Promise<LoadedProfile> {
	const result = await readProfile(file);
	if (!result.ok)
		throw new UsageError(
			`--profile ${result.shown} is not a valid team profile:\n${result.problems.map(problem => `  ${result.shown}: ${problem}`).join('\n')}\nFix it (regauth profile check ${result.shown}), or run without --profile.`,
		);
	return result.loaded;
}

/** The argv the headless run parses: the profile's flags, then the user's; says what was replaced. */
export function profileArgv(loaded: LoadedProfile, userArgv: string[], io: Io): string[] {
	const flags = profileFlags(loaded.profile, dirname(loaded.path));
	const merged = mergeFlags(flags, userArgv, givenFlags(userArgv));
	io.stderr(`regauth: using the team profile ${loaded.shown}.\n`);
	for (const field of merged.overridden) io.stderr(`regauth: the command line replaces the profile's ${field}.\n`);
	// The profile's settings for a target the command line leaves out are not the user's flags:
	// they are left out and said once, instead of "--namespace is ignored" for a flag never typed.
	const given = new Set(givenFlags(userArgv));
	const unused = new Set(
		unusedTargetFlags(
			flags.map(flag => flag.name).filter(name => !given.has(name)),
			parseInvocation(merged.argv).answers,
		).map(({name}) => name),
	);
	const left = flags.filter(flag => unused.has(flag.name) && merged.argv.includes(flag.arg));
	if (left.length === 0) return merged.argv;
	const fields = [...new Set(left.map(flag => flag.field.replace(/\[\d+\]$/, '')))];
	io.stderr(
		`regauth: the profile's ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} not used: the targets chosen here do not include ${[...new Set(left.map(flag => targetOfFlag(flag.name)))].join(', ')}.\n`,
	);
	const dropped = new Set(left.map(flag => flag.arg));
	return merged.argv.filter((arg, index) => !(dropped.has(arg) && index < merged.argv.length - userArgv.length));
}

/** Before anything is checked or written: the keychain policy, and where the secret is kept in plain text. */
export function enforceProfile(loaded: LoadedProfile, answers: Answers, io: Io): void {
	const problem = policyProblem(loaded.profile, `The team profile ${loaded.shown}`, answers);
	if (problem) throw new FailureError(problem);
	for (const line of plainTextLines(answers)) io.stderr(`regauth: profile ${loaded.shown}: ${line}.\n`);
}
