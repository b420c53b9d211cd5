// regauth exec [login flags] -- COMMAND…: the login exists only for COMMAND, in a private
// directory (docs/ci.md §2). The same flags, verification and plan() as a headless run; what
// differs is where the files go and that they go away.
import {isatty} from 'node:tty';
import {resolveAnswers} from '../answers.js';
import {privateBase} from '../exec/private-dir.js';
import {PrivateLoginError, privateVariables, writePrivateLogin} from '../exec/private-login.js';
import {ExecSession} from '../exec/session.js';
import {sweepAbandoned} from '../exec/stale.js';
import type {Invocation} from './args.js';
import {FailureError, UsageError} from './errors.js';
import type {Io} from './headless.js';
import {readPasswordSources} from './password-sources.js';
import {verifyStep} from './verify-step.js';

async function readCredentials(invocation: Invocation, io: Io): Promise<void> {
	const {answers} = invocation;
	await readPasswordSources(invocation, io, {
		who: 'regauth exec',
		noRegistry: 'regauth exec needs --registry HOST --username USER --password-stdin before the --.',
		noPassword: () =>
			'--password-stdin is required: regauth reads the password only from stdin, e.g. printf \'%s\' "$TOKEN" | regauth exec … --password-stdin -- COMMAND (or --from-keychain, or --import FILE).',
		pipeExample: 'printf \'%s\' "$TOKEN" | regauth exec … --password-stdin -- COMMAND',
		prompt: false,
	});
	if (invocation.fromKeychain) {
		const [{prepareKeychain}, {probeEnvironment}] = await Promise.all([import('../keychain/prepare.js'), import('../probe.js')]);
		const prepared = await prepareKeychain(answers, await probeEnvironment(process.env), {fromKeychain: true});
		for (const use of prepared.remembered) io.stderr(`regauth exec: using the credential for ${use.host} remembered in the keychain (user ${use.username}).\n`);
	}
}

export async function runExec(invocation: Invocation, io: Io): Promise<number> {
	const {command, inherit} = invocation.exec!;
	sweepAbandoned(process.env, line => io.stderr(`regauth exec: ${line}\n`));
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
