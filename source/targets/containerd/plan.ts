// containerd: registry credentials in the CRI plugin's `configs."<host>".auth`, and
// certs.d/<host>/hosts.toml for mirrors and CAs (docs/node-configs.md §containerd). Where the
// auth goes depends on config.toml: a drop-in is safe only when config.toml has no CRI section
// (an imported CRI section replaces the main one whole); otherwise it is appended in place.
import {join} from 'node:path';
import {MASK} from '../../formats/json-text.js';
import {
	CONTAINERD_CERTS_DIR,
	CONTAINERD_DROP_IN_DIR,
	type ContainerdAuth,
	type ContainerdEdit,
	containerdEdit,
	containerdHost,
	hostsDirectory,
	hostsToml,
} from '../../formats/nodes/containerd.js';
import type {Artifact, Note} from '../../plan-types.js';
import {blockedOutput, machinePath, refusedMerge, type TargetContext, type TargetOutput, type TargetPlanner, textArtifact} from '../context.js';
import {placedFields, placeSystemFile, stagedFor} from '../system-file.js';
import {CONTAINERD_DIR} from './spec.js';

export const CONTAINERD_CONFIG = `${CONTAINERD_DIR}/config.toml`;
export const CONTAINERD_DROP_IN = `${CONTAINERD_DROP_IN_DIR}/50-regauth-registry-auth.toml`;

