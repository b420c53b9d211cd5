// Reading credentials out of the files Quay hands a robot account (docs/formats.md §7): the Docker
// configuration JSON, the Kubernetes Secret YAML, the rkt JSON, and the `docker login` /
// `podman login` command line. Pure: the CLI reads the file; the wizard calls the same function.
import {parseAllDocuments} from 'yaml';
import {type Credential, robotAccount} from '../answers.js';
import {decodeAuth} from '../formats/docker-auth.js';
import {isPlainObject, parseJson} from '../formats/json-text.js';
import {registryKey} from '../formats/registry-key.js';
import {terminalText} from '../formats/terminal-text.js';
import {shellWords, type Word} from './shell-words.js';

export type ImportResult = {ok: true; credentials: Credential[]; found: string} | {ok: false; message: string};

type Found = {ok: true; credentials: Credential[]; shape: string} | {ok: false; message: string};

const fail = (message: string): {ok: false; message: string} => ({ok: false, message});

const SHAPES =
	'a Docker configuration (JSON with "auths"), a Kubernetes Secret (YAML), an rkt configuration (JSON with "rktKind"), or a saved docker/podman login command';

/** The registry as the rest of regauth spells it (docker.io for Docker Hub); kept as-is when invalid, so validation names it. */
function registryName(raw: string): string {
	const key = registryKey(raw);
	return key.ok ? key.value.host : raw;
}

function credential(registry: string, username: string, password: string, email = ''): Credential {
	return {registry: registryName(registry), username, password, email};
}

// ---- Docker configuration (Quay: {"auths": {host: {"auth": …, "email": ""}}}, 2-space indent) ----

function fromAuthEntries(entries: Record<string, unknown>, where: string): Found {
	const credentials: Credential[] = [];
	const keys = Object.keys(entries);
	if (keys.length === 0) return fail(`${where} lists no registries.`);
	for (const key of keys) {
		const entry = entries[key];
		const at = `${where} entry "${key}"`;
		if (!isPlainObject(entry)) return fail(`${at} is not an object with an "auth" value.`);
		const email = typeof entry.email === 'string' ? entry.email : '';
		if (typeof entry.auth === 'string' && entry.auth !== '') {
			const decoded = decodeAuth(entry.auth);
			if (!decoded.ok) return fail(`${at}: its "auth" value cannot be decoded (${decoded.message}); download the file from Quay again.`);
			if (decoded.password === '') {
				if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
					return fail(
						`${at} holds an identity token from a browser login, not a password; regauth needs the robot's token: download the robot's file from Quay.`,
					);
				}
				return fail(`${at}: its "auth" value has a user name (${decoded.username}) but no password.`);
			}
			credentials.push(credential(key, decoded.username, decoded.password, email));
			continue;
		}
		if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string' && entry.password !== '') {
			credentials.push(credential(key, entry.username, entry.password, email));
			continue;
		}
		if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
			return fail(`${at} holds an identity token from a browser login, not a password; regauth needs the robot's token: download the robot's file from Quay.`);
		}
		return fail(
			`${at} has no credentials (no "auth", or "username" and "password"): the secret may be in a credential helper; download the robot's file from Quay instead.`,
		);
	}
	return {ok: true, credentials, shape: ''};
}

function fromDockerConfig(doc: Record<string, unknown>, what: string): Found {
	if (isPlainObject(doc.auths)) {
		if (Object.keys(doc.auths).length === 0) {
			const helper =
				typeof doc.credsStore === 'string'
					? ` (the secrets are in the "${doc.credsStore}" credential helper)`
					: isPlainObject(doc.credHelpers)
						? ' (the secrets are in credential helpers)'
						: '';
			return fail(`${what} has an empty "auths": there is no credential in it${helper}.`);
		}
		const result = fromAuthEntries(doc.auths, `${what} "auths"`);
		return result.ok ? {...result, shape: what} : result;
	}
	if (doc.auths !== undefined) return fail(`${what}: "auths" must be an object of registry → {"auth": …}.`);
	// The legacy ~/.dockercfg layout: registries at the top level.
	const values = Object.values(doc);
	if (values.length > 0 && values.every(value => isPlainObject(value) && ('auth' in value || 'username' in value))) {
		const result = fromAuthEntries(doc, `${what} (legacy .dockercfg layout)`);
		return result.ok ? {...result, shape: `${what} (legacy .dockercfg layout)`} : result;
	}
	return fail(`${what} has no "auths": it is not a Docker configuration.`);
}

