// Entry point: argv → mode. Interactive only when both stdin and stdout are terminals (Ink
// cannot read keys otherwise); everything else is the headless path over the same plan.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import packageJson from '../package.json' with {type: 'json'};
import {HELP, type Invocation, parseInvocation} from './cli/args.js';
import {EXIT, UsageError} from './cli/errors.js';
import type {LoadedProfile} from './cli/profile.js';
import {terminalText} from './formats/terminal-text.js';
import {showCachedFirstFrame, takeEarlyFrame} from './startup/first-frame.js';

// Every line the headless paths print passes here, so text read from files, registries and
// commands can never drive the terminal (docs/terminal-text.md).
const io = {
	stdout: (text: string) => process.stdout.write(terminalText(text, {multiline: true})),
	stderr: (text: string) => process.stderr.write(terminalText(text, {multiline: true})),
};

// V8 sizes its heap for throughput: the wizard, an idle screen redrawn per key, peaked at 112 MiB
// (bench/memory.mjs). Tuned for size, no TurboFan and a young generation that stays small, its
// peak is 74 MiB and a key still costs ~7 ms (bench/keystroke.mjs). These three are read by V8
// when it collects or tiers up, so setting them before the wizard loads takes effect.
const WIZARD_V8_FLAGS = ['--optimize-for-size', '--no-opt', '--semi-space-growth-factor=1'];

const NO_TTY_HINT = `regauth: the wizard needs a terminal on stdin and stdout. Without one, run it headless:
  printf '%s' "$TOKEN" | regauth --registry quay.io --username 'myorg+robot' --password-stdin --target docker --yes
See regauth --help for every flag.
`;

async function main(argv: string[]): Promise<number> {
	if (argv[0] === 'profile') {
		const {runProfileCommand} = await import('./cli/profile.js');
		return runProfileCommand(argv.slice(1), io);
	}
	if (argv[0] === 'keychain') {
		const {runKeychainSetupCli} = await import('./cli/keychain-setup.js');
		return runKeychainSetupCli(argv.slice(1), io);
	}
	const flags = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	if (flags.some(arg => arg === '--profile' || arg.startsWith('--profile='))) return runWithProfile(argv);
	const invocation = parseInvocation(argv);
	if (invocation.help) {
		io.stdout(`${HELP}\n`);
		return EXIT.ok;
	}
	if (invocation.version) {
		io.stdout(`${packageJson.version}\n`);
		return EXIT.ok;
	}
	if (invocation.subcommand === 'undo') {
		const {runUndo} = await import('./cli/undo.js');
		return runUndo(io, invocation.json);
	}
	if (invocation.subcommand === 'exec') {
		const {runExec} = await import('./cli/exec.js');
		return runExec(invocation, io);
	}
	if (invocation.subcommand === 'status') {
		const {runStatus} = await import('./cli/status.js');
		return runStatus(invocation, io);
	}
	if (invocation.subcommand === 'logout') {
		const {runLogout} = await import('./cli/logout.js');
		return runLogout(invocation, io);
	}
	if (invocation.subcommand === 'rotate') {
		const {runRotate} = await import('./cli/rotate.js');
		return runRotate(invocation, io);
	}
	if (invocation.subcommand === 'doctor') {
		const {runDoctor} = await import('./cli/doctor.js');
		return runDoctor(invocation, io);
	}
	if (invocation.headless) {
		const {runHeadless} = await import('./cli/headless.js');
		return runHeadless(invocation, io);
	}
	return startWizard(invocation, argv);
}

/** --profile FILE: headless when other flags say so (the user's flags replace the profile's), else the wizard with it. */
async function runWithProfile(argv: string[]): Promise<number> {
	const profiles = await import('./cli/profile.js');
	const {file, rest} = profiles.takeProfileFlag(argv);
	if (['undo', 'doctor', 'exec', 'keychain'].includes(rest[0] ?? '')) throw new UsageError(`--profile does not apply to regauth ${rest[0]}.`);
	const loaded = await profiles.loadProfileOrFail(file!);
	if (!profiles.userWantsHeadless(rest)) return startWizard(parseInvocation(rest), rest, loaded);
	const invocation = parseInvocation(profiles.profileArgv(loaded, rest, io));
	if (invocation.help || invocation.version) return main(rest);
	profiles.enforceProfile(loaded, invocation.answers, io);
	const {runHeadless} = await import('./cli/headless.js');
	return runHeadless(invocation, io);
}

/** The wizard, with the profile given by --profile or, when the user does not decline it, the one found here. */
async function startWizard(invocation: Invocation, argv: string[], given?: LoadedProfile): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		io.stderr(NO_TTY_HINT);
		return EXIT.usage;
	}
	const {findProfile} = await import('./profile/find-profile.js');
	const found = given ? undefined : findProfile(process.cwd());
	let profile = given;
	if (found) {
		const {readProfile} = await import('./cli/profile.js');
		const result = await readProfile(found);
		if (result.ok) profile = result.loaded;
		else {
			// A broken profile in the repository does not stop a developer from logging in by hand.
			io.stderr(`regauth: ${result.shown} is not a valid team profile; the wizard starts without it:\n`);
			for (const problem of result.problems) io.stderr(`  ${result.shown}: ${problem}\n`);
		}
	}
	if (profile) {
		const {askToUseProfile} = await import('./cli/profile-prompt.js');
		if (!(await askToUseProfile(profile, process.stdin, io.stderr, process.stderr.columns || 80))) profile = undefined;
	}
	for (const flag of WIZARD_V8_FLAGS) setFlagsFromString(flag);
	// Keys typed while the wizard loads wait for it, as typed: raw mode now, not once Ink reads
	// (until then the terminal would echo them and turn Enter into a newline the wizard ignores).
	process.stdin.setRawMode(true);
	// The first frame from the cache, before the ~100 ms Ink and React take to load
	// (source/startup/first-frame.ts), unless the bin (startup/front-door.ts) drew it already;
	// this file's bytes identify the build. Not with a profile: its first screen is the
	// profile's, which the cache does not hold.
	const early = takeEarlyFrame();
	const firstFrame = profile
		? undefined
		: (early ?? showCachedFirstFrame(readFileSync(fileURLToPath(import.meta.url), 'utf8'), argv, process.env, process.stdout));
	const {runWizard} = await import('./ui/run-wizard.js');
	return runWizard(invocation, firstFrame, profile);
}

function fail(error: unknown): number {
	const code = (error as {exitCode?: number}).exitCode;
	if (typeof code === 'number') {
		if (code !== EXIT.cancelled) io.stderr(`regauth: ${(error as Error).message}\n`);
		return code;
	}
	// Not a user error: a bug. Say so plainly; the stack only on request.
	io.stderr(`regauth: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
	if (process.env.REGAUTH_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
	else io.stderr('Run again with REGAUTH_DEBUG=1 for details, and please report it.\n');
	return EXIT.failed;
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	error => {
		process.exitCode = fail(error);
	},
);
