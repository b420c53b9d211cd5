// `regauth keychain setup`: make a credential store work where the developer is (SSH, CI, WSL,
// containers), prove it with a store/get/erase round trip through the helper docker will call,
// then route the chosen registries to it. The wizard's keychain step and doctor call this too;
// the CLI (cli/keychain-setup.ts) only supplies the questions and prints.
//
// Order: check → ask → set the store up → prove it → write the files. Files (config.json routes,
// gpg-agent.conf, the profile snippet) are written only after the proof, in one apply, so a
// failed set-up leaves the user's configs as they were and `regauth undo` reverts a good one.
import {join} from 'node:path';
import {type ApplyResult, apply} from '../../apply/apply.js';
import {dockerConfigPath, type Environment, stateDir} from '../../environment.js';
import type {Plan} from '../../plan-types.js';
import {probeEnvironment, programsOnPath} from '../../probe.js';
import {installHint} from '../helper-checks.js';
import {SetupError} from './errors.js';
import {createKey, findKey, initStore, passPaths, reloadAgent, storeState, unlockKey} from './pass.js';
import {volatileMessage, volatilePlaces} from './persistence.js';
import {type RoundTrip, roundTrip, roundTripMessage} from './round-trip.js';
import {KEYRING_SOCKET_UNIT, loginKeyringUnlocked, profilePath, snippetPath, startSession, systemdUserRuns, unlockKeyring} from './secret-service.js';
import {setupPlan, setupReads} from './setup-plan.js';
import {runProgram} from './spawn.js';
import {detectWsl, realWslProbe, WINDOWS_BLOB_LIMIT, type WslProbe, windowsHelper} from './wsl.js';

export const STORES = ['pass', 'secretservice', 'wincred', 'desktop', 'file'] as const;
export type StoreKind = (typeof STORES)[number];

/** What regauth asks the person for; the CLI reads a masked terminal or stdin, the wizard a masked field. */
export type SecretQuestion = {kind: 'new-passphrase'; prompt: string} | {kind: 'passphrase'; prompt: string} | {kind: 'keyring-password'; prompt: string};

export interface SetupRequest {
	/** undefined: regauth picks the store that fits this machine (and says why). */
	store?: StoreKind;
	/** Registries to route to the store in docker's config.json (credHelpers). */
	registries: readonly string[];
	processEnv: NodeJS.ProcessEnv;
	ask: (question: SecretQuestion) => Promise<string>;
	/** Shows `details` (always: a warning in it must be seen) and asks to go on; with --yes it answers true at once. */
	confirm: (question: string, details: string) => Promise<boolean>;
	/** One line of progress per step. */
	progress: (line: string) => void;
	/** For tests of WSL off WSL (stated as a simulation there). */
	wslProbe?: WslProbe;
}

export interface SetupReport {
	ok: boolean;
	store: StoreKind;
	/** The docker-credential-<helper> suffix registries are routed to. */
	helper?: string;
	roundTrip?: RoundTrip;
	apply?: ApplyResult;
	/** Registry keys config.json now routes to the helper. */
	routed: string[];
	/** The session bus the store is on, when the set-up started one (a caller that goes on using the store needs it). */
	bus?: string;
	/** What the person should know or do next (e.g. export the bus address in this shell). */
	next: string[];
	/** Why it failed, when it did (one paragraph with the fix). */
	failure?: string;
}

export {SetupError};

const PROGRAMS: Record<'pass' | 'secretservice', Array<{name: string; install: string}>> = {
	pass: [
		{name: 'gpg', install: 'gnupg'},
		{name: 'pass', install: 'pass'},
		{name: 'docker-credential-pass', install: 'golang-docker-credential-helpers'},
	],
	secretservice: [
		{name: 'dbus-daemon', install: 'dbus'},
		{name: 'dbus-send', install: 'dbus'},
		{name: 'gnome-keyring-daemon', install: 'gnome-keyring'},
		{name: 'docker-credential-secretservice', install: 'golang-docker-credential-helpers'},
	],
};

