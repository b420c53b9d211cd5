// regauth exec [login flags] -- COMMAND…: the login exists only for COMMAND, in a private
// directory (docs/ci.md §2). The same flags, verification and plan() as a headless run; what
// differs is where the files go and that they go away.
import {isatty} from 'node:tty';
import {resolveAnswers} from '../answers.js';
import {privateBase, privateBases} from '../exec/private-dir.js';
import {PrivateLoginError, privateVariables, writePrivateLogin} from '../exec/private-login.js';
import {ExecSession} from '../exec/session.js';
import {sweepStale} from '../exec/stale.js';
import {assignPasswords, type Invocation} from './args.js';
import {FailureError, UsageError} from './errors.js';
import type {Io} from './headless.js';
import {readStdin} from './read-stdin.js';
import {verifyStep} from './verify-step.js';

async function readCredentials(invocation: Invocation, io: Io): Promise<void> {
	const {answers} = invocation;
	const imported = invocation.importFile !== undefined;
	if (imported) {
		const {importInto} = await import('./import-file.js');
		io.stderr(`regauth exec: --import ${invocation.importFile}: found ${await importInto(answers, invocation.importFile!)}.\n`);
	}
	if (answers.credentials.length === 0) throw new UsageError('regauth exec needs --registry HOST --username USER --password-stdin before the --.');
	const sources = [
		imported && '--import',
		invocation.passwordStdin && '--password-stdin',
		invocation.fromKeychain && '--from-keychain',
		invocation.garKeyFile !== undefined && '--gar-key-file',
	].filter(Boolean);
	if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} each supply the password: give one of them.`);
	const cloud = await import('./cloud-source.js');
	const mint = sources.length === 0 && cloud.allMintable(answers);
	if (sources.length === 0 && !mint) {
		throw new UsageError(
			'--password-stdin is required: regauth reads the password only from stdin, e.g. printf \'%s\' "$TOKEN" | regauth exec … --password-stdin -- COMMAND (or --from-keychain, or --import FILE).',
		);
	}
	if (invocation.passwordStdin) {
		if (isatty(0))
			throw new UsageError(
				'--password-stdin: stdin is a terminal, not a pipe; pipe the secret in: printf \'%s\' "$TOKEN" | regauth exec … --password-stdin -- COMMAND.',
			);
		assignPasswords(answers, await readStdin());
	}
	if (invocation.garKeyFile !== undefined) io.stderr(`regauth exec: --gar-key-file: using ${await cloud.readGarKeyFile(answers, invocation.garKeyFile)}.\n`);
	// Cloud registries without a password source: the token comes from the cloud's own CLI.
	if (mint) for (const line of await cloud.mintFromClis(answers, process.env)) io.stderr(`regauth exec: ${line}\n`);
	cloud.fillFixedUsernames(answers.credentials);
	if (invocation.fromKeychain) {
		const [{prepareKeychain}, {probeEnvironment}] = await Promise.all([import('../keychain/prepare.js'), import('../probe.js')]);
		const prepared = await prepareKeychain(answers, await probeEnvironment(process.env), {fromKeychain: true});
		for (const use of prepared.remembered) io.stderr(`regauth exec: using the credential for ${use.host} remembered in the keychain (user ${use.username}).\n`);
	}
}

export async function runExec(invocation: Invocation, io: Io): Promise<number> {
	const {command, inherit} = invocation.exec!;
	for (const path of sweepStale(privateBases(process.env))) io.stderr(`regauth exec: removed ${path}, left by a run that was killed.\n`);
	await readCredentials(invocation, io);
	const resolution = resolveAnswers(invocation.answers);
	if (resolution.issues.length > 0) throw new UsageError(resolution.issues.map(issue => `${issue.flag}: ${issue.message}`).join('\nregauth: '));
	// Wrong credentials end the run here (exit 1), before anything is written or run.
	const verification = await verifyStep(invocation);
	for (const note of verification.notes) if (note.level !== 'info') io.stderr(`regauth exec: ${note.level}: ${note.message}\n`);

	const session = new ExecSession({
		base: privateBase(process.env),
		// isatty, not process.stdin: creating that stream makes fd 0 non-blocking, and the child shares it.
		onTerminal: isatty(0) || isatty(1) || isatty(2),
		onError: message => io.stderr(`regauth exec: ${message}\n`),
	});
	try {
		try {
			await writePrivateLogin(session.dir, invocation.answers, resolution.credentials, {inherit, processEnv: process.env});
		} catch (error) {
			if (error instanceof PrivateLoginError) throw error.usage ? new UsageError(error.message) : new FailureError(error.message);
			throw error;
		}
		const env: NodeJS.ProcessEnv = {...process.env, ...privateVariables(session.dir)};
		if (env.DOCKER_AUTH_CONFIG !== undefined) {
			// docker ≥ 28.3 reads logins from it before any config file (docs/ci.md §4): it would shadow this one.
			delete env.DOCKER_AUTH_CONFIG;
			io.stderr('regauth exec: DOCKER_AUTH_CONFIG is set; the command runs without it, so docker uses this login.\n');
		}
		const hosts = resolution.credentials.map(credential => credential.host).join(', ');
		io.stderr(`regauth exec: logged in to ${hosts} for ${command[0]} (private config in ${session.dir.path}, removed when it ends).\n`);
		return await session.run(command, env);
	} finally {
		session.close();
	}
}
