// Command-line flags → answers. node's util.parseArgs does the parsing; this file holds the flag
// table, the help text and the mapping, with messages that name the flag and the fix.
import {parseArgs} from 'node:util';
import {type Answers, type Credential, defaultAnswers, type KeychainChoice, TARGET_IDS, type TargetId, trimOneNewline} from '../answers.js';
import {parseExpires} from '../inventory/expiry.js';
import type {ApplyMode} from '../plan-types.js';
import type {VerifyFlags} from '../run-options.js';
import {isRelevant} from '../targets/options.js';
import {allOptions, routesToHelper, SPECS} from '../targets/specs.js';
import {DEFAULT_TIMEOUT_MS} from '../verify/result.js';
import {UsageError} from './errors.js';

const COMMON_OPTIONS = {
	registry: {type: 'string', multiple: true, short: 'r'},
	username: {type: 'string', multiple: true, short: 'u'},
	'password-stdin': {type: 'boolean'},
	'from-keychain': {type: 'boolean'},
	'gar-key-file': {type: 'string'},
	email: {type: 'string', multiple: true},
	target: {type: 'string', multiple: true, short: 't'},
	keychain: {type: 'string'},
	import: {type: 'string'},
	'output-dir': {type: 'string', short: 'o'},
	destdir: {type: 'string'},
	apply: {type: 'string'},
	'keep-going': {type: 'boolean'},
	'dry-run': {type: 'boolean'},
	json: {type: 'boolean'},
	yes: {type: 'boolean', short: 'y'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'V'},
	verify: {type: 'string'},
	'no-verify': {type: 'boolean'},
	'ca-file': {type: 'string'},
	'cert-file': {type: 'string'},
	'key-file': {type: 'string'},
	insecure: {type: 'boolean'},
	'verify-timeout': {type: 'string'},
	fix: {type: 'boolean'},
	inherit: {type: 'boolean'},
	profile: {type: 'string'},
	check: {type: 'boolean'},
	all: {type: 'boolean'},
	kubernetes: {type: 'boolean'},
	expires: {type: 'string'},
} as const;

type FlagOption = {type: 'string' | 'boolean'; multiple?: boolean; short?: string};

/** Each target's flags, from its declaration. */
const TARGET_OPTIONS: Record<string, FlagOption> = Object.fromEntries(
	allOptions().flatMap(({option: {flag}}) =>
		flag
			? [[flag.name, {type: flag.value ? 'string' : 'boolean', ...(flag.repeatable ? {multiple: true} : {}), ...(flag.short ? {short: flag.short} : {})}]]
			: [],
	),
);

const OPTIONS = {...TARGET_OPTIONS, ...COMMON_OPTIONS};

/** Every flag regauth takes, as node's parseArgs describes them (a profile's flags are merged by name). */
export const FLAG_OPTIONS = OPTIONS;

/** Flags that only mean something for one target, with the target and option they belong to. */
const TARGET_FLAGS = new Map(allOptions().flatMap(owned => (owned.option.flag ? [[owned.option.flag.name, owned] as const] : [])));

/** The target whose option a flag sets (`namespace` → kubernetes), if any. */
export function targetOfFlag(name: string): TargetId | undefined {
	return TARGET_FLAGS.get(name)?.target;
}

/** Flags (by name) of a target's option that the chosen targets and options leave without effect. */
export function unusedTargetFlags(names: readonly string[], answers: Answers): Array<{name: string; target: TargetId}> {
	return names.flatMap(name => {
		const owned = TARGET_FLAGS.get(name);
		return owned && !isRelevant(owned.target, owned.option, answers) ? [{name, target: owned.target}] : [];
	});
}

export type Subcommand = 'run' | 'undo' | 'doctor' | 'exec' | 'status' | 'logout' | 'rotate';

/** status, logout and rotate (docs/lifecycle.md): the registries named and their switches. */
export interface LifecycleFlags {
	registries: string[];
	check: boolean;
	all: boolean;
	kubernetes: boolean;
}

/** How the credentials are checked: every command that logs in takes these. */
const CHECK_FLAGS = ['verify', 'no-verify', 'ca-file', 'cert-file', 'key-file', 'insecure', 'verify-timeout'];

