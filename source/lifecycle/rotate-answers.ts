// rotate plans again from what the inventory recorded: the same answers, the new password. Pure.
import {isAbsolute, resolve} from 'node:path';
import {type Answers, isTargetId} from '../answers.js';
import type {Login} from '../inventory/schema.js';
import type {ApplyMode} from '../plan-types.js';
import {targetSpec} from '../targets/specs.js';

export function rotationAnswers(login: Login): Answers {
	const {cwd, registry, email, ...rest} = structuredClone(login.answers);
	// The files go where they went, wherever rotate runs from.
	const outputDir = isAbsolute(rest.outputDir) ? rest.outputDir : resolve(cwd, rest.outputDir);
	const destdir = rest.destdir === '' || isAbsolute(rest.destdir) ? rest.destdir : resolve(cwd, rest.destdir);
	return {...rest, outputDir, destdir, credentials: [{registry, username: login.username, password: '', email}]};
}

/** Secrets regauth applied are applied again; otherwise only the files. */
export function rotationMode(login: Login): ApplyMode {
	return login.places.some(place => place.applied) ? 'both' : 'files';
}

/** What the user must do by hand after a rotation: files regauth cannot put where they are served. */
export function afterRotation(login: Login): string[] {
	const applied = login.places.some(place => place.applied);
	const steps = login.places.flatMap(place => {
		const step =
			place.path !== undefined && isTargetId(place.kind) ? targetSpec(place.kind).lifecycle?.afterRotation?.(place.path, login.answers, applied) : undefined;
		return step ? [step] : [];
	});
	return [...new Set(steps)];
}
