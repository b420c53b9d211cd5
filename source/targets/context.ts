// What every target receives and returns, and where its files go.
import {isAbsolute, join, resolve} from 'node:path';
import type {Answers, ResolvedCredential, TargetId} from '../answers.js';
import type {Environment, FileState} from '../environment.js';
import type {Artifact, Command, FollowUp, Note} from '../plan-types.js';

export interface TargetContext {
	answers: Answers;
	/** The credentials that passed validation, normalised. */
	credentials: ResolvedCredential[];
	env: Environment;
}

export interface TargetOutput {
	artifacts: Artifact[];
	commands: Command[];
	notes: Note[];
	/** What proves the target works once applied, with the real paths. */
	followUps?: FollowUp[];
}

export type {TargetPlanner} from './declaration.js';

/** A file that belongs at a fixed place on the machine: staged under --destdir when given. */
export function machinePath(ctx: Pick<TargetContext, 'answers' | 'env'>, path: string): string {
	return ctx.answers.destdir ? join(resolveDir(ctx.answers.destdir, ctx.env.cwd), path) : path;
}

/** A file the user takes elsewhere (manifest, archive, Butane): goes under --output-dir. */
export function projectPath(ctx: Pick<TargetContext, 'answers' | 'env'>, ...parts: string[]): string {
	return join(resolveDir(ctx.answers.outputDir, ctx.env.cwd), ...parts);
}

function resolveDir(dir: string, cwd: string): string {
	return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A user's config regauth cannot merge into (malformed, unreadable): planned as refused, untouched. */
export function refusedMerge(fields: {id: string; target: TargetId; title: string; path: string; base: FileState; reason: string}): TargetOutput {
	const message = `${fields.path} is ${fields.reason}. regauth will not touch it: fix or move the file, then run regauth again.`;
	const artifact: Artifact = {
		...textArtifact({
			id: fields.id,
			target: fields.target,
			title: fields.title,
			path: fields.path,
			mode: 0o600,
			secret: true,
			base: fields.base,
			text: '',
			redacted: `(not written: ${message})`,
		}),
		changed: false,
		blocked: message,
	};
	return {artifacts: [artifact], commands: [], notes: [{level: 'error', target: fields.target, message}]};
}

export function textArtifact(fields: Omit<Artifact, 'bytes' | 'text' | 'dirMode' | 'changed'> & {text: string; dirMode?: number; changed?: boolean}): Artifact {
	return {dirMode: 0o700, changed: true, ...fields, bytes: utf8(fields.text)};
}
