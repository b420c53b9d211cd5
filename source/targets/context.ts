// What every target receives and returns, and where its files go.
import {isAbsolute, join, resolve} from 'node:path';
import type {Answers, ResolvedCredential, TargetId} from '../answers.js';
import {secretMode} from '../authfile/meaning.js';
import type {Environment, FileState} from '../environment.js';
import type {AuthFile} from '../formats/docker-config.js';
import {octal} from '../formats/file-mode.js';
import {maskJsonSecrets} from '../formats/json-text.js';
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
export function machinePath(ctx: {answers: Pick<Answers, 'destdir'>; env: Pick<Environment, 'cwd'>}, path: string): string {
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
	const {id, target, title, path, base, reason} = fields;
	const message = `${path} is ${reason}. regauth will not touch it: fix or move the file, then run regauth again.`;
	return blockedOutput({id, target, title, path, mode: 0o600, secret: true, base}, message);
}

type BlockedFields = Omit<Parameters<typeof textArtifact>[0], 'text' | 'redacted' | 'changed'>;

/** A file planned but not to be written: the preview, the review and apply show why instead of its content. */
export function blockedArtifact(fields: BlockedFields, message: string): Artifact {
	return {...textArtifact({...fields, text: '', redacted: `(not written: ${message})`}), changed: false, blocked: message};
}

/** A target whose whole output is one blocked file, with the reason as an error note. */
export function blockedOutput(fields: BlockedFields, message: string, commands: Command[] = []): TargetOutput {
	return {artifacts: [blockedArtifact(fields, message)], commands, notes: [{level: 'error', target: fields.target, message}]};
}

export function textArtifact(fields: Omit<Artifact, 'bytes' | 'text' | 'dirMode' | 'changed'> & {text: string; dirMode?: number; changed?: boolean}): Artifact {
	return {dirMode: 0o700, changed: true, ...fields, bytes: utf8(fields.text)};
}

/**
 * A docker config.json or containers auth.json with its new text: 0600 unless already stricter
 * (a wider mode is tightened, and the note says so), masked for display, a user's own file.
 */
export function authFileArtifact(
	fields: {id: string; target: TargetId; title: string; path: string; base: FileState; file: AuthFile; text: string},
	notes: Note[],
): Artifact {
	const {id, target, title, path, base, file, text} = fields;
	const {mode, tightened} = secretMode(base.mode);
	if (tightened)
		notes.push({level: 'info', target, message: `${path} is mode ${octal(base.mode!)}; regauth tightens it to 0600 because it holds credentials.`});
	const changed = file.kind === 'absent' || text !== (file as {text?: string}).text || tightened;
	return textArtifact({id, target, title, path, mode, secret: true, base, text, redacted: maskJsonSecrets(text), changed, userConfig: true});
}