const LIFECYCLE_FLAGS: Record<'status' | 'logout' | 'rotate', string[]> = {
	status: ['check', 'json', 'verify-timeout', 'ca-file', 'insecure', 'help'],
	logout: ['all', 'yes', 'kubernetes', 'json', 'dry-run', 'help'],
	rotate: ['password-stdin', 'yes', 'expires', 'json', 'dry-run', ...CHECK_FLAGS, 'apply', 'help'],
};

export type {VerifyFlags} from '../run-options.js';

export interface Invocation {
	/** Flags given for targets that were not chosen (they change nothing: say so). */
	ignored: string[];
	subcommand: Subcommand;
	answers: Answers;
	passwordStdin: boolean;
	/** Read the credentials regauth remembered in the keychain instead of stdin. */
	fromKeychain: boolean;
	/** --import FILE ('-' for stdin): credentials come from a Quay robot file, read by the CLI. */
	importFile?: string;
	/** --gar-key-file FILE: a Google service-account key is the password (user _json_key). */
	garKeyFile?: string;
	/**
	 * rotate: other registries' credentials, read back from the files they share with the one
	 * rotated, planned again unchanged (not read from stdin, not verified): lifecycle/recover-credential.ts.
	 */
	carried?: Credential[];
	/** Flags that only make sense without the wizard were given. */
	headless: boolean;
	dryRun: boolean;
	json: boolean;
	yes: boolean;
	applyMode: ApplyMode;
	keepGoing: boolean;
	help: boolean;
	version: boolean;
	verify: VerifyFlags;
	doctor: DoctorFlags;
	/** --expires DATE|DURATION: when the secret stops working (JWTs carry their own). */
	expires?: Date;
	lifecycle: LifecycleFlags;
	/** regauth exec [flags] -- COMMAND…: the command, and whether to start from the user's configs. */
	exec?: {command: string[]; inherit: boolean};
}

export interface DoctorFlags {
	/** regauth doctor FILE…: files to check besides the usual places. */
	files: string[];
	fix: boolean;
	/** --keychain, when given: where --fix moves the passwords. */
	keychain?: KeychainChoice;
}

const HELP_COLUMN = 33;