// ---- rkt (Quay: {"rktKind": "auth", "domains": [host], "type": "basic", "credentials": {user, password}}) ----

function fromRkt(doc: Record<string, unknown>): Found {
	const kind = doc.rktKind;
	if (kind !== 'auth' && kind !== 'dockerAuth')
		return fail(`the rkt configuration has rktKind "${String(kind)}"; only "auth" and "dockerAuth" files hold registry credentials.`);
	const listKey = kind === 'auth' ? 'domains' : 'registries';
	const hosts = doc[listKey];
	if (!Array.isArray(hosts) || hosts.length === 0 || !hosts.every(host => typeof host === 'string' && host !== '')) {
		return fail(`the rkt ${kind} configuration needs a non-empty "${listKey}" list of hosts.`);
	}
	if (kind === 'auth' && doc.type !== 'basic') {
		return fail(`the rkt auth configuration is of type "${String(doc.type)}"; only type "basic" carries a user and password.`);
	}
	const creds = doc.credentials;
	if (!isPlainObject(creds) || typeof creds.user !== 'string' || creds.user === '' || typeof creds.password !== 'string' || creds.password === '') {
		return fail('the rkt configuration needs "credentials" with a non-empty "user" and "password".');
	}
	const {user, password} = creds;
	return {ok: true, credentials: (hosts as string[]).map(host => credential(host, user, password)), shape: `an rkt ${kind} configuration`};
}

// ---- Kubernetes Secret (Quay: data: .dockerconfigjson: <base64>, type kubernetes.io/dockerconfigjson) ----

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fromSecret(secret: Record<string, unknown>): Found {
	const name = isPlainObject(secret.metadata) && typeof secret.metadata.name === 'string' ? ` ${secret.metadata.name}` : '';
	const type = typeof secret.type === 'string' ? secret.type : 'kubernetes.io/dockerconfigjson';
	const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
	if (type !== 'kubernetes.io/dockerconfigjson' && type !== 'kubernetes.io/dockercfg') {
		return fail(`the Kubernetes Secret${name} is of type ${type}; an image pull Secret is kubernetes.io/dockerconfigjson.`);
	}
	let json: string | undefined;
	const data = isPlainObject(secret.data) ? secret.data[key] : undefined;
	const stringData = isPlainObject(secret.stringData) ? secret.stringData[key] : undefined;
	if (typeof data === 'string') {
		const compact = data.replace(/\s+/g, '');
		if (!BASE64.test(compact)) return fail(`the Kubernetes Secret${name}: data.${key} is not valid base64.`);
		json = Buffer.from(compact, 'base64').toString('utf8');
	} else if (typeof stringData === 'string') {
		json = stringData;
	} else {
		return fail(`the Kubernetes Secret${name} has no data.${key}: it does not hold registry credentials.`);
	}
	const parsed = parseJson(json);
	if (!parsed.ok || !isPlainObject(parsed.value))
		return fail(`the Kubernetes Secret${name}: ${key} is not a JSON object (${parsed.ok ? 'wrong shape' : parsed.message}).`);
	const what = `the Kubernetes Secret${name}`;
	const result = key === '.dockercfg' ? fromAuthEntries(parsed.value, `${what} (.dockercfg)`) : fromDockerConfig(parsed.value, `${what}'s .dockerconfigjson`);
	return result.ok ? {...result, shape: `a Kubernetes Secret${name} (${key})`} : result;
}

