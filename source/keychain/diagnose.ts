// What went wrong with a keychain, in words a person can act on. keytar (libsecret) and
// Docker's helpers report D-Bus errors as bare strings; each known one becomes a specific
// problem with the fix (docs/real-parts.md §1). Pure: the same table serves the helper's
// probe, apply's store commands and the wizard.

export type {KeychainProblem, KeychainProblemCode, KeychainStatus} from '../keychain-status.js';

import type {KeychainProblem, KeychainProblemCode} from '../keychain-status.js';

const START_KEYRING = `printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --replace --unlock --components=secrets`;

const OTHER_STORES =
	'Or keep the password elsewhere: --keychain pass (docker-credential-pass, GPG-encrypted files; needs `pass init`), or --keychain file (base64 in config.json, NOT encrypted; only if you accept that)';

interface Rule {
	code: KeychainProblemCode;
	test: RegExp;
	message: string;
	advice: string[];
}

const RULES: Rule[] = [
	{
		code: 'module-missing',
		test: /keytar|libsecret-1\.so|NODE_MODULE_VERSION|Cannot find (?:module|package)|ERR_DLOPEN_FAILED/i,
		message: "regauth's keychain module (keytar) could not be loaded",
		advice: [
			'Install libsecret and reinstall regauth so keytar is built: sudo apt-get install libsecret-1-0 libsecret-1-dev (Fedora: libsecret-devel), then run npm install again in regauth’s checkout',
			"Or use Docker's own helper instead: --keychain secretservice (Debian/Ubuntu: sudo apt-get install golang-docker-credential-helpers)",
		],
	},
	{
		code: 'no-session-bus',
		test: /autolaunch|Could not connect|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|Connection refused/i,
		message: 'there is no D-Bus session bus, so the OS keychain (Secret Service) cannot be reached; SSH, CI, containers and WSL sessions usually have none',
		advice: [
			`Start a session bus and a keyring, then run regauth in it: eval "$(dbus-launch --sh-syntax)" && ${START_KEYRING}`,
			'Or run regauth inside one: dbus-run-session -- sh (then start gnome-keyring-daemon as above)',
			'On a desktop, run regauth from a terminal of the graphical session',
		],
	},
	{
		code: 'no-secret-service',
		test: /not provided by any \.service files|ServiceUnknown|Name has no owner/i,
		message: 'a D-Bus session bus is running, but no keychain (Secret Service provider) answers on it',
		advice: [
			`Install and start gnome-keyring: sudo apt-get install gnome-keyring, then ${START_KEYRING}`,
			'Or enable the Secret Service integration of KeePassXC (Tools → Settings → Secret Service Integration)',
		],
	},
	{
		code: 'locked',
		test: /locked collection|is locked|Cannot unlock/i,
		message: 'the keychain is locked',
		advice: [
			'Unlock it: on a desktop, open "Passwords and Keys" (seahorse) and unlock the Login keyring, or log in again',
			`Headless: unlock the running daemon with ${START_KEYRING}`,
		],
	},
	{
		code: 'no-login-keyring',
		test: /Object does not exist at path|collection\/login|No such (?:object|interface)|prompt/i,
		message: 'the keychain has no unlocked default ("login") keyring, and creating one needs a password prompt that cannot be shown here',
		advice: [
			`Start the keyring daemon with an unlock password, which creates the login keyring: ${START_KEYRING}`,
			'On a desktop, open "Passwords and Keys" (seahorse), create a keyring named Login and set it as default',
		],
	},
	{
		code: 'pass-not-initialized',
		test: /pass not initiali[sz]ed|password store is empty/i,
		message: 'the pass password store is not set up for this user',
		advice: ['Set it up without a desktop: regauth keychain setup --store pass (a GPG key of its own, pass init, an unlock)'],
	},
	{
		// gpg says "No secret key" when the key is there but locked and no pinentry can be shown
		// (docker gives the helper no terminal): docs/keychains.md §1.2.
		code: 'locked',
		test: /gpg: .*(?:no secret key|decryption failed)/i,
		message: "the pass store's GPG key is locked: gpg-agent has no cached passphrase, and the helper has no terminal to ask for one",
		advice: ['Unlock it: regauth keychain setup --store pass (asks the passphrase, reuses the key), or run pass show once in a terminal'],
	},
	{
		code: 'timeout',
		test: /Timeout was reached|timed out|did not answer/i,
		message: 'the keychain did not answer in time',
		advice: [
			'If a password prompt is open, answer it and run regauth again',
			'If HOME or XDG_RUNTIME_DIR changed after the session bus started, restart the bus and the keyring with the current values',
		],
	},
];

export function diagnoseKeychainError(raw: string): KeychainProblem {
	const detail = raw.trim();
	for (const rule of RULES) {
		if (rule.test.test(detail)) return {code: rule.code, message: rule.message, advice: [...rule.advice, OTHER_STORES], detail};
	}
	return {code: 'unknown', message: 'the keychain reported an error', advice: [OTHER_STORES], detail};
}

export function timeoutProblem(seconds: number): KeychainProblem {
	const rule = RULES.find(candidate => candidate.code === 'timeout')!;
	return {
		code: 'timeout',
		message: `the keychain did not answer within ${seconds} s (the check was stopped)`,
		advice: [...rule.advice, OTHER_STORES],
		detail: '',
	};
}

export function crashProblem(signal: string): KeychainProblem {
	return {
		code: 'crashed',
		message: `the keychain module crashed (${signal})`,
		advice: [
			"This happens when another program stored an item under regauth's service name without an account; remove it with: secret-tool clear service regauth",
			OTHER_STORES,
		],
		detail: signal,
	};
}

/** One paragraph: what happened, then each fix on its own line. */
export function formatProblem(problem: KeychainProblem, subject = 'The OS keychain cannot be used'): string {
	const detail = problem.detail !== '' && problem.detail !== problem.message ? ` (${problem.detail})` : '';
	return [`${subject}: ${problem.message}${detail}.`, ...problem.advice.map(line => `  - ${line}.`)].join('\n');
}

/** The result of checking the chosen keychain before planning (Environment.keychain). */
