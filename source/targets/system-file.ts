// Where a file that belongs in a system directory (/etc/containerd, /etc/rancher/k3s…) goes:
// there when this user may write it, under --destdir when given, and otherwise staged under the
// output directory with the `sudo install` that puts it in place (as rkt does).
import {relative} from 'node:path';
import type {Artifact} from '../plan-types.js';
import {machinePath, projectPath, type TargetContext} from './context.js';
import {installCommand} from './install.js';

export interface Placed {
	path: string;
	/** Present when the file is not written where it belongs. */
	installPath?: string;
	install?: string[];
	staged: boolean;
}

/** Is `dir` (a declared system directory) writable here? The probe checked it. */
export function stagedFor(ctx: Pick<TargetContext, 'answers' | 'env'>, dir: string): boolean {
	return ctx.answers.destdir === '' && ctx.env.writable[dir] !== true;
}

/** `destination` under its system directory `dir`; staged under <output>/<folder>/… when not writable. */
export function placeSystemFile(ctx: Pick<TargetContext, 'answers' | 'env'>, dir: string, destination: string, folder: string, mode: number): Placed {
	const staged = stagedFor(ctx, dir);
	const path = staged ? projectPath(ctx, folder, relative('/', destination)) : machinePath(ctx, destination);
	if (path === destination) return {path, staged};
	return {path, installPath: destination, install: [installCommand(path, destination, `0${mode.toString(8)}`)], staged};
}

/** The artifact fields for a placed file. */
export function placedFields(placed: Placed): Pick<Artifact, 'path' | 'installPath' | 'install'> {
	return {path: placed.path, ...(placed.installPath ? {installPath: placed.installPath, install: placed.install ?? []} : {})};
}