async function missingPrograms(store: 'pass' | 'secretservice', env: NodeJS.ProcessEnv): Promise<string | undefined> {
	const wanted = PROGRAMS[store];
	const found = await programsOnPath(
		env.PATH,
		wanted.map(program => program.name),
	);
	const missing = wanted.filter(program => !found.has(program.name));
	if (missing.length === 0) return undefined;
	const packages = [...new Set(missing.map(program => program.install))];
	return `--store ${store} needs ${missing.map(program => program.name).join(', ')}, not found on PATH. Install ${packages.length === 1 ? 'it' : 'them'}: Debian/Ubuntu sudo apt-get install ${packages.join(' ')} (Fedora: sudo dnf install ${packages.map(name => (name === 'golang-docker-credential-helpers' ? 'docker-credential-helpers' : name === 'dbus' ? 'dbus-daemon' : name === 'gnupg' ? 'gnupg2' : name)).join(' ')}).`;
}

/** The store that fits this machine when none was asked for, and why. */
export async function chooseStore(
	env: Environment,
	processEnv: NodeJS.ProcessEnv,
	wsl = detectWsl(realWslProbe(processEnv)),
): Promise<{store: StoreKind; why: string}> {
	if (wsl.wsl) {
		for (const store of ['desktop', 'wincred'] as const) {
			const helper = windowsHelper(store, env.helpers);
			if (helper.onPath)
				return {store, why: `WSL (${wsl.signals.join(', ')}) with docker-credential-${helper.name} reachable: Windows' Credential Manager keeps it`};
		}
	}
	if (!(await missingPrograms('pass', processEnv)))
		return {store: 'pass', why: 'gpg, pass and docker-credential-pass are installed; pass needs no desktop and no D-Bus'};
	if (!(await missingPrograms('secretservice', processEnv)))
		return {store: 'secretservice', why: 'gnome-keyring, dbus and docker-credential-secretservice are installed'};
	throw new SetupError(
		`no credential store can be set up here yet. Install one: Debian/Ubuntu sudo apt-get install pass gnupg golang-docker-credential-helpers (then regauth keychain setup --store pass), or gnome-keyring dbus for --store secretservice${wsl.wsl ? "; in WSL, Docker Desktop's WSL integration brings docker-credential-desktop.exe" : ''}.`,
		1,
	);
}

async function environmentFor(processEnv: NodeJS.ProcessEnv, reads: (env: Environment) => string[]): Promise<Environment> {
	const bare = await probeEnvironment(processEnv);
	return probeEnvironment(processEnv, {reads: reads(bare)});
}

function planLines(plan: Plan): string[] {
	return plan.artifacts.map(artifact => `${artifact.base?.exists ? 'update' : 'write'} ${artifact.path}: ${artifact.title}`);
}

/** The steps, as the confirmation shows them before anything happens. */
function stepList(title: string, steps: readonly string[]): string {
	return [title, ...steps.map(step => `  - ${step}`)].join('\n');
}

async function writeFiles(plan: Plan, env: Environment, request: SetupRequest): Promise<ApplyResult | undefined> {
	if (plan.artifacts.length === 0) return undefined;
	const result = await apply(plan, {mode: 'files', stateDir: stateDir(env), secrets: [], env: request.processEnv});
	for (const item of result.items)
		request.progress(`${item.status === 'failed' ? '✗' : '✓'} ${item.title}: ${item.detail ?? item.status}${item.backup ? ` (backup ${item.backup})` : ''}`);
	return result;
}

async function askNonEmpty(request: SetupRequest, question: SecretQuestion, what: string): Promise<string> {
	const value = await request.ask(question);
	if (value === '')
		throw new SetupError(`the ${what} is empty: an empty one would leave the store unprotected. Give a ${what} (--passphrase-stdin reads it from stdin).`, 2);
	return value;
}

async function persistenceCheck(request: SetupRequest, places: Array<{what: string; path: string}>): Promise<void> {
	const volatile = await volatilePlaces(places, request.processEnv.XDG_RUNTIME_DIR);
	if (volatile.length === 0) return;
	// Shown by confirm, which prints it even under --yes: named before anything is made.
	if (!(await request.confirm('Set it up there anyway?', `! ${volatileMessage(volatile)}`)))
		throw new SetupError('stopped: the store would not survive a reboot. Nothing was changed.', 1);
}

