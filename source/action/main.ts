// The GitHub Action's main step: logs in into a private directory for the rest of the job and
// points DOCKER_CONFIG and REGISTRY_AUTH_FILE there (GITHUB_ENV); the post step removes it. The
// runner user's own ~/.docker/config.json is never written (docs/ci.md §1, §5).
import {type Answers, defaultAnswers, resolveAnswers, trimOneNewline} from '../answers.js';
import {verifyStep} from '../cli/verify-step.js';
import {ACTION_PREFIX, createPrivateDir, privateBase, removePrivateDir} from '../exec/private-dir.js';
import {PrivateLoginError, privateVariables, writePrivateLogin} from '../exec/private-login.js';
import {sweepAbandoned} from '../exec/stale.js';
import {DEFAULT_TIMEOUT_MS} from '../verify/result.js';
import type {VerifyMode} from '../verify/verdict.js';
import {addMask, appendFileCommand, error, input, warning} from './workflow.js';

class InputError extends Error {}

function verifyMode(value: string): VerifyMode {
	if (value === '' || value === 'true') return 'on';
	if (value === 'false') return 'off';
	if (value === 'strict') return 'strict';
	throw new InputError(`verify: "${value}" is not one of true, false, strict.`);
}

function readInputs(): {answers: Answers; mode: VerifyMode; inherit: boolean} {
	const registry = input('registry');
	const username = input('username');
	// Not trimmed: a secret is used as given (only the newline a file or heredoc adds goes).
	const password = trimOneNewline(process.env.INPUT_PASSWORD ?? '');
	if (password !== '') {
		// Before anything else can print it; the base64 forms too, as config.json holds one.
		addMask(password);
		addMask(Buffer.from(`${username}:${password}`).toString('base64'));
	}
	if (registry === '') throw new InputError('registry is empty: give the registry host, e.g. registry: ghcr.io (docker.io for Docker Hub).');
	// biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression for the user to copy, not a JS template
	if (username === '') throw new InputError('username is empty: give the user or robot name, e.g. username: ${{ github.actor }}.');
	// biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression for the user to copy, not a JS template
	if (password === '') throw new InputError('password is empty: pass a secret, e.g. password: ${{ secrets.GITHUB_TOKEN }} (an unset secret is empty).');
	const answers = defaultAnswers();
	answers.credentials = [{registry, username, password, email: ''}];
	const inherit = input('inherit');
	if (!['', 'true', 'false'].includes(inherit)) throw new InputError(`inherit: "${inherit}" is not one of true, false.`);
	return {answers, mode: verifyMode(input('verify')), inherit: inherit === 'true'};
}

async function main(): Promise<number> {
	sweepAbandoned(process.env, line => console.log(`regauth: ${line}`));
	const {answers, mode, inherit} = readInputs();
	const resolution = resolveAnswers(answers);
	if (resolution.issues.length > 0) throw new InputError(resolution.issues.map(issue => `${issue.field}: ${issue.message}`).join(' '));
	const verification = await verifyStep({answers, verify: {mode, insecure: false, timeoutMs: DEFAULT_TIMEOUT_MS}});
	for (const note of verification.notes) if (note.level !== 'info') warning(note.message);

	// RUNNER_TEMP is emptied at the start and end of every job: the safety net if post never runs.
	const dir = createPrivateDir(process.env.RUNNER_TEMP || privateBase(process.env), ACTION_PREFIX);
	try {
		appendFileCommand('GITHUB_STATE', 'dir', dir.path);
		await writePrivateLogin(dir, answers, resolution.credentials, {inherit, processEnv: process.env});
		const variables = privateVariables(dir);
		for (const [name, value] of Object.entries(variables)) appendFileCommand('GITHUB_ENV', name, value);
	} catch (failure) {
		removePrivateDir(dir.path);
		throw failure;
	}
	const host = resolution.credentials[0]!.host;
	console.log(`regauth: logged in to ${host} for this job: DOCKER_CONFIG and REGISTRY_AUTH_FILE point into ${dir.path}, which the post step removes.`);
	if (process.env.DOCKER_AUTH_CONFIG)
		warning('DOCKER_AUTH_CONFIG is set in this job: docker 28.3 and later read logins from it before DOCKER_CONFIG, so it may shadow this login.');
	return 0;
}

main().then(
	code => {
		process.exitCode = code;
	},
	failure => {
		const user = failure instanceof InputError || failure instanceof PrivateLoginError || typeof (failure as {exitCode?: unknown}).exitCode === 'number';
		error(user ? `regauth: ${(failure as Error).message}` : `regauth: unexpected error: ${(failure as Error)?.stack ?? String(failure)}`);
		process.exitCode = 1;
	},
);