/** The --help sections of the targets, from their declarations, in the wizard's order. */
function targetHelp(): string {
	const lines: string[] = [];
	for (const spec of SPECS) {
		const flags = spec.options.flatMap(option => (option.flag ? [option.flag] : []));
		if (!spec.help && flags.length === 0) continue;
		lines.push(spec.help?.heading ?? spec.title, ...(spec.help?.lines ?? []));
		for (const flag of flags) {
			const name = `  ${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
			flag.help.forEach((line, index) => {
				lines.push(`${index === 0 ? name.padEnd(HELP_COLUMN - 1) : ''.padEnd(HELP_COLUMN - 1)} ${line}`);
			});
		}
	}
	return lines.join('\n');
}

function helperTargetList(): string {
	const ids = TARGET_IDS.filter(routesToHelper);
	return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids.join('');
}

export const HELP = `regauth — set up container-registry authentication

Usage
  regauth                         start the wizard (needs a terminal)
  regauth [flags]                 headless: the same plan, from flags
  regauth undo                    restore what the last apply changed
  regauth status [--check]        every registry login on this machine, where it is stored,
                                  what regauth wrote for it and when it expires; --check asks
                                  each registry (exit 1 when one is rejected or expired)
  regauth logout REGISTRY...      remove a login from docker, podman and the keychain (--all:
                                  every login regauth recorded; --kubernetes: also delete the
                                  Secrets it applied); regauth undo brings the files back
  regauth rotate REGISTRY --password-stdin
                                  check a new secret, then replace the old one everywhere
                                  regauth put it
  regauth doctor [FILE...]        check the docker config, podman auth files and any docker
                                  config or Kubernetes Secret YAML given; exit 1 on problems
  regauth exec [flags] -- CMD...  run CMD logged in through a private docker config and podman
                                  auth file, removed when CMD ends; exits with CMD's status
  regauth keychain setup          make a credential store work here (pass, secretservice, WSL's
                                  wincred/desktop) and prove it; see regauth keychain setup --help
  regauth profile check FILE...   check team profiles (.regauth.yaml); exit 1 on problems

Team profile (docs/profiles.md)
      --profile FILE             take registries, targets, options, keychain policy and checks
                                 from a team profile; flags given too replace the profile's.
                                 The wizard finds .regauth.yaml in this directory or a parent
                                 up to the repository root by itself, and asks before using it

Credentials (repeat --registry/--username/--email for several registries, in order)
  -r, --registry HOST            registry host[:port]; docker.io for Docker Hub
  -u, --username USER            user name, or a Quay robot namespace+name
      --password-stdin           read the password or token from stdin (the only way to pass it);
                                 with several registries, one per line, in order
      --from-keychain            instead of --password-stdin: reuse the credentials regauth
                                 stored in the OS keychain (--keychain regauth) for each registry
      --gar-key-file FILE        Google Artifact Registry: a service-account key (JSON) is the
                                 password, user _json_key; it never expires (guard it)
      --email EMAIL              optional, deprecated; written only when given
      --import FILE              take registry, user and token from a file Quay gives a robot:
                                 Docker config JSON, Kubernetes Secret YAML, rkt JSON, or a saved
                                 docker/podman login command ('-' reads it from stdin)

Cloud registries (recognised by their host names)
  Without --password-stdin regauth gets the token from the cloud's CLI, with the user it wants:
  ECR  <account>.dkr.ecr.<region>.amazonaws.com, public.ecr.aws: aws ecr get-login-password
       --region <region>, user AWS, 12 h; fix a login with aws sso login
  Artifact Registry  <location>-docker.pkg.dev, gcr.io: gcloud auth print-access-token,
       user oauth2accesstoken, 1 h (or --gar-key-file); fix with gcloud auth login
  ACR  <name>.azurecr.io: az acr login --name <name> --expose-token, user 00000000-0000-0000-
       0000-000000000000, 3 h; fix with az login (long-lived: a repository-scoped token)
  GHCR ghcr.io: gh's token and user when it has read:packages (gh auth refresh -h github.com
       -s read:packages); otherwise pipe a classic token with read:packages
  docker and podman route ECR and Artifact Registry hosts to docker-credential-ecr-login /
  docker-credential-gcloud (credHelpers, that host only), which refresh tokens themselves.
  Kubernetes, Butane, rkt and Mesos hold the token itself: regauth says when it expires.
  GitLab: a deploy token or a token with read_registry. Docker Hub: your Docker ID and a
  personal access token. Quay: a robot account (namespace+name) and its token.

What to configure
  -t, --target LIST              ${TARGET_IDS.join(', ')} (comma-separated)
      --keychain NAME            file (default: base64 in config.json), regauth (OS keychain via
                                 docker-credential-regauth) or a docker helper: secretservice, pass…
                                 (${helperTargetList()} only: config.json gets a credHelpers entry)
${targetHelp()}

Where and how
  -o, --output-dir DIR           project files (manifests, archives, Butane); default ./regauth
      --destdir DIR              stage machine files (~/.docker/config.json…) under DIR instead
      --dry-run                  print the plan (secrets masked) and change nothing (the
                                 registry is still asked whether the login works: --no-verify)
      --json                     print the plan or the result as JSON (secrets masked)
  -y, --yes                      apply without asking
      --apply WHAT               files (default), commands (kubectl, docker login), or both
      --keep-going               run the remaining items after a failure
  -h, --help                     this help
  -V, --version                  print the version

Checking the credentials (before anything is written; wrong credentials exit 1)
      --no-verify                save without asking the registry
      --verify=strict            also stop when the registry cannot be reached or checked
      --ca-file FILE             trust this CA (PEM) for the registry's TLS certificate
      --cert-file FILE           present this client certificate (PEM) to a registry that wants
      --key-file FILE            mutual TLS, with its unencrypted key; default: client.cert and
                                 client.key from /etc/docker/certs.d/HOST:PORT/ (or ~/.docker/
                                 certs.d, /etc/containers/certs.d)
      --insecure                 allow plain HTTP (localhost and 127.0.0.0/8 need no flag)
      --verify-timeout SECONDS   give up waiting for the registry after this long (default 10)
  The check goes through HTTPS_PROXY / HTTP_PROXY except for NO_PROXY, with docker's rules.

Exec
      --inherit                  start from your docker config and podman auth files (helpers
                                 and other logins included) instead of an empty login

Logins (status, logout, rotate; docs/lifecycle.md)
      --expires DATE|DURATION    when the secret stops working (2027-01-31, 90d, 12h), for
                                 status and doctor to warn 7 days ahead; JWTs carry their own
      --check                    status: ask each registry whether its login still works
      --all                      logout: every login regauth recorded
      --kubernetes               logout: also delete the Secrets regauth applied (kubectl)

Doctor
      --fix                      move plain-text passwords of docker's config into the OS
                                 keychain (--keychain NAME to choose), with backups; regauth undo
      --json, --dry-run          as above

Examples
  printf '%s' "$QUAY_TOKEN" | regauth -r quay.io -u 'myorg+ci' --password-stdin -t docker --yes
  printf '%s' "$TOKEN" | regauth -r ghcr.io -u octocat --password-stdin -t kubernetes \\
      -n web -n jobs --apply both --yes
  printf '%s' "$TOKEN" | regauth -r registry.example.com -u ci --password-stdin -t docker --dry-run --json
  printf '%s' "$TOKEN" | regauth -r quay.io -u 'myorg+ci' --password-stdin -t docker --keychain regauth --yes
  regauth -r quay.io -t kubernetes --from-keychain --yes
  regauth -r 123456789012.dkr.ecr.eu-west-1.amazonaws.com -t docker,kubernetes --yes
  printf '%s' "$TOKEN" | regauth exec -r quay.io -u 'myorg+ci' --password-stdin -- ./ci/push.sh
  regauth --import ./myorg-robot-auth.json -t podman,butane --butane-remote-url https://cfg.example.com/config.json --yes

Exit codes: 0 done, 1 failed, 2 bad usage or input, 130 cancelled.`;

/** Split "a,b" and repeated flags into one list, without empty items. */
function list(values: readonly string[] | undefined): string[] {
	return (values ?? [])
		.flatMap(value => value.split(','))
		.map(value => value.trim())
		.filter(Boolean);
}

function one(name: string, values: readonly string[], count: number): string[] {
	if (values.length === 0) return Array.from({length: count}, () => '');
	if (values.length === 1) return Array.from({length: count}, () => values[0]!);
	if (values.length !== count) {
		throw new UsageError(
			`--${name} was given ${values.length} times for ${count} registries: give it once (used for all) or once per --registry, in the same order.`,
		);
	}
	return [...values];
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined) return fallback;
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new UsageError(`--${flag} ${value}: expected one of ${allowed.join(', ')}.`);
}

/** Flags regauth exec takes: the login and how to check it. */
const EXEC_FLAGS = ['registry', 'username', 'password-stdin', 'from-keychain', 'gar-key-file', 'email', 'import', ...CHECK_FLAGS, 'inherit', 'help'];

/** `exec [flags] -- COMMAND…`: the flags before `--`, the command after it. */
function splitExec(argv: string[]): {flags: string[]; command: string[]} {
	const end = argv.indexOf('--');
	const command = end === -1 ? [] : argv.slice(end + 1);
	if (command.length === 0 && !argv.includes('--help') && !argv.includes('-h'))
		throw new UsageError('regauth exec needs the command after --: regauth exec -r HOST -u USER --password-stdin -- COMMAND [ARGS…]');
	return {flags: argv.slice(1, end === -1 ? undefined : end), command};
}

function execFlagProblem(name: string): string {
	if (name === 'keychain')
		return '--keychain does not apply to regauth exec: the login lives in a private file only while the command runs, and nothing is stored in a keychain. Drop --keychain (--from-keychain reads a credential regauth stored).';
	return `--${name} does not apply to regauth exec: it logs docker, podman, buildah and skopeo in for one command, in a private directory removed afterwards. It takes --registry, --username, --password-stdin (or --from-keychain, --import), --email, the checking flags and --inherit.`;
}

/** The targets' flags into the answers, each through its declaration; choices are checked here. */
function targetFlags(answers: Answers, values: Record<string, unknown>): Answers {
	let result = answers;
	for (const {option} of allOptions()) {
		const flag = option.flag;
		const given = flag ? values[flag.name] : undefined;
		if (!flag || given === undefined || given === false) continue;
		const raw = typeof given === 'boolean' ? [] : Array.isArray(given) ? given.map(String) : [String(given)];
		const items = flag.repeatable ? list(raw) : raw;
		if (option.choices)
			for (const item of items)
				choice(
					flag.name,
					item,
					option.choices.map(entry => entry.value),
					'',
				);
		result = flag.parse(result, items);
	}
	return result;
}

export function parseInvocation(argv: string[]): Invocation {
	const exec = argv[0] === 'exec' ? splitExec(argv) : undefined;
	let parsed: ReturnType<typeof parseArgs<{args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true}>>;
	try {
		parsed = parseArgs({args: exec ? exec.flags : argv, options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		if (/'--verify(?: <value>)?' argument (?:missing|is ambiguous)/.test((error as Error).message))
			throw new UsageError('--verify needs a value: --verify=strict (or --no-verify to skip the check).');
		if (/^Unknown option '(?:-p|--password)'/.test((error as Error).message))
			throw new UsageError(
				"-p/--password: regauth takes a password only from stdin (--password-stdin) or, in a terminal, from its prompt (leave the flag out): a password on the command line is visible to other users in ps and stays in the shell's history.",
			);
		const message = (error as Error).message.replace(/^Unknown option '(.+?)'.*$/s, 'unknown flag $1; see regauth --help for the flags');
		throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''));
	}
	const {values, positionals} = parsed;
	const [first, ...rest] = positionals;
	if (exec && positionals.length > 0)
		throw new UsageError(`unexpected argument "${positionals.join(' ')}" before --: regauth exec [flags] -- COMMAND [ARGS…].`);
	const lifecycle = first === 'status' || first === 'logout' || first === 'rotate' ? first : undefined;
	if (lifecycle) {
		const foreign = Object.keys(values).find(name => !LIFECYCLE_FLAGS[lifecycle].includes(name));
		if (foreign)
			throw new UsageError(`--${foreign} does not apply to regauth ${lifecycle}; it takes ${LIFECYCLE_FLAGS[lifecycle].map(flag => `--${flag}`).join(', ')}.`);
		if (lifecycle === 'status' && rest.length > 0)
			throw new UsageError(`regauth status takes no registry ("${rest.join(' ')}"): it lists every login; add --check to ask each registry.`);
		if (lifecycle === 'logout' && rest.length === 0 && !values.all)
			throw new UsageError('regauth logout needs the registries to log out of (regauth logout quay.io), or --all.');
		if (lifecycle === 'logout' && rest.length > 0 && values.all) throw new UsageError('regauth logout: give registries or --all, not both.');
		if (lifecycle === 'rotate' && rest.length !== 1)
			throw new UsageError('regauth rotate takes one registry: printf \'%s\' "$NEW_TOKEN" | regauth rotate quay.io --password-stdin --yes.');
		if (lifecycle === 'rotate' && !values['password-stdin']) throw new UsageError('regauth rotate reads the new secret from stdin: add --password-stdin.');
	} else if (values.check || values.all || values.kubernetes) {
		const name = values.check ? 'check' : values.all ? 'all' : 'kubernetes';
		throw new UsageError(
			`--${name} belongs to regauth ${name === 'check' ? 'status' : 'logout'}: run regauth ${name === 'check' ? 'status --check' : `logout --${name}`}.`,
		);
	}
	let expires: Date | undefined;
	if (values.expires !== undefined) {
		expires = parseExpires(values.expires, new Date());
		if (!expires) throw new UsageError(`--expires ${values.expires}: give a date (2027-01-31, or 2027-01-31T12:00:00Z) or a duration from now (12h, 90d, 4w).`);
	}
	if (!lifecycle && first !== 'doctor' && (rest.length > 0 || (first !== undefined && first !== 'undo'))) {
		if (positionals.includes('exec')) throw new UsageError('exec comes first: regauth exec [flags] -- COMMAND [ARGS…].');
		throw new UsageError(
			`unexpected argument "${positionals.join(' ')}": regauth takes flags (see regauth --help) or a subcommand: undo, doctor, exec, keychain setup, status, logout, rotate.`,
		);
	}
	if (first === 'doctor') {
		const foreign = Object.keys(values).filter(name => !['json', 'fix', 'keychain', 'dry-run', 'help'].includes(name));
		if (foreign.length > 0)
			throw new UsageError(`--${foreign[0]} does not apply to regauth doctor; it takes FILE…, --json, --fix, --keychain NAME and --dry-run.`);
	} else if (values.fix) {
		throw new UsageError('--fix belongs to regauth doctor: run regauth doctor --fix.');
	}
	const foreignToExec = Object.keys(values).find(name => !EXEC_FLAGS.includes(name));
	if (exec && foreignToExec) throw new UsageError(execFlagProblem(foreignToExec));
	if (!exec && values.inherit) throw new UsageError('--inherit belongs to regauth exec: regauth exec --inherit -r HOST … -- COMMAND.');

	let answers = defaultAnswers();
	const registries = values.registry ?? [];
	const count = registries.length;
	const usernames = one('username', values.username ?? [], count);
	const emails = one('email', values.email ?? [], count);
	answers.credentials = registries.map((registry, index): Credential => ({registry, username: usernames[index]!, password: '', email: emails[index]!}));
	if (count === 0 && values.import === undefined && (values.username?.length || values.email?.length))
		throw new UsageError('--username needs --registry: add --registry HOST (docker.io for Docker Hub).');

	if (registries.some(registry => registry.trim() === '')) {
		// docker login with no server means Docker Hub, but an empty flag is far more often an
		// unset variable: sending a private registry's password to Docker Hub would be the result.
		throw new UsageError('--registry is empty (an unset variable?): give the registry host, or docker.io for Docker Hub.');
	}
	const targets = list(values.target);
	if (values.target !== undefined && targets.length === 0) throw new UsageError(`--target is empty: give one or more of ${TARGET_IDS.join(', ')}.`);
	for (const target of targets) {
		if (!(TARGET_IDS as readonly string[]).includes(target)) throw new UsageError(`--target ${target}: unknown target; choose from ${TARGET_IDS.join(', ')}.`);
	}
	if (targets.length > 0) answers.targets = [...new Set(targets)] as TargetId[];

	const keychain = values.keychain;
	if (keychain !== undefined) {
		if (!/^[a-z0-9][a-z0-9._-]*$/.test(keychain))
			throw new UsageError(`--keychain ${keychain}: give file, regauth, or the suffix of a docker-credential-<name> helper (e.g. secretservice).`);
		answers.keychain = keychain === 'file' ? {kind: 'file'} : keychain === 'regauth' ? {kind: 'regauth'} : {kind: 'helper', name: keychain};
	}

	if (values['output-dir'] !== undefined) {
		if (values['output-dir'].trim() === '') throw new UsageError('--output-dir is empty: give a directory, e.g. --output-dir ./regauth.');
		answers.outputDir = values['output-dir'];
	}
	if (values.destdir !== undefined) {
		if (values.destdir.trim() === '') throw new UsageError('--destdir is empty: give a directory to stage machine files under, e.g. --destdir ./rootfs.');
		answers.destdir = values.destdir;
	}

	answers = targetFlags(answers, values);
	if (values.import !== undefined) {
		if (values.import.trim() === '')
			throw new UsageError("--import is empty: give the file Quay gave you (e.g. --import ./myorg-robot-auth.json), or '-' for stdin.");
		if (count > 0 || values.username?.length)
			throw new UsageError('--import takes the registry and user from the file: drop --registry/--username, or drop --import.');
		if (values['password-stdin']) throw new UsageError('--import takes the token from the file: drop --password-stdin.');
	}

	const headlessFlags = Object.keys(values).filter(name => !WIZARD_FLAGS.includes(name));
	return {
		ignored: unusedTargetFlags(Object.keys(values), answers).map(({name, target}) => `--${name} is ignored without --target ${target}`),
		subcommand: exec ? 'exec' : (lifecycle ?? (first === 'undo' ? 'undo' : first === 'doctor' ? 'doctor' : 'run')),
		...(expires ? {expires} : {}),
		lifecycle: {registries: lifecycle ? rest : [], check: values.check ?? false, all: values.all ?? false, kubernetes: values.kubernetes ?? false},
		answers,
		passwordStdin: values['password-stdin'] ?? false,
		fromKeychain: values['from-keychain'] ?? false,
		...(values.import === undefined ? {} : {importFile: values.import}),
		...(values['gar-key-file'] === undefined ? {} : {garKeyFile: values['gar-key-file']}),
		headless: headlessFlags.length > 0,
		dryRun: values['dry-run'] ?? false,
		json: values.json ?? false,
		yes: values.yes ?? false,
		applyMode: choice('apply', values.apply, ['files', 'commands', 'both'] as const, 'files'),
		keepGoing: values['keep-going'] ?? false,
		help: values.help ?? false,
		version: values.version ?? false,
		verify: verifyFlags(values),
		doctor: {files: first === 'doctor' ? rest : [], fix: values.fix ?? false, ...(keychain === undefined ? {} : {keychain: answers.keychain})},
		...(exec ? {exec: {command: exec.command, inherit: values.inherit ?? false}} : {}),
	};
}

// How to check credentials applies to the wizard too: those flags alone do not mean headless.
export const WIZARD_FLAGS = ['help', 'version', ...CHECK_FLAGS, 'profile'];

function verifyFlags(values: {
	verify?: string;
	'no-verify'?: boolean;
	'ca-file'?: string;
	'cert-file'?: string;
	'key-file'?: string;
	insecure?: boolean;
	'verify-timeout'?: string;
}): VerifyFlags {
	let mode = choice('verify', values.verify, ['on', 'strict', 'off'] as const, 'on');
	if (values['no-verify']) {
		if (values.verify !== undefined && values.verify !== 'off')
			throw new UsageError(`--no-verify and --verify=${values.verify} contradict each other: give one of them.`);
		mode = 'off';
	}
	const caFile = values['ca-file'];
	if (caFile !== undefined && caFile.trim() === '')
		throw new UsageError('--ca-file is empty: give the PEM file of the CA that signed the registry certificate.');
	let timeoutMs = DEFAULT_TIMEOUT_MS;
	const timeout = values['verify-timeout'];
	if (timeout !== undefined) {
		const seconds = Number(timeout);
		if (!/^\d+(\.\d+)?$/.test(timeout) || seconds <= 0 || seconds > 600)
			throw new UsageError(`--verify-timeout ${timeout}: give a number of seconds from 0.1 to 600, e.g. --verify-timeout 30.`);
		timeoutMs = Math.round(seconds * 1000);
	}
	const certFile = values['cert-file'];
	const keyFile = values['key-file'];
	for (const [flag, value] of [
		['cert-file', certFile],
		['key-file', keyFile],
	] as const) {
		if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} is empty: give the PEM file of the client certificate and of its key.`);
	}
	if ((certFile === undefined) !== (keyFile === undefined))
		throw new UsageError(
			certFile === undefined
				? '--key-file needs --cert-file: give the client certificate too.'
				: '--cert-file needs --key-file: give the certificate’s private key too.',
		);
	return {
		mode,
		...(caFile === undefined ? {} : {caFile}),
		...(certFile === undefined || keyFile === undefined ? {} : {certFile, keyFile}),
		insecure: values.insecure ?? false,
		timeoutMs,
	};
}

/** Give each credential its password from stdin: all of it for one registry, a line each for several. */
export function assignPasswords(answers: Answers, stdin: string): void {
	const count = answers.credentials.length;
	if (count <= 1) {
		const password = trimOneNewline(stdin);
		if (answers.credentials[0]) answers.credentials[0].password = password;
		return;
	}
	const lines = trimOneNewline(stdin).split(/\r\n|\n|\r/);
	if (lines.length !== count) {
		throw new UsageError(
			`--password-stdin: ${count} registries need ${count} passwords on stdin, one per line in --registry order; got ${lines.length} line${lines.length === 1 ? '' : 's'}.`,
		);
	}
	answers.credentials.forEach((credential, index) => {
		credential.password = lines[index]!;
	});
}
