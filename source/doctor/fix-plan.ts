// `regauth doctor --fix` as a plan: each plain-text password goes into a keychain helper
// (`store` commands, which apply runs before any file), and docker's config keeps an empty
// entry plus a credHelpers route for it — what docker itself writes when a helper holds the
// secret (docs/formats.md §1.5). apply() then brings backups, the journal and `regauth undo`.
import type {ResolvedCredential} from '../answers.js';
import {authEntries, entrySecret, helperFor, secretMode} from '../authfile/meaning.js';
import type {Environment} from '../environment.js';
import {encodeAuth} from '../formats/docker-auth.js';
import {type AuthChanges, type AuthEntry, applyAuthChanges, readAuthFile} from '../formats/docker-config.js';
import {isPlainObject, maskJsonSecrets} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import {HELPER_NAME} from '../keychain/names.js';
import {helperStoreCommand} from '../keychain/store-command.js';
import {type Command, emptyPlan, finishPlan, type Note, type Plan, planned} from '../plan-types.js';
import {textArtifact} from '../targets/context.js';
import {launcherPlan} from '../targets/keychain-plan.js';
import type {DoctorFile} from './findings.js';

export interface FixPlan {
	plan: Plan;
	moved: Array<{registry: string; username: string}>;
	skipped: Array<{registry: string; reason: string}>;
	/** Every form of the moved secrets, for scrubbing child output. */
	secrets: string[];
}

export function fixPlan(file: DoctorFile, helper: string, env?: Environment): FixPlan {
	const parsed = readAuthFile(file.state);
	const plan: Plan = emptyPlan({headless: `regauth doctor --fix --keychain ${helper}`});
	const result: FixPlan = {plan, moved: [], skipped: [], secrets: []};
	if (parsed.kind !== 'present') return result;
	const {doc} = parsed;

	const groups = new Map<string, Array<{key: string; credential: ResolvedCredential; auth: string}>>();
	for (const [key, entry] of authEntries(doc)) {
		const secret = entrySecret(entry);
		if (secret.kind === 'none') continue;
		if (secret.kind === 'undecodable') {
			result.skipped.push({registry: key, reason: `its "auth" does not decode (${secret.message}); log in again instead`});
			continue;
		}
		const normal = registryKey(key);
		const routed = helperFor(doc, key) ?? (normal.ok ? helperFor(doc, normal.value.key) : undefined);
		if (routed) {
			// Moving it would overwrite what that helper holds with a copy docker never used.
			result.skipped.push({
				registry: key,
				reason: `docker already asks docker-credential-${routed.name} (${routed.via}) and ignores this copy; delete it by hand once the helper holds the right password`,
			});
			continue;
		}
		if (!normal.ok) {
			result.skipped.push({registry: key, reason: 'not a registry address regauth understands'});
			continue;
		}
		const email = isPlainObject(entry) && typeof entry.email === 'string' ? entry.email : '';
		const credential: ResolvedCredential = {...normal.value, notes: [], username: secret.username, password: secret.password, email};
		const auth = isPlainObject(entry) && typeof entry.auth === 'string' ? entry.auth : '';
		groups.set(normal.value.key, [...(groups.get(normal.value.key) ?? []), {key, credential, auth}]);
	}

	const changes: AuthChanges = {auths: {}, credHelpers: {}, removeAuths: []};
	const commands: Command[] = [];
	const notes: Note[] = [];
	for (const [key, items] of groups) {
		// docker looks the exact key up first, so that copy is the one in use.
		const chosen = items.find(item => item.key === key) ?? items[0]!;
		const entry: AuthEntry = chosen.credential.email === '' ? {} : {email: chosen.credential.email};
		changes.auths[key] = entry;
		changes.credHelpers![key] = helper;
		changes.removeAuths!.push(...items.map(item => item.key).filter(other => other !== key));
		commands.push(helperStoreCommand('docker', helper, chosen.credential, env));
		result.moved.push({registry: chosen.credential.host, username: chosen.credential.username});
		const {username, password} = chosen.credential;
		result.secrets.push(password, JSON.stringify(password).slice(1, -1), encodeAuth(username, password), ...items.map(item => item.auth).filter(Boolean));
		if (items.length > 1) {
			const others = items.filter(item => item !== chosen).map(item => item.key);
			notes.push({
				level: 'info',
				target: 'docker',
				message: `${others.join(', ')} also held a password for ${chosen.credential.host}; docker used the one under ${chosen.key}, which moves; the other${others.length > 1 ? 's are' : ' is'} removed.`,
			});
		}
	}
	for (const skipped of result.skipped) notes.push({level: 'warning', target: 'docker', message: `${skipped.registry} stays as it is: ${skipped.reason}.`});
	plan.notes = notes;
	if (result.moved.length === 0) {
		finishPlan(plan);
		return result;
	}

	const text = applyAuthChanges(parsed, changes);
	const {mode} = secretMode(file.state.mode);
	plan.artifacts.push(
		planned(
			textArtifact({
				id: 'docker:config',
				target: 'docker',
				title: `Docker config.json (passwords moved to docker-credential-${helper})`,
				path: file.path,
				mode,
				secret: true,
				base: file.state,
				text,
				redacted: maskJsonSecrets(text),
				userConfig: true,
			}),
		),
	);
	plan.commands = commands;
	if (env && helper === HELPER_NAME) {
		// regauth's own helper, run from its bundle now; docker needs it on PATH later: the same
		// launcher a --keychain regauth apply writes, when it is not there yet.
		const launcher = launcherPlan(env, 'docker');
		plan.artifacts.push(...launcher.artifacts.map(planned));
		plan.notes.push(...launcher.notes);
	}
	plan.secrets = result.secrets;
	finishPlan(plan);
	return result;
}
