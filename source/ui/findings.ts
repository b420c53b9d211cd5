// What regauth found on this machine, for the start screen: the facts that change what a
// person should choose (plain-text secrets already on disk, helpers, kubectl contexts).

import {plainTextKeys} from '../authfile/meaning.js';
import {dockerConfigPath, type Environment, podmanAuthPath} from '../environment.js';
import {readAuthFile} from '../formats/docker-config.js';
import {isPlainObject} from '../formats/json-text.js';
import {terminalText} from '../formats/terminal-text.js';

export interface Finding {
	label: string;
	value: string;
	tone: 'ok' | 'warn' | 'info';
}

/** "1 registry", "2 registries", "3 contexts" (a consonant and y take -ies). */
export function plural(count: number, word: string): string {
	if (count === 1) return `${count} ${word}`;
	return `${count} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

function dockerFinding(env: Environment): Finding {
	const path = dockerConfigPath(env);
	const file = readAuthFile(env.files[path]);
	if (file.kind === 'absent') return {label: 'Docker config', value: `${path} does not exist yet`, tone: 'info'};
	if (file.kind === 'malformed')
		return {label: 'Docker config', value: `${path} is ${file.message}: regauth will not change it until it is fixed`, tone: 'warn'};
	const plain = plainTextKeys(file.doc);
	const parts: string[] = [];
	if (plain.length > 0) parts.push(`${plural(plain.length, 'registry')} in plain text (${plain.slice(0, 3).join(', ')}${plain.length > 3 ? ', …' : ''})`);
	if (typeof file.doc.credsStore === 'string')
		parts.push(`credsStore "${file.doc.credsStore}"${env.helpers.includes(file.doc.credsStore) ? '' : ' — NOT on PATH'}`);
	const helpers = isPlainObject(file.doc.credHelpers) ? Object.entries(file.doc.credHelpers) : [];
	if (helpers.length > 0) parts.push(`${plural(helpers.length, 'credHelpers entry')}`);
	const missing = helpers.filter(([, name]) => typeof name === 'string' && !env.helpers.includes(name)).map(([, name]) => name);
	if (missing.length > 0) parts.push(`helpers not on PATH: ${[...new Set(missing)].join(', ')}`);
	return {
		label: 'Docker config',
		value: `${path}: ${parts.length > 0 ? parts.join('; ') : 'no logins yet'}`,
		tone: plain.length > 0 || missing.length > 0 || (typeof file.doc.credsStore === 'string' && !env.helpers.includes(file.doc.credsStore)) ? 'warn' : 'ok',
	};
}

/** @param kubeRead kubectl's contexts were asked for and the answer (or its absence) is in: no more "reading". */
export function findings(env: Environment, kubeRead = false): Finding[] {
	// Registry keys, helper and context names and paths come from files and kubectl, not from
	// regauth: drawn through terminalText so none of them can drive the terminal.
	return machineFindings(env, kubeRead).map(finding => ({...finding, value: terminalText(finding.value)}));
}

function machineFindings(env: Environment, kubeRead: boolean): Finding[] {
	const podman = podmanAuthPath(env);
	const podmanState = env.files[podman];
	return [
		dockerFinding(env),
		{
			label: 'Credential helpers',
			value: env.helpers.length > 0 ? env.helpers.map(name => `docker-credential-${name}`).join(', ') : 'none on PATH',
			tone: env.helpers.length > 0 ? 'ok' : 'info',
		},
		{
			label: 'kubectl',
			value: !env.programs.kubectl
				? 'not found: Kubernetes manifests are written, commands are shown but not run'
				: env.kube === null
					? kubeRead
						? `${env.programs.kubectl}: its contexts could not be read (kubectl config did not answer in time, or failed); the wizard goes on without them`
						: `${env.programs.kubectl} (reading contexts…)`
					: env.kube.contexts.length === 0
						? `${env.programs.kubectl}, no contexts configured`
						: `${plural(env.kube.contexts.length, 'context')}, current: ${env.kube.current || 'none'}`,
			tone: !env.programs.kubectl ? 'info' : env.kube === null && kubeRead ? 'warn' : 'ok',
		},
		{
			label: 'Podman auth',
			value: podmanState?.exists ? `${podman} exists` : `${podman} does not exist yet`,
			tone: 'info',
		},
	];
}
