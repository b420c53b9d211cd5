// `regauth status [--check] [--json]`: every login on this machine, where it lives, what regauth
// wrote for it and when it expires; --check asks each registry (docs/lifecycle.md §2).

import {sweepAbandoned} from '../exec/stale.js';
import {relativeTime, shownTime} from '../inventory/expiry.js';
import {checkLogins} from '../status/check.js';
import {readStatus} from '../status/read.js';
import type {LoginStatus} from '../status/report.js';
import type {Invocation} from './args.js';
import {EXIT} from './errors.js';
import type {Io} from './headless.js';

function storageText(stored: LoginStatus['stored'][number]): string {
	if (stored.storage === 'plain-text') return 'in the file (plain text)';
	return `in a keychain via docker-credential-${stored.helper} (${stored.via})`;
}

function placeText(place: NonNullable<LoginStatus['regauth']>['places'][number]): string {
	const where = place.applied ? ` — applied to ${place.applied.namespace || 'the current namespace'} in ${place.applied.context || 'the current context'}` : '';
	return `${place.title}${place.path ? ` (${place.path})` : ''}${where}`;
}

export function loginText(login: LoginStatus, now: Date): string {
	const lines = [`${login.registry}  ${login.user === '' ? '(user unknown)' : `user ${login.user}`}`];
	for (const stored of login.stored) lines.push(`  ${stored.reader.padEnd(7)} ${stored.file} — ${storageText(stored)}`);
	if (login.stored.length === 0) lines.push('  not in any docker or podman file now');
	if (login.regauth) {
		lines.push(`  regauth configured it ${login.regauth.configured}; it wrote:`);
		for (const place of login.regauth.places) lines.push(`    ${placeText(place)}`);
	}
	if (login.expiresAt) {
		const mark = login.expiry === 'expired' ? '✗ expired' : login.expiry === 'soon' ? '⚠ expires' : 'expires';
		lines.push(
			`  ${mark} ${shownTime(login.expiresAt)} (${relativeTime(login.expiresAt, now)})${login.expiry === 'ok' ? '' : `: regauth rotate ${login.registry} --password-stdin`}`,
		);
	}
	if (login.check) lines.push(`  check: ${login.check.result} — ${login.check.message}`);
	return lines.join('\n');
}

export async function runStatus(invocation: Invocation, io: Io): Promise<number> {
	sweepAbandoned(process.env, line => io.stderr(`regauth status: ${line}\n`));
	const now = new Date();
	const read = await readStatus(process.env, now);
	const machine = read.machine;
	let report = read.report;
	if (invocation.lifecycle.check) {
		const {timeoutMs, caFile, insecure} = invocation.verify;
		report = {...report, logins: await checkLogins(machine, report.logins, {timeoutMs, insecure, ...(caFile ? {caFile} : {})})};
	}
	if (invocation.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
	else {
		if (report.logins.length === 0) io.stdout('No registry logins found in the docker config, the podman auth files or regauth’s inventory.\n');
		io.stdout(report.logins.map(login => `${loginText(login, now)}\n`).join('\n'));
		for (const problem of report.problems) io.stderr(`regauth: warning: ${problem}\n`);
	}
	const bad = report.logins.filter(login => login.check?.result === 'rejected' || (invocation.lifecycle.check && login.expiry === 'expired'));
	if (bad.length > 0 && !invocation.json)
		io.stderr(
			`regauth: ${bad.map(login => `${login.registry} (${login.user})`).join(', ')}: ${bad.length === 1 ? 'this login does' : 'these logins do'} not work; rotate: regauth rotate REGISTRY --password-stdin.\n`,
		);
	return bad.length > 0 ? EXIT.failed : EXIT.ok;
}
