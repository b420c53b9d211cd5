// rotate plans again from what the inventory recorded: the same answers, the new password. Pure.
import {isAbsolute, resolve} from 'node:path';
import type {Answers} from '../answers.js';
import type {Login} from '../inventory/schema.js';
import type {ApplyMode} from '../plan-types.js';

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
	const steps: string[] = [];
	const {answers} = login;
	for (const place of login.places) {
		if (place.kind === 'butane' && place.path?.endsWith('.ign'))
			steps.push(
				answers.butane.secret === 'remote'
					? `Upload the new config.json to ${answers.butane.remoteUrl}: the Ignition config ${place.path} now names its new sha512, so machines refuse the old one.`
					: `Serve the regenerated Ignition config ${place.path} to new machines (its content, and so its sha512, changed).`,
			);
		if (place.kind === 'mesos') steps.push(`Copy the rebuilt ${place.path} to where the agents fetch it (${answers.mesos.uri}).`);
		if (place.kind === 'rkt' && place.path) steps.push(`Install ${place.path} again where rkt reads it if you staged it.`);
		if (place.kind === 'kubernetes' && place.path && !login.places.some(other => other.applied)) steps.push(`kubectl apply -f ${place.path}`);
	}
	return [...new Set(steps)];
}
