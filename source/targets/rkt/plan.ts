// rkt: one /etc/rkt/auth.d/<host>.json per registry, 0600, root's (docs/formats.md §4). When
// this user cannot write there, the file is staged under the output directory and the review
// shows the `sudo install` that puts it in place.
import {join} from 'node:path';
import {RKT_AUTH_DIR, rktAuthJson, rktFileName} from '../../formats/rkt-auth.js';
import type {Artifact, Note} from '../../plan-types.js';
import {machinePath, projectPath, type TargetContext, type TargetPlanner, textArtifact} from '../context.js';
import {installCommand} from '../install.js';

export const rkt: TargetPlanner = {
	plan(ctx: TargetContext) {
		const {kind} = ctx.answers.rkt;
		const notes: Note[] = [];
		const writable = ctx.env.writable[RKT_AUTH_DIR] === true;
		const staged = ctx.answers.destdir === '' && !writable;
		const artifacts: Artifact[] = ctx.credentials.map(credential => {
			const name = rktFileName(credential, kind);
			const destination = join(RKT_AUTH_DIR, name);
			const path = staged ? projectPath(ctx, 'rkt', 'auth.d', name) : machinePath(ctx, destination);
			const moved = path !== destination;
			return textArtifact({
				id: `rkt:auth:${credential.key}`,
				target: 'rkt',
				title: `rkt ${kind} for ${credential.host}`,
				path,
				...(moved ? {installPath: destination, install: [installCommand(path, destination, '0600')]} : {}),
				mode: 0o600,
				// /etc/rkt/auth.d is root's 0755 on a real machine; a staging copy stays private.
				dirMode: staged ? 0o700 : 0o755,
				secret: true,
				text: rktAuthJson(credential, kind),
				redacted: rktAuthJson(credential, kind, true),
			});
		});
		if (staged && artifacts.length > 0) {
			notes.push({
				level: 'warning',
				target: 'rkt',
				message: `${RKT_AUTH_DIR} is not writable by this user: regauth writes the file${artifacts.length > 1 ? 's' : ''} under ${projectPath(ctx, 'rkt', 'auth.d')} (0600); install with the command shown, then delete the staged copy (it holds the password).`,
			});
		}
		if (kind === 'auth') {
			notes.push({
				level: 'info',
				target: 'rkt',
				message:
					'rktKind "auth" (type basic) applies to HTTPS/ACI image and signature downloads, not to docker:// images; use --rkt-kind dockerAuth for those.',
			});
		}
		if (ctx.credentials.some(credential => credential.isDockerHub) && kind === 'dockerAuth') {
			notes.push({level: 'info', target: 'rkt', message: 'rkt looks Docker Hub up as registry-1.docker.io, so that is the name in its file.'});
		}
		if (ctx.answers.keychain.kind !== 'file') {
			notes.push({level: 'info', target: 'rkt', message: 'rkt has no credential helpers: its auth.d file holds the password itself.'});
		}
		notes.push({level: 'info', target: 'rkt', message: 'rkt ended in 2020 (rkt/rkt "End of project"); these files are for machines that still run it.'});
		return {artifacts, commands: [], notes};
	},
};