export async function runKeychainSetup(request: SetupRequest): Promise<SetupReport> {
	const probe = await probeEnvironment(request.processEnv);
	const wsl = detectWsl(request.wslProbe ?? realWslProbe(request.processEnv));
	let store = request.store;
	if (!store) {
		const chosen = await chooseStore(probe, request.processEnv, wsl);
		store = chosen.store;
		request.progress(`Store: ${store} (${chosen.why}).`);
	}
	switch (store) {
		case 'pass':
			return setupPass(request);
		case 'secretservice':
			return setupSecretService(request);
		case 'wincred':
		case 'desktop':
			return setupWindows(request, store, wsl, probe);
		case 'file':
			return setupFile(request);
	}
}

function failed(store: StoreKind, helper: string, result: RoundTrip & {ok: false}, next: string[] = []): SetupReport {
	return {ok: false, store, helper, roundTrip: result, routed: [], next, failure: `${roundTripMessage(result)}\nNothing was written.`};
}

async function setupPass(request: SetupRequest): Promise<SetupReport> {
	const env = request.processEnv;
	const missing = await missingPrograms('pass', env);
	if (missing) throw new SetupError(missing, 1);
	const probe = await probeEnvironment(env);
	const paths = passPaths(probe.home, env);
	const agentConf = join(paths.gnupgHome, 'gpg-agent.conf');
	await persistenceCheck(request, [
		{what: 'the GPG keyring', path: paths.gnupgHome},
		{what: 'the pass store', path: paths.storeDir},
		{what: "docker's config", path: dockerConfigPath(probe)},
	]);
	const machine = await environmentFor(env, e => setupReads(e, {agentConf}));
	const {plan, routed, invalid} = setupPlan(machine, {helper: 'pass', registries: request.registries, agentConf});
	if (invalid.length > 0) throw new SetupError(invalid.join('\n'), 2);
	const blocked = plan.artifacts.find(artifact => artifact.blocked);
	if (blocked) throw new SetupError(`${blocked.blocked} Nothing was changed.`, 1);

	const existing = await findKey(env);
	const steps = [
		existing
			? `use the GPG key ${existing.fingerprint} (regauth's, made earlier)`
			: 'create a GPG key for the store (regauth docker credentials <regauth@localhost>, no expiry)',
		`pass init with it in ${paths.storeDir}`,
		'unlock it once through loopback pinentry, then store, get and erase a test credential through docker-credential-pass',
		...planLines(plan),
	];
	if (!(await request.confirm('Set up pass?', stepList('regauth keychain setup --store pass will:', steps))))
		throw new SetupError('cancelled; nothing was changed.', 1);

	const passphrase = await askNonEmpty(
		request,
		existing
			? {kind: 'passphrase', prompt: "Passphrase of regauth's GPG key: "}
			: {kind: 'new-passphrase', prompt: 'New passphrase for the GPG key that protects docker credentials: '},
		'passphrase',
	);
	const key = existing ?? (await createKey(passphrase, env));
	request.progress(`✓ GPG key ${key.fingerprint}${existing ? ' (existing)' : ' created'}`);
	request.progress(`✓ ${await initStore(storeState(paths.storeDir, key.fingerprint), key.fingerprint, env)}`);
	await unlockKey(key, passphrase, env);
	request.progress('✓ key unlocked (gpg-agent caches the passphrase)');

	const proof = await roundTrip(['docker-credential-pass'], 'pass', env);
	if (!proof.ok) return failed('pass', 'pass', proof);
	request.progress(roundTripMessage(proof));
	const applied = await writeFiles(plan, machine, request);
	if (applied && !applied.ok)
		return {ok: false, store: 'pass', helper: 'pass', roundTrip: proof, apply: applied, routed: [], next: [], failure: 'writing the files failed (see above).'};
	if (plan.artifacts.some(artifact => artifact.id === 'keychain:gpg-agent.conf')) {
		// New TTLs apply after a reload, which also empties the cache: unlock again.
		await reloadAgent(env);
		await unlockKey(key, passphrase, env);
	}
	const hours = 8;
	return {
		ok: true,
		store: 'pass',
		helper: 'pass',
		roundTrip: proof,
		...(applied ? {apply: applied} : {}),
		routed,
		next: [
			`docker-credential-pass can decrypt for the next ${hours} hours (gpg-agent's cache TTL); after that, or after a reboot, unlock again with: regauth keychain setup --store pass (it reuses the key).`,
			routed.length > 0
				? `Log in as usual: docker login ${routed[0]} (or regauth -r ${routed[0]} -u USER --password-stdin -t docker --keychain pass --yes) stores into pass.`
				: 'Route a registry to it: regauth -r HOST -u USER --password-stdin -t docker --keychain pass --yes (or run setup again with --registry HOST).',
		],
	};
}