// ---- docker / podman login command (Quay: docker login -u="org+bot" -p="TOKEN" quay.io) ----
// Reading the line Quay gives out, to take the token from its -p: regauth never runs it, and
// never passes a password as an argument itself (it goes to docker login on stdin).

const CLIENTS = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl']);
/** login flags that take a value (docker, podman, skopeo, buildah); others are switches. */
const VALUED = new Set(['-u', '--username', '-p', '--password', '-e', '--email', '--authfile', '--compat-auth-file', '--cert-dir', '--creds', '--config']);

function fromLoginCommand(words: Word[]): Found {
	let start = -1;
	for (let i = 0; i + 1 < words.length; i++) {
		const program = words[i]!.text.split('/').pop()!;
		if (!words[i]!.operator && CLIENTS.has(program) && words[i + 1]!.text === 'login') {
			start = i;
			break;
		}
	}
	if (start === -1) return fail('no docker/podman login command found.');
	const client = words[start]!.text.split('/').pop()!;
	const options: Record<string, Word> = {};
	const positionals: Word[] = [];
	let stdin = false;
	for (let i = start + 2; i < words.length && !words[i]!.operator; i++) {
		const word = words[i]!;
		// --name, --name=value, -u, -u=value, -uvalue (pflag's spellings)
		const long = /^(--[A-Za-z][\w-]*)(?:=(.*))?$/s.exec(word.text);
		const short = long ? null : /^(-[A-Za-z])(=?)(.*)$/s.exec(word.text);
		if (!long && !short) {
			positionals.push(word);
			continue;
		}
		const flag = long ? long[1]! : short![1]!;
		const value = long ? long[2] : short![2] === '' && short![3] === '' ? undefined : short![3];
		if (flag === '--password-stdin') stdin = true;
		if (!VALUED.has(flag)) continue;
		if (value === undefined) {
			const next = words[i + 1];
			if (!next || next.operator) return fail(`the ${client} login command ends after ${flag}: its value is missing.`);
			options[flag] = next;
			i++;
		} else {
			options[flag] = {text: value, expands: word.expands};
		}
	}
	const username = options['-u'] ?? options['--username'];
	const password = options['-p'] ?? options['--password'];
	if (!username || username.text === '') return fail(`the ${client} login command has no user name (-u).`);
	if (!password || password.text === '') {
		return fail(
			stdin
				? `the ${client} login command reads the password from stdin (--password-stdin), so the file does not contain it: use --password-stdin with regauth instead.`
				: `the ${client} login command has no password (-p).`,
		);
	}
	for (const [what, word] of [
		['user name', username],
		['password', password],
	] as const) {
		// The password's text is not repeated: it may hold part of a real secret.
		const shown = what === 'user name' ? ` (${word.text})` : '';
		if (word.expands)
			return fail(
				`the ${client} login command's ${what} is a shell expression${shown}, not the value itself; regauth does not run a shell: pass the token with --password-stdin instead.`,
			);
	}
	if (positionals.length > 1) return fail(`the ${client} login command names more than one registry (${positionals.map(word => word.text).join(', ')}).`);
	const server = positionals[0]?.text ?? (client === 'docker' ? 'docker.io' : '');
	if (server === '') return fail(`the ${client} login command names no registry; add it (e.g. quay.io) to the command.`);
	const email = options['-e'] ?? options['--email'];
	return {ok: true, credentials: [credential(server, username.text, password.text, email?.text ?? '')], shape: `a ${client} login command`};
}

// ---- detection ----

function fromJson(value: unknown): Found {
	if (!isPlainObject(value)) return fail('it is JSON but not an object.');
	if ('rktKind' in value) return fromRkt(value);
	if (value.kind === 'Secret') return fromSecret(value);
	const result = fromDockerConfig(value, 'the Docker configuration');
	return result.ok ? {...result, shape: result.shape.replace(/^the Docker configuration/, 'a Docker configuration')} : result;
}

