// Mesos/Marathon: docker.tar.gz holding .docker/ (0700) and .docker/config.json (0600), which
// the Mesos fetcher unpacks into the sandbox so `docker pull` runs with HOME=<sandbox>; and a
// Marathon app that fetches it with `fetch` (`uris` is deprecated). docs/formats.md §5.

import {authEntry} from '../../authfile/meaning.js';
import {applyAuthChanges} from '../../formats/docker-config.js';
import {octal} from '../../formats/file-mode.js';
import {maskJsonSecrets} from '../../formats/json-text.js';
import {TAR_MTIME_MS, tarGz} from '../../formats/tar-gz.js';
import type {ArchiveEntry, Artifact, Note} from '../../plan-types.js';
import {projectPath, type TargetContext, type TargetPlanner, textArtifact, utf8} from '../context.js';
import {installCommand} from '../install.js';
import {lazyContent} from '../lazy-content.js';

/** The docker config.json inside the archive, as `docker login` would write it. */
export function archivedConfig(ctx: TargetContext): string {
	const auths = Object.fromEntries(ctx.credentials.map(credential => [credential.key, authEntry(credential)]));
	return applyAuthChanges({kind: 'absent'}, {auths});
}

/** `ls -l`-style permission bits, as `tar -tv` prints them. */
function permissions(mode: number, directory: boolean): string {
	const bits = ['r', 'w', 'x'];
	let out = directory ? 'd' : '-';
	for (let shift = 6; shift >= 0; shift -= 3) {
		for (let bit = 0; bit < 3; bit++) out += mode & (1 << (shift + 2 - bit)) ? bits[bit] : '-';
	}
	return out;
}

/** What `tar -tzvf docker.tar.gz` shows, then the member's content with the secret masked. */
export function archiveListing(entries: ArchiveEntry[]): string {
	const stamp = new Date(TAR_MTIME_MS).toISOString().slice(0, 16).replace('T', ' ');
	const lines = entries.map(
		entry => `${permissions(entry.mode, entry.type === 'directory')} root/root ${String(entry.size).padStart(9)} ${stamp} ${entry.name}`,
	);
	for (const entry of entries) {
		if (entry.redacted !== undefined) lines.push('', `${entry.name}:`, entry.redacted);
	}
	return `${lines.join('\n')}\n`;
}

function exampleImage(ctx: TargetContext): string {
	if (ctx.answers.mesos.image !== '') return ctx.answers.mesos.image;
	const first = ctx.credentials[0];
	if (!first) return 'registry.example.com/team/app:1.0';
	return `${first.host}/${first.robot?.namespace ?? 'team'}/app:1.0`;
}

/** The agent path of a file:// URI; undefined for remote or unparsable URIs. */
function localPath(uri: string): string | undefined {
	if (!uri.startsWith('file://')) return undefined;
	try {
		return decodeURIComponent(new URL(uri).pathname);
	} catch {
		return undefined;
	}
}

export function marathonApp(ctx: TargetContext): string {
	const {uri, appId} = ctx.answers.mesos;
	const app = {
		id: appId,
		instances: 1,
		cpus: 0.1,
		mem: 128,
		container: {type: 'DOCKER', docker: {image: exampleImage(ctx)}},
		fetch: [{uri}],
	};
	return `${JSON.stringify(app, null, 2)}\n`;
}

export const mesos: TargetPlanner = {
	plan(ctx: TargetContext) {
		const notes: Note[] = [];
		const config = archivedConfig(ctx);
		const configBytes = utf8(config);
		const entries: ArchiveEntry[] = [
			{name: '.docker/', mode: 0o700, type: 'directory', size: 0},
			{name: '.docker/config.json', mode: 0o600, type: 'file', size: configBytes.length, redacted: maskJsonSecrets(config)},
		];
		const path = projectPath(ctx, 'mesos', 'docker.tar.gz');
		const {uri} = ctx.answers.mesos;
		const local = localPath(uri);
		const archive: Artifact = lazyContent(
			{
				id: 'mesos:archive',
				target: 'mesos',
				title: 'docker.tar.gz for the Mesos fetcher',
				path,
				...(local ? {installPath: local, install: [installCommand(path, local, octal(0o600))]} : {}),
				mode: 0o600,
				dirMode: 0o700,
				secret: true,
				bytes: new Uint8Array(0),
				text: null,
				redacted: archiveListing(entries),
				entries,
				changed: true,
			},
			() => ({
				text: null,
				// The gzip'd tar only apply writes: the preview shows the listing above.
				bytes: tarGz(entries.map(entry => ({name: entry.name, mode: entry.mode, ...(entry.type === 'file' ? {data: configBytes} : {})}))),
			}),
		);
		const app = marathonApp(ctx);
		const appArtifact = textArtifact({
			id: 'mesos:marathon-app',
			target: 'mesos',
			title: 'Marathon app that fetches docker.tar.gz',
			path: projectPath(ctx, 'mesos', 'marathon-app.json'),
			mode: 0o644,
			dirMode: 0o700,
			secret: false,
			text: app,
			redacted: app,
		});
		notes.push({
			level: 'info',
			target: 'mesos',
			message: local
				? `Put docker.tar.gz at ${local} on every agent that may run the app (the install command does it on one machine), then deploy mesos/marathon-app.json: the fetcher unpacks it into the sandbox and docker pulls with HOME set there.`
				: `Upload docker.tar.gz to ${uri} (every agent must reach it; it holds the password, so protect that URL), then deploy mesos/marathon-app.json.`,
		});
		if (ctx.answers.keychain.kind !== 'file') {
			notes.push({
				level: 'info',
				target: 'mesos',
				message: "Mesos agents do not see this machine's keychain: docker.tar.gz holds the password itself (base64, not encryption).",
			});
		}
		notes.push({
			level: 'info',
			target: 'mesos',
			message: 'Mesos and Marathon are end-of-life upstream; the app uses "fetch", which replaced the deprecated "uris".',
		});
		return {artifacts: [archive, appArtifact], commands: [], notes};
	},
};