/** Every credential value in TOML text masked (the file may hold other registries' passwords). */
export function maskTomlSecrets(text: string): string {
	return text.replace(/((?:\b|["'])(?:password|auth|identitytoken)["']?\s*=\s*)("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')/g, `$1"${MASK}"`);
}

const PLUGIN_NAMES =
	'containerd 1.6/1.7 read config version 2 (plugin io.containerd.grpc.v1.cri); 2.x reads version 3 (io.containerd.cri.v1.images) and still reads version 2';

export const containerd: TargetPlanner = {
	reads: ctx => [machinePath(ctx, CONTAINERD_CONFIG), machinePath(ctx, CONTAINERD_DROP_IN)],
	plan(ctx: TargetContext): TargetOutput {
		const {version, mirrors, caFile} = ctx.answers.containerd;
		const staged = stagedFor(ctx, CONTAINERD_DIR);
		const configRead = machinePath(ctx, CONTAINERD_CONFIG);
		const base = ctx.env.files[configRead] ?? {exists: false};
		const dropInBase = ctx.env.files[machinePath(ctx, CONTAINERD_DROP_IN)] ?? {exists: false};
		const place = (destination: string, mode: number) => placedFields(placeSystemFile(ctx, CONTAINERD_DIR, destination, 'containerd', mode));
		if (base.error)
			return refusedMerge({id: 'containerd:config', target: 'containerd', title: 'containerd config.toml', path: configRead, base, reason: base.error});
		if (dropInBase.error)
			return refusedMerge({
				id: 'containerd:drop-in',
				target: 'containerd',
				title: 'containerd auth drop-in',
				path: machinePath(ctx, CONTAINERD_DROP_IN),
				base: dropInBase,
				reason: dropInBase.error,
			});

		const entries: ContainerdAuth[] = ctx.credentials.map(credential => ({
			host: credential.host,
			username: credential.username,
			password: credential.password,
		}));
		const configPath = mirrors.length > 0 || caFile !== '' ? CONTAINERD_CERTS_DIR : undefined;
		const edit = (list: ContainerdAuth[]): ContainerdEdit =>
			containerdEdit(base.exists ? base.text : undefined, list, version, {
				...(dropInBase.exists && dropInBase.text !== undefined ? {dropIn: dropInBase.text} : {}),
				...(configPath ? {configPath} : {}),
			});
		const result = edit(entries);
		const notes: Note[] = [];
		const artifacts: Artifact[] = [];
		// A merge keeps its base only where it is written: a staged copy is compared with nothing.
		const withBase = (state: typeof base) => (staged ? {} : {base: state});

		if (result.status === 'malformed') {
			const path = result.reason.startsWith('the drop-in') ? machinePath(ctx, CONTAINERD_DROP_IN) : configRead;
			return refusedMerge({
				id: 'containerd:config',
				target: 'containerd',
				title: 'containerd config',
				path,
				base: path === configRead ? base : dropInBase,
				reason: `not valid TOML (${result.reason})`,
			});
		}
		if (result.status === 'manual') {
			const snippet = maskTomlSecrets(result.snippet);
			const message = `${CONTAINERD_CONFIG}: ${result.reason}. regauth will not edit it; add this (with the real password) yourself:\n${snippet}`;
			return blockedOutput(
				{id: 'containerd:config', target: 'containerd', title: 'containerd config.toml', ...place(CONTAINERD_CONFIG, 0o600), mode: 0o600, secret: true},
				message,
			);
		}
		const form = result.generation === '2.x' ? 'version 3 (containerd 2.x)' : 'version 2 (containerd 1.6/1.7, also read by 2.x)';
		if (result.status === 'drop-in') {
			artifacts.push(
				textArtifact({
					id: 'containerd:drop-in',
					target: 'containerd',
					title: `containerd auth drop-in (${form})`,
					...place(CONTAINERD_DROP_IN, 0o600),
					...withBase(dropInBase),
					mode: 0o600,
					dirMode: staged ? 0o700 : 0o755,
					secret: true,
					text: result.dropIn,
					redacted: maskTomlSecrets(result.dropIn),
				}),
			);
			if (result.imports.status === 'insert') {
				artifacts.push(
					textArtifact({
						id: 'containerd:config',
						target: 'containerd',
						title: `containerd config.toml: imports ${CONTAINERD_DROP_IN_DIR}/*.toml`,
						...place(CONTAINERD_CONFIG, base.mode ?? 0o644),
						...withBase(base),
						mode: base.mode ?? 0o644,
						dirMode: staged ? 0o700 : 0o755,
						secret: false,
						text: result.imports.text,
						redacted: result.imports.text,
					}),
				);
			} else if (result.imports.status === 'manual') {
				notes.push({
					level: 'warning',
					target: 'containerd',
					message: `${CONTAINERD_CONFIG}: ${result.imports.reason}; until then containerd does not read the drop-in.`,
				});
			}
		} else {
			artifacts.push(
				textArtifact({
					id: 'containerd:config',
					target: 'containerd',
					title: `containerd config.toml: registry auth appended (${form})`,
					...place(CONTAINERD_CONFIG, 0o600),
					...withBase(base),
					mode: 0o600,
					dirMode: staged ? 0o700 : 0o755,
					secret: true,
					text: result.text,
					redacted: maskTomlSecrets(result.text),
				}),
			);
			notes.push({
				level: 'info',
				target: 'containerd',
				message: `${CONTAINERD_CONFIG} has its own CRI section, so the auth is appended there (a drop-in's CRI section would replace it whole); the file now holds a password and becomes 0600.`,
			});
			if (result.configPath === 'added') {
				notes.push({
					level: 'info',
					target: 'containerd',
					message: `config_path = "${CONTAINERD_CERTS_DIR}" is added to its registry section, so containerd reads the hosts.toml files.`,
				});
			} else if (result.configPath === 'mirrors' || result.configPath === 'tls' || result.configPath === 'manual') {
				notes.push({
					level: 'warning',
					target: 'containerd',
					message:
						result.configPath === 'mirrors'
							? `${CONTAINERD_CONFIG} has registry.mirrors, which containerd refuses together with config_path: move those mirrors into ${CONTAINERD_CERTS_DIR}/<host>/hosts.toml and set config_path = "${CONTAINERD_CERTS_DIR}" yourself; until then containerd does not read the hosts.toml files.`
							: result.configPath === 'tls'
								? `${CONTAINERD_CONFIG} has registry.configs.<host>.tls, which containerd refuses together with config_path: move those TLS settings into ${CONTAINERD_CERTS_DIR}/<host>/hosts.toml (ca, client, skip_verify) and set config_path = "${CONTAINERD_CERTS_DIR}" yourself; until then containerd does not read the hosts.toml files.`
								: `containerd reads certs.d only when the CRI registry section sets config_path = "${CONTAINERD_CERTS_DIR}": add it to ${CONTAINERD_CONFIG} (regauth could not add it without changing more of the file).`,
				});
			}
		}
		if (configPath) {
			for (const credential of ctx.credentials) {
				const destination = join(CONTAINERD_CERTS_DIR, hostsDirectory(credential.host), 'hosts.toml');
				const text = hostsToml({host: credential.host, mirrors, ...(caFile ? {caFile} : {})});
				artifacts.push(
					textArtifact({
						id: `containerd:hosts:${credential.host}`,
						target: 'containerd',
						title: `containerd hosts.toml for ${credential.host}${mirrors.length > 0 ? ` (mirror${mirrors.length > 1 ? 's' : ''} first)` : ''}`,
						...place(destination, 0o644),
						mode: 0o644,
						dirMode: staged ? 0o700 : 0o755,
						secret: false,
						text,
						redacted: text,
					}),
				);
			}
			if (mirrors.length > 0) {
				const hosts = mirrors.map(mirror => new URL(mirror).host).join(', ');
				notes.push({
					level: 'info',
					target: 'containerd',
					message: `containerd sends credentials by the host it contacts: pulls served by ${hosts} use configs for that host, not ${ctx.credentials.map(credential => containerdHost(credential.host)).join(', ')}. If the mirror needs a login, run regauth for it too (-r ${hosts.split(', ')[0]}).`,
				});
			}
		}
		if (staged) {
			notes.push({
				level: 'warning',
				target: 'containerd',
				message: `${CONTAINERD_DIR} is not writable by this user: regauth writes the files under the output directory; install them with the commands shown, then delete the staged copies (they hold the password).`,
			});
		}
		if (ctx.credentials.some(credential => credential.isDockerHub)) {
			notes.push({
				level: 'info',
				target: 'containerd',
				message: 'containerd looks Docker Hub up as registry-1.docker.io (the host it contacts), so that is the key written.',
			});
		}
		notes.push({
			level: 'info',
			target: 'containerd',
			message: `${PLUGIN_NAMES}. Restart containerd to load the auth (sudo systemctl restart containerd); check with: containerd --config ${CONTAINERD_CONFIG} config dump. configs.auth is deprecated upstream but read by 1.6, 1.7 and 2.x; credentials the kubelet sends win over it.`,
		});
		const followUps = [
			{text: `sudo containerd --config ${CONTAINERD_CONFIG} config dump | grep -A3 'configs'   — shows the auth containerd will use (on the node)`},
			{text: 'sudo systemctl restart containerd   — loads it'},
		];
		return {artifacts, commands: [], notes, followUps};
	},
};
