// How an apply, a rotation or a logout changes the inventory. Pure: the plan says what went
// where; the answers say how (minus the password), so rotate can plan the same thing again.
import type {Answers, Credential} from '../answers.js';
import type {Environment} from '../environment.js';
import {registryKey} from '../formats/registry-key.js';
import type {ApplyMode, Plan} from '../plan-types.js';
import {jwtExpiry} from '../registries/jwt-expiry.js';
import {targetSpec} from '../targets/specs.js';
import type {Inventory, Login, Place, RecordedAnswers} from './schema.js';

export interface RecordInput {
	answers: Answers;
	plan: Plan;
	mode: ApplyMode;
	machine: Pick<Environment, 'cwd' | 'kube'>;
	now: Date;
	/** --expires, resolved to a time. */
	expires?: Date;
	/** Ids of the files and commands the apply completed; absent: as planned (a preview). */
	applied?: ReadonlySet<string>;
	/** Credentials written again unchanged (rotate's other registries of a shared file): their records stay. */
	carried?: readonly Credential[];
}

function recordedAnswers(answers: Answers, credential: Credential, cwd: string): RecordedAnswers {
	const {credentials: _credentials, ...rest} = answers;
	return {...structuredClone(rest), cwd, registry: credential.registry, email: credential.email};
}

/** The places of one credential in a plan: files holding it, the keychain, the Secrets kubectl applies. */
export function placesOf(input: Pick<RecordInput, 'answers' | 'plan' | 'mode' | 'machine' | 'applied'>, host: string): Place[] {
	const {answers, plan, mode} = input;
	// Only what the apply completed: a file that failed or a kubectl apply that was refused holds nothing.
	const done = (id: string) => input.applied === undefined || input.applied.has(id);
	const chosen = new Set(plan.modes[mode].artifacts.filter(done));
	const helper = answers.keychain.kind === 'regauth' ? 'regauth' : answers.keychain.kind === 'helper' ? answers.keychain.name : undefined;
	const places: Place[] = [];
	for (const artifact of plan.artifacts) {
		if (!artifact.secret || !chosen.has(artifact.id) || artifact.id.startsWith('inventory')) continue;
		// A target that writes a file per registry: only this registry's is its place.
		if (targetSpec(artifact.target).lifecycle?.filePerRegistry && !artifact.id.endsWith(`:${host}`)) continue;
		const routed = helper && (artifact.target === 'docker' || artifact.target === 'podman');
		places.push({kind: artifact.target, path: artifact.installPath ?? artifact.path, title: artifact.title, ...(routed ? {helper} : {})});
	}
	if (helper && places.some(place => place.helper)) places.push({kind: 'keychain', title: `keychain item via docker-credential-${helper}`, helper});
	const commands = new Set(plan.modes[mode].commands.filter(done));
	for (const command of plan.commands) {
		if (!commands.has(command.id) || !command.id.startsWith('kubernetes:apply:')) continue;
		// The id names the folder: `<namespace>`, or `<context>/<namespace>` with several contexts.
		const folder = command.id.slice('kubernetes:apply:'.length);
		const slash = folder.indexOf('/');
		const namespace = slash === -1 ? folder : folder.slice(slash + 1);
		const named = slash === -1 ? (answers.kubernetes.contexts[0] ?? '') : folder.slice(0, slash);
		const context = named === '' || named === 'current-context' ? input.machine.kube?.current || '' : named;
		const file = plan.artifacts.find(artifact => artifact.id === `kubernetes:secret:${folder}`)?.path;
		places.push({kind: 'kubernetes', ...(file ? {path: file} : {}), title: command.title, applied: {context, namespace}});
	}
	return places;
}

function expiryOf(credential: Credential, expires: Date | undefined): Pick<Login, 'expiresAt' | 'expirySource'> {
	if (expires) return {expiresAt: expires.toISOString(), expirySource: 'flag'};
	// A token a cloud CLI minted carries its expiry (issue 17 puts it on the credential).
	const minted = (credential as {expiresAt?: unknown}).expiresAt;
	if (typeof minted === 'string' && !Number.isNaN(Date.parse(minted))) return {expiresAt: new Date(minted).toISOString(), expirySource: 'minted'};
	const fromToken = jwtExpiry(credential.password);
	return fromToken ? {expiresAt: fromToken.toISOString(), expirySource: 'jwt'} : {};
}

const samePlace = (a: Place, b: Place) =>
	a.kind === b.kind && a.path === b.path && a.helper === b.helper && a.applied?.context === b.applied?.context && a.applied?.namespace === b.applied?.namespace;

/**
 * The inventory after an apply: each credential's login replaced by what this apply wrote for
 * it. A place another login held is taken over (the file now holds the new one); logins left
 * with no place are dropped.
 */
export function recordApply(inventory: Inventory, input: RecordInput): Inventory {
	let logins = inventory.logins;
	for (const credential of input.answers.credentials) {
		const parsed = registryKey(credential.registry);
		if (!parsed.ok) continue;
		const {key, host} = parsed.value;
		const places = placesOf(input, host);
		if (places.length === 0) continue;
		const previous = logins.find(login => login.registry === key && login.username === credential.username);
		// Same secret, same files: when and until when it was configured do not change.
		if (previous && input.carried?.includes(credential)) continue;
		// Places of this registry another apply wrote (other targets) stay theirs; so does a Secret
		// applied before that this apply did not apply again (failed, or files only): it is still there.
		const kept = (previous?.places ?? []).filter(
			place => !places.some(next => samePlace(place, next)) && (!input.answers.targets.includes(place.kind as never) || place.applied !== undefined),
		);
		const login: Login = {
			registry: key,
			username: credential.username,
			configured: input.now.toISOString(),
			...expiryOf(credential, input.expires),
			places: [...kept, ...places],
			answers: recordedAnswers(input.answers, credential, input.machine.cwd),
		};
		// The same login written again (nothing changed): the record stays as it was, so an apply
		// that changed nothing leaves nothing for undo either.
		if (previous && JSON.stringify({...previous, configured: ''}) === JSON.stringify({...login, configured: ''})) continue;
		logins = logins
			.map(other =>
				other !== previous && other.registry === key
					? {...other, places: other.places.filter(place => !login.places.some(next => samePlace(place, next)))}
					: other,
			)
			.filter(other => other === previous || other.places.length > 0);
		logins = previous ? logins.map(other => (other === previous ? login : other)) : [...logins, login];
	}
	return {version: 1, logins};
}

/**
 * The inventory without these registries' logins (keys as registryKey().key), except the places
 * `stays` says are still there (a Secret applied to a cluster that logout did not delete): the
 * login keeps those, so a later `logout --kubernetes` still finds them.
 */
export function recordLogout(inventory: Inventory, keys: readonly string[], stays: (login: Login, place: Place) => boolean = () => false): Inventory {
	const logins = inventory.logins
		.map(login => (keys.includes(login.registry) ? {...login, places: login.places.filter(place => stays(login, place))} : login))
		.filter(login => login.places.length > 0);
	return {version: 1, logins};
}
