// Where the passwords of a headless run and of `regauth exec` come from: --import, --password-stdin,
// --from-keychain, --gar-key-file, the cloud's own CLI, or (headless, in a terminal) a prompt as
// `docker login` has. One source at a time; a secret never comes from the command line.
import {isatty} from 'node:tty';
import {assignPasswords, type Invocation} from './args.js';
import {UsageError} from './errors.js';
import type {Io} from './headless.js';
import {canPrompt, promptMissingPasswords} from './password-prompt.js';
import {readStdin} from './read-stdin.js';

export interface SourceWords {
	/** How messages start: `regauth` or `regauth exec`. */
	who: string;
	/** The message when no registry was given. */
	noRegistry: string;
	/** The message when no password source was given (and no prompt): `needing` names the registries. */
	noPassword: (needing: string[]) => string;
	/** The command line to show for piping a secret in. */
	pipeExample: string;
	/** Ask in a terminal for what no flag supplied (headless; exec runs a command and does not ask). */
	prompt: boolean;
}

export async function readPasswordSources(invocation: Invocation, io: Io, words: SourceWords): Promise<void> {
	const {answers} = invocation;
	const imported = invocation.importFile !== undefined;
	if (imported) {
		const {importInto} = await import('./import-file.js');
		io.stderr(`${words.who}: --import ${invocation.importFile}: found ${await importInto(answers, invocation.importFile!)}.\n`);
	}
	if (answers.credentials.length === 0) throw new UsageError(words.noRegistry);
	const sources = [
		imported && '--import',
		invocation.passwordStdin && '--password-stdin',
		invocation.fromKeychain && '--from-keychain',
		invocation.garKeyFile !== undefined && '--gar-key-file',
	].filter(Boolean);
	if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} each supply the password: give one of them.`);
	const cloud = await import('./cloud-source.js');
	// Cloud registries every output hands to the cloud's own helper need no secret at all.
	if (sources.length === 0) for (const line of await cloud.markHelperRouted(answers, process.env)) io.stderr(`${words.who}: ${line}\n`);
	const needing = {credentials: answers.credentials.filter(credential => !credential.viaHelper)};
	// Other cloud registries without a password source: the token comes from the cloud's own CLI.
	const mint = sources.length === 0 && needing.credentials.length > 0 && cloud.allMintable(needing);
	const prompting = words.prompt && sources.length === 0 && needing.credentials.length > 0 && !mint && canPrompt();
	if (prompting) await promptMissingPasswords(needing.credentials);
	if (sources.length === 0 && needing.credentials.length > 0 && !mint && !prompting) throw new UsageError(words.noPassword(cloud.needPassword(needing)));
	if (invocation.passwordStdin) {
		// isatty, not process.stdin.isTTY: creating that stream makes fd 0 non-blocking, and exec's child shares it.
		if (isatty(0)) throw new UsageError(`--password-stdin: stdin is a terminal, not a pipe; pipe the secret in: ${words.pipeExample}.`);
		assignPasswords(answers, await readStdin());
	}
	if (invocation.garKeyFile !== undefined) io.stderr(`${words.who}: --gar-key-file: using ${await cloud.readGarKeyFile(answers, invocation.garKeyFile)}.\n`);
	if (mint) for (const line of await cloud.mintFromClis(needing, process.env)) io.stderr(`${words.who}: ${line}\n`);
	cloud.fillFixedUsernames(answers.credentials);
}