function fromYaml(text: string): Found | undefined {
	let docs: ReturnType<typeof parseAllDocuments>;
	try {
		docs = parseAllDocuments(text);
	} catch {
		return undefined;
	}
	if (!Array.isArray(docs)) return undefined;
	for (const doc of docs) {
		if (doc.errors.length > 0) continue;
		const value: unknown = doc.toJS();
		if (isPlainObject(value) && value.kind === 'Secret') return fromSecret(value);
	}
	const broken = docs.find(doc => doc.errors.length > 0);
	if (broken && /^\s*(apiVersion|kind)\s*:/m.test(text))
		return fail(`it looks like Kubernetes YAML but does not parse: ${broken.errors[0]!.message.split('\n')[0]}`);
	if (docs.some(doc => isPlainObject(doc.toJS()) && 'kind' in (doc.toJS() as object))) return fail('it is Kubernetes YAML without a Secret in it.');
	return undefined;
}

function describe(credentials: Credential[]): string {
	return credentials
		.map(credential => {
			const robot = robotAccount(credential.username);
			return `${credential.registry} as ${credential.username}${robot ? ` (Quay robot account "${robot.name}" of ${robot.namespace})` : ''}`;
		})
		.join('; ');
}

/**
 * Credentials from the text of a file Quay gives a robot account. `fileName` only names the
 * file in messages. The result never contains the secret in `found` or `message`.
 */
export function importCredentials(text: string, fileName = 'the file'): ImportResult {
	let result: ImportResult;
	try {
		result = readCredentials(text, fileName);
	} catch (error) {
		// YAML alias bombs ("Excessive alias count"), JSON nested deeper than the stack: a hostile
		// or broken file, never a crash.
		const why = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message.split('\n')[0];
		result = fail(`${fileName} cannot be read as a credentials file: ${why}.`);
	}
	if (result.ok && result.credentials.length > MAX_LOGINS) {
		result = fail(`${fileName} holds ${result.credentials.length} logins; a robot account's file holds a few. Import a file with at most ${MAX_LOGINS}.`);
	}
	// Everything in these texts came from the file: shown escaped, never as terminal controls.
	return result.ok ? {...result, found: terminalText(result.found)} : fail(terminalText(result.message));
}

/** Quay's files hold one registry; a file with thousands was not made for this. */
const MAX_LOGINS = 100;

function readCredentials(text: string, fileName: string): ImportResult {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return fail(`${fileName} is empty: expected ${SHAPES}.`);
	if (body.startsWith('\x1f\uFFFD') || body.startsWith('\x1f\x8b')) {
		return fail(`${fileName} is a gzip archive (Quay's Mesos docker.tar.gz?): extract it (tar -xzf) and import .docker/config.json instead.`);
	}
	let found: Found | undefined;
	const trimmed = body.trimStart();
	if (trimmed.startsWith('{')) {
		const parsed = parseJson(body);
		found = parsed.ok ? fromJson(parsed.value) : fail(`it starts like JSON but is not valid JSON: ${parsed.message}`);
	} else if (/\b(docker|podman|buildah|skopeo|nerdctl)\s+login\b/.test(body)) {
		const split = shellWords(body);
		found = split.ok ? fromLoginCommand(split.words) : fail(`the login command cannot be read: ${split.message}`);
	} else {
		found = fromYaml(body);
	}
	if (!found) return fail(`${fileName} is not a credentials file regauth knows: expected ${SHAPES}.`);
	if (!found.ok) return fail(`${fileName}: ${found.message}`);
	return {
		ok: true,
		credentials: found.credentials,
		found: `${found.shape} with ${found.credentials.length === 1 ? 'one login' : `${found.credentials.length} logins`}: ${describe(found.credentials)}`,
	};
}
