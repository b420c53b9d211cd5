// `regauth keychain setup [--store pass|secretservice|wincred|desktop|file] [--passphrase-stdin]
// [--registry HOST…] [--yes]`: the terminal side of keychain/setup/setup.ts — flags, the hidden
// questions, the confirmation, and the report. Its flags are parsed here, not in args.ts: they
// mean nothing to the rest of regauth.
import {parseArgs} from 'node:util';
import {type ApplyResult, RefusedError} from '../apply/apply.js';
import {type SecretQuestion, SetupError, STORES, type StoreKind} from '../keychain/setup/setup.js';
import {askHidden, askYesNo} from './ask-secret.js';
import {EXIT, UsageError} from './errors.js';
import type {Io} from './headless.js';
import {readStdin} from './read-stdin.js';

export const KEYCHAIN_HELP = `regauth keychain setup — make a credential store work here (SSH, CI, WSL, containers)

Usage
  regauth keychain setup [--store NAME] [--registry HOST]... [--passphrase-stdin] [--yes]

Sets the store up, proves it with a store/get/erase round trip through the docker credential
helper docker will call, then routes the registries given to it in docker's config.json
(backed up; regauth undo reverts it).

      --store NAME          pass           GPG-encrypted files (docker-credential-pass); no desktop,
                                           no D-Bus needed: creates a GPG key, pass init, unlocks it
                            secretservice  gnome-keyring on a D-Bus session bus that regauth starts
                                           and your shell profile reuses (docker-credential-secretservice)
                            wincred        WSL: Windows' Credential Manager (docker-credential-wincred.exe)
                            desktop        WSL: Docker Desktop's helper (docker-credential-desktop.exe)
                            file           no store: base64 in config.json (NOT encrypted)
                            default: the first that fits this machine, with the reason
  -r, --registry HOST       route HOST to the store (repeatable)
      --passphrase-stdin    read the GPG passphrase (pass) or keyring password (secretservice)
                            from stdin instead of asking; it never appears in argv or files
  -y, --yes                 go ahead without asking (needed without a terminal)
  -h, --help                this help

Exit codes: 0 the round trip worked, 1 it failed (the message names the step and the fix),
2 bad usage.`;

const OPTIONS = {
	store: {type: 'string'},
	registry: {type: 'string', multiple: true, short: 'r'},
	'passphrase-stdin': {type: 'boolean'},
	yes: {type: 'boolean', short: 'y'},
	help: {type: 'boolean', short: 'h'},
} as const;

export interface KeychainSetupFlags {
	help: boolean;
	store?: StoreKind;
	registries: string[];
	passphraseStdin: boolean;
	yes: boolean;
}

/** argv after `keychain`. */
export function parseKeychainSetup(argv: string[]): KeychainSetupFlags {
	let parsed: ReturnType<typeof parseArgs<{args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true}>>;
	try {
		parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		const message = (error as Error).message.replace(
			/^Unknown option '(.+?)'.*$/s,
			'unknown flag $1 for regauth keychain setup; see regauth keychain setup --help',
		);
		throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''));
	}
	const {values, positionals} = parsed;
	if (values.help) return {help: true, registries: [], passphraseStdin: false, yes: false};
	if (positionals.length !== 1 || positionals[0] !== 'setup') {
		throw new UsageError(
			`regauth keychain ${positionals.join(' ') || ''}: the keychain command is "regauth keychain setup" (see regauth keychain setup --help).`.replace(
				'keychain :',
				'keychain:',
			),
		);
	}
	const store = values.store;
	if (store !== undefined && !(STORES as readonly string[]).includes(store)) throw new UsageError(`--store ${store}: expected one of ${STORES.join(', ')}.`);
	const registries = (values.registry ?? []).flatMap(value => value.split(',')).map(value => value.trim());
	if (registries.some(registry => registry === ''))
		throw new UsageError('--registry is empty (an unset variable?): give the registry host, e.g. --registry ghcr.io.');
	return {
		help: false,
		...(store ? {store: store as StoreKind} : {}),
		registries,
		passphraseStdin: values['passphrase-stdin'] ?? false,
		yes: values.yes ?? false,
	};
}

function trimOneNewline(text: string): string {
	return text.replace(/\r?\n$/, '');
}

function applyLines(result: ApplyResult | undefined): string[] {
	return (result?.items ?? []).flatMap(item => (item.backup ? [`backup of ${item.path}: ${item.backup}`] : []));
}

export async function runKeychainSetupCli(argv: string[], io: Io): Promise<number> {
	const flags = parseKeychainSetup(argv);
	if (flags.help) {
		io.stdout(`${KEYCHAIN_HELP}\n`);
		return EXIT.ok;
	}
	const terminal = Boolean(process.stdin.isTTY);
	if (flags.passphraseStdin && terminal)
		throw new UsageError('--passphrase-stdin: stdin is a terminal, not a pipe; drop the flag to be asked (hidden), or pipe it in.');
	if (!flags.yes && !terminal) throw new UsageError('--yes is required without a terminal: regauth cannot ask before it changes things.');
	// Read stdin once, up front: a pipe ends, and the first question may come late.
	const piped = flags.passphraseStdin ? trimOneNewline(await readStdin({flag: '--passphrase-stdin', limit: 64 * 1024})) : undefined;

	const ask = async (question: SecretQuestion): Promise<string> => {
		if (piped !== undefined) return piped;
		if (!terminal) throw new UsageError('a passphrase is needed: pipe it in with --passphrase-stdin, or run regauth keychain setup in a terminal.');
		const first = await askHidden(question.prompt);
		if (question.kind !== 'passphrase' && first !== '') {
			const again = await askHidden('Again, to check: ');
			if (again !== first) throw new UsageError('the two entries differ; nothing was changed. Run regauth keychain setup again.');
		}
		return first;
	};
	const confirm = async (question: string, details: string): Promise<boolean> => {
		io.stdout(`${details}\n`);
		if (flags.yes) return true;
		return askYesNo(question);
	};

	const {runKeychainSetup} = await import('../keychain/setup/setup.js');
	try {
		const report = await runKeychainSetup({
			...(flags.store ? {store: flags.store} : {}),
			registries: flags.registries,
			processEnv: process.env,
			ask,
			confirm,
			progress: line => io.stdout(`${line}\n`),
		});
		if (!report.ok) {
			io.stderr(`regauth: keychain setup: ${report.failure}\n`);
			return EXIT.failed;
		}
		for (const line of applyLines(report.apply)) io.stdout(`${line}\n`);
		const routed = report.routed.length > 0 ? `; ${report.routed.join(', ')} → docker-credential-${report.helper}` : '';
		io.stdout(`✓ Keychain ready: ${report.store}${report.helper ? ` (docker-credential-${report.helper})` : ''}${routed}.\n`);
		for (const line of report.next) io.stdout(`  ${line}\n`);
		return EXIT.ok;
	} catch (error) {
		if (error instanceof SetupError) {
			io.stderr(`regauth: keychain setup: ${error.message}\n`);
			return error.exitCode;
		}
		if (error instanceof RefusedError) {
			io.stderr(`regauth: keychain setup: ${error.message}\n`);
			return EXIT.failed;
		}
		throw error;
	}
}
