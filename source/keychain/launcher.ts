// The small launcher regauth installs when docker-credential-regauth is not on PATH (run through
// npx, or installed without a global bin): docker, podman and skopeo run helpers from PATH.
import {delimiter, join} from 'node:path';
import type {HelperLocation} from '../environment.js';
import {shellQuote} from '../formats/shell-quote.js';
import {HELPER_PROGRAM} from './names.js';

export function launcherDir(home: string): string {
	return join(home, '.local', 'bin');
}

export function launcherPath(home: string): string {
	return join(launcherDir(home), HELPER_PROGRAM);
}

export function launcherScript(location: Pick<HelperLocation, 'node' | 'script'>): string {
	return [
		'#!/bin/sh',
		'# Written by regauth: docker, podman and skopeo run docker-credential-regauth from PATH;',
		"# this runs regauth's helper with the node that ran regauth. Remove it to undo.",
		`exec ${shellQuote(location.node)} ${shellQuote(location.script)} "$@"`,
		'',
	].join('\n');
}

export function dirOnPath(dir: string, pathVariable: string | undefined): boolean {
	const strip = (value: string) => value.replace(/\/+$/, '');
	return (pathVariable ?? '').split(delimiter).some(entry => entry !== '' && strip(entry) === strip(dir));
}