async function setupSecretService(request: SetupRequest): Promise<SetupReport> {
	const env = request.processEnv;
	const missing = await missingPrograms('secretservice', env);
	if (missing) throw new SetupError(missing, 1);
	const probe = await probeEnvironment(env);
	const dataHome = env.XDG_DATA_HOME || join(probe.home, '.local', 'share');
	await persistenceCheck(request, [
		{what: 'the keyring file', path: join(dataHome, 'keyrings')},
		{what: "docker's config", path: dockerConfigPath(probe)},
	]);
	const session = {snippet: snippetPath(probe.home), profile: profilePath(probe.home)};
	const machine = await environmentFor(env, e => setupReads(e, {session}));
	const {plan, routed, invalid} = setupPlan(machine, {helper: 'secretservice', registries: request.registries, session});
	if (invalid.length > 0) throw new SetupError(invalid.join('\n'), 2);
	const blocked = plan.artifacts.find(artifact => artifact.blocked);
	if (blocked) throw new SetupError(`${blocked.blocked} Nothing was changed.`, 1);
	const systemd = await systemdUserRuns(env);

	const steps = [
		env.DBUS_SESSION_BUS_ADDRESS
			? `use the session bus at ${env.DBUS_SESSION_BUS_ADDRESS}`
			: 'start a D-Bus session bus (the snippet below), reused by later logins',
		'start gnome-keyring, unlocked with your keyring password (it creates the login keyring the first time)',
		'store, get and erase a test credential through docker-credential-secretservice',
		...(systemd ? [`systemd --user runs: enable the ${KEYRING_SOCKET_UNIT} user unit`] : []),
		...planLines(plan),
	];
	if (!(await request.confirm('Set up the Secret Service?', stepList('regauth keychain setup --store secretservice will:', steps))))
		throw new SetupError('cancelled; nothing was changed.', 1);

	let address = env.DBUS_SESSION_BUS_ADDRESS ?? '';
	if (address === '') {
		address = await startSession(env);
		request.progress(`✓ session bus at ${address}`);
	}
	const sessionEnv = {...env, DBUS_SESSION_BUS_ADDRESS: address};
	if (await loginKeyringUnlocked(sessionEnv)) {
		// A desktop's keyring, or one unlocked earlier this boot: replacing it would drop its other parts.
		request.progress('✓ the login keyring is already unlocked on this bus');
	} else {
		const password = await askNonEmpty(
			request,
			{kind: 'keyring-password', prompt: 'Keyring password (creates or unlocks the login keyring): '},
			'keyring password',
		);
		await unlockKeyring(password, sessionEnv);
		request.progress('✓ gnome-keyring running and unlocked');
	}

	const proof = await roundTrip(['docker-credential-secretservice'], 'secretservice', sessionEnv);
	if (!proof.ok) return failed('secretservice', 'secretservice', proof);
	request.progress(roundTripMessage(proof));
	const applied = await writeFiles(plan, machine, request);
	if (applied && !applied.ok)
		return {
			ok: false,
			store: 'secretservice',
			helper: 'secretservice',
			roundTrip: proof,
			apply: applied,
			routed: [],
			next: [],
			failure: 'writing the files failed (see above).',
		};
	const next = [
		`This shell has no bus yet: export DBUS_SESSION_BUS_ADDRESS='${address}' (new logins get it from ${session.profile}).`,
		'After a reboot the first interactive login asks the keyring password once (hidden); later logins reuse the unlocked keyring.',
	];
	if (systemd) {
		const unit = await runProgram('systemctl', ['--user', 'enable', '--now', KEYRING_SOCKET_UNIT], {env: sessionEnv, timeoutMs: 15_000});
		next.push(
			unit.code === 0
				? `systemd --user now starts gnome-keyring (${KEYRING_SOCKET_UNIT}); to keep it across logouts: loginctl enable-linger "$USER".`
				: `systemd --user runs, but enabling ${KEYRING_SOCKET_UNIT} failed; the profile snippet still starts the keyring.`,
		);
	}
	return {ok: true, store: 'secretservice', helper: 'secretservice', roundTrip: proof, ...(applied ? {apply: applied} : {}), routed, next, bus: address};
}

