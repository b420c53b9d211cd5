// The keychain's part of the plan, shared by every target (pure): the launcher that puts
// docker-credential-regauth on PATH, and the notes about where the secret ends up.
import {TARGET_IDS, type TargetId} from '../answers.js';
import {dirOnPath, launcherDir, launcherPath, launcherScript} from '../keychain/launcher.js';
import {HELPER_NAME, HELPER_PROGRAM, KEYCHAIN_SERVICE} from '../keychain/names.js';
import type {Note} from '../plan-types.js';
import {machinePath, type TargetContext, type TargetOutput, textArtifact} from './context.js';
import {routesToHelper, targetSpec} from './specs.js';

/** Targets whose config can point at a credential helper instead of holding the secret. */
export const HELPER_TARGETS: readonly TargetId[] = TARGET_IDS.filter(routesToHelper);

export function keychainPlan(ctx: TargetContext): TargetOutput {
	const {answers, env} = ctx;
	const notes: Note[] = [];
	const output: TargetOutput = {artifacts: [], commands: [], notes};
	const routed = answers.targets.filter(target => HELPER_TARGETS.includes(target));
	const holding = answers.targets.filter(target => !HELPER_TARGETS.includes(target));
	const keychain = answers.keychain.kind !== 'file';
	const remembered = ctx.credentials.filter(credential => credential.fromKeychain);

	for (const credential of remembered) {
		notes.push({
			level: 'info',
			message: `Using the credential for ${credential.host} remembered in the keychain (user ${credential.username}, item ${KEYCHAIN_SERVICE}/${credential.key}); nothing was retyped.`,
		});
	}
	if (holding.length > 0 && (keychain || remembered.length > 0)) {
		notes.push({
			level: 'warning',
			message: `${holding.map(target => targetSpec(target).outputName).join(', ')} cannot use a credential helper: ${holding.length === 1 ? 'that output holds' : 'those outputs hold'} the password itself (base64 is not encryption). Keep the files out of version control and share them only over a safe channel.`,
		});
	}
	if (keychain && routed.length === 0) {
		notes.push({level: 'info', message: '--keychain only changes where docker and podman read the secret; none of the chosen targets uses it.'});
	}
	if (answers.keychain.kind !== 'regauth' || routed.length === 0) return output;
	const launcher = launcherPlan(env, routed[0]!, answers.destdir);
	output.artifacts.push(...launcher.artifacts);
	notes.push(...launcher.notes);
	return output;
}

/**
 * The launcher that puts regauth's helper on PATH, when it is not there yet: what an apply with
 * regauth's keychain writes, and what `doctor --fix` writes when it moves passwords into it.
 * `destdir` stages it like every machine file.
 */
export function launcherPlan(env: TargetContext['env'], target: TargetId, destdir = ''): Pick<TargetOutput, 'artifacts' | 'notes'> {
	const output: Pick<TargetOutput, 'artifacts' | 'notes'> = {artifacts: [], notes: []};
	const notes = output.notes;
	if (env.helpers.includes(HELPER_NAME) || !env.regauthHelper) return output;
	const ctx = {env, answers: {destdir}};

	// docker finds helpers only on PATH; regauth's own bundle is not there when run through npx.
	const home = machinePath(ctx, launcherPath(env.home));
	const text = launcherScript(env.regauthHelper);
	output.artifacts.push({
		...textArtifact({
			id: 'keychain:launcher',
			target,
			title: `Launcher for ${HELPER_PROGRAM}`,
			path: home,
			mode: 0o755,
			dirMode: 0o755,
			secret: false,
			text,
			redacted: text,
		}),
		...(destdir ? {installPath: launcherPath(env.home)} : {}),
	});
	notes.push({
		level: 'info',
		message: `${HELPER_PROGRAM} is not on PATH, and docker, podman and skopeo run it from there to read the keychain: regauth writes a small launcher to ${launcherPath(env.home)}.`,
	});
	if (!dirOnPath(launcherDir(env.home), env.vars.PATH)) {
		notes.push({
			level: 'warning',
			message: `${launcherDir(env.home)} is not on PATH: add it (echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.profile, then log in again), and to the environment of any service that pulls, or docker fails with "${HELPER_PROGRAM}: executable file not found in $PATH".`,
		});
	}
	if (env.regauthHelper.npx) {
		notes.push({
			level: 'warning',
			message: `regauth runs from npx's cache, and the launcher points there; npm may clean that cache and break pulls. For a lasting setup install regauth (npm install && npm link in a checkout puts ${HELPER_PROGRAM} on PATH) and run regauth again.`,
		});
	}
	return output;
}