async function setupWindows(request: SetupRequest, store: 'wincred' | 'desktop', wsl: ReturnType<typeof detectWsl>, probe: Environment): Promise<SetupReport> {
	if (!wsl.wsl) {
		throw new SetupError(
			`--store ${store} uses Windows' Credential Manager, reachable only from WSL (no WSL signal here: /proc/sys/fs/binfmt_misc/WSLInterop, WSL_DISTRO_NAME, "microsoft" in /proc/version). On Linux choose --store pass or --store secretservice.`,
			2,
		);
	}
	const helper = windowsHelper(store, probe.helpers);
	if (!helper.onPath) {
		throw new SetupError(
			helper.path
				? `docker-credential-${helper.name} is at ${helper.path} but not on PATH, so docker cannot run it. Link it: mkdir -p ~/.local/bin && ln -s '${helper.path}' ~/.local/bin/, then run this again.`
				: `docker-credential-${helper.name} was not found on PATH: ${installHint(helper.name)}. Interop must be on (/etc/wsl.conf [interop] enabled=true).`,
			1,
		);
	}
	const machine = await environmentFor(request.processEnv, e => setupReads(e, {}));
	const {plan, routed, invalid} = setupPlan(machine, {helper: helper.name, registries: request.registries});
	if (invalid.length > 0) throw new SetupError(invalid.join('\n'), 2);
	const blocked = plan.artifacts.find(artifact => artifact.blocked);
	if (blocked) throw new SetupError(`${blocked.blocked} Nothing was changed.`, 1);
	const steps = [
		`WSL detected (${wsl.signals.join(', ')})`,
		`store, get and erase a test credential through docker-credential-${helper.name} (Windows' Credential Manager)`,
		...planLines(plan),
	];
	if (!(await request.confirm(`Use docker-credential-${helper.name}?`, stepList(`regauth keychain setup --store ${store} will:`, steps))))
		throw new SetupError('cancelled; nothing was changed.', 1);
	const proof = await roundTrip([`docker-credential-${helper.name}`], helper.name, request.processEnv);
	if (!proof.ok) return failed(store, helper.name, proof);
	request.progress(roundTripMessage(proof));
	const applied = await writeFiles(plan, machine, request);
	if (applied && !applied.ok)
		return {ok: false, store, helper: helper.name, roundTrip: proof, apply: applied, routed: [], next: [], failure: 'writing the files failed (see above).'};
	return {
		ok: true,
		store,
		helper: helper.name,
		roundTrip: proof,
		...(applied ? {apply: applied} : {}),
		routed,
		next: [
			`Windows keeps at most ${WINDOWS_BLOB_LIMIT} bytes per credential: regauth refuses longer tokens for this store (some cloud tokens, e.g. AWS SSO for ECR, are longer; keep those in pass or a plain file).`,
		],
	};
}

async function setupFile(request: SetupRequest): Promise<SetupReport> {
	const warning =
		'A plain file keeps the password base64-encoded in config.json: base64 is not encryption, anyone who can read the file can use the password, and backups copy it.';
	if (!(await request.confirm('Keep passwords in a plain file?', warning))) throw new SetupError('cancelled; nothing was changed.', 1);
	return {
		ok: true,
		store: 'file',
		routed: [],
		next: [warning, 'Nothing to set up: log in with regauth -r HOST -u USER --password-stdin -t docker --keychain file --yes.'],
	};
}
