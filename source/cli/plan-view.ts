// The plan and the apply result as text (--dry-run, the headless summary) and as JSON (--json).
// Both are built from the redacted views only: no secret can reach them.
import type {ApplyResult, ItemResult} from '../apply/apply.js';
import {octal} from '../formats/file-mode.js';
import type {Artifact, Plan} from '../plan-types.js';

export function artifactJson(artifact: Artifact) {
	return {
		id: artifact.id,
		target: artifact.target,
		title: artifact.title,
		path: artifact.path,
		...(artifact.installPath ? {installPath: artifact.installPath, install: artifact.install ?? []} : {}),
		mode: octal(artifact.mode),
		secret: artifact.secret,
		merge: artifact.base !== undefined,
		changed: artifact.changed,
		status: artifact.status,
		...(artifact.blocked ? {blocked: artifact.blocked} : {}),
		...(artifact.entries ? {entries: artifact.entries} : {content: artifact.redacted}),
		...(artifact.caption ? {caption: artifact.caption} : {}),
	};
}

export function planJson(plan: Plan) {
	return {
		artifacts: plan.artifacts.map(artifactJson),
		commands: plan.commands.map(command => ({
			id: command.id,
			target: command.target,
			title: command.title,
			role: command.role,
			argv: command.argv,
			stdin: command.input !== undefined,
			display: command.display,
			// argv alone is not what runs when a command reads first (strategy): say how it decides.
			...(command.strategy ? {strategy: command.strategy} : {}),
			...(command.revert ? {revert: command.revert} : {}),
		})),
		notes: plan.notes,
		issues: plan.issues,
		headless: plan.headless,
		...(plan.expiries.length > 0 ? {expiries: plan.expiries} : {}),
	};
}

export function resultJson(result: ApplyResult) {
	return {ok: result.ok, items: result.items, ...(result.journal ? {journal: result.journal} : {})};
}

const indent = (text: string, prefix: string) =>
	text
		.split('\n')
		.map(line => (line === '' ? line : prefix + line))
		.join('\n');

const LEVEL = {error: '✗', warning: '!', info: 'i'} as const;

export function planText(plan: Plan, options: {contents: boolean}): string {
	const out: string[] = [];
	out.push('Files');
	for (const artifact of plan.artifacts) {
		out.push(`  ${artifact.path}  ${octal(artifact.mode)}  ${artifact.title}  (${artifact.status})`);
		if (artifact.installPath) out.push(`    to put it in place: ${(artifact.install ?? []).join(' && ')}`);
		if (options.contents && !artifact.blocked) {
			out.push(indent(artifact.redacted.replace(/\n$/, ''), '    │ '));
			// Said beside the file, not as a line of it.
			for (const line of artifact.caption ?? []) out.push(`    (not in the file) ${line}`);
		}
	}
	if (plan.commands.length > 0) {
		out.push('', 'Commands');
		for (const command of plan.commands)
			out.push(`  $ ${command.display}${command.role === 'alternative' ? '   (instead of writing the file; --apply commands)' : ''}`);
	}
	const notes = [...plan.issues.map(issue => ({level: 'error' as const, message: `${issue.flag}: ${issue.message}`})), ...plan.notes];
	if (notes.length > 0) {
		out.push('', 'Notes');
		for (const note of notes) out.push(`  ${LEVEL[note.level]} ${note.message}`);
	}
	out.push('', 'Equivalent command', `  ${plan.headless}`);
	return out.join('\n');
}

const MARK: Record<ItemResult['status'], string> = {running: '…', done: '✓', unchanged: '=', failed: '✗', skipped: '-', 'not-attempted': '·'};

export function resultText(result: ApplyResult, plan?: Plan): string {
	const out = result.items.map(item => {
		const where = item.path ? ` ${item.path}` : '';
		const backup = item.backup ? ` (backup: ${item.backup})` : '';
		return `${MARK[item.status]} ${item.title}${where}${item.detail ? ` — ${item.detail}` : ''}${backup}`;
	});
	const written = new Set(result.items.filter(item => item.status === 'done' || item.status === 'unchanged').map(item => item.id));
	const staged = (plan?.artifacts ?? []).filter(artifact => artifact.install && artifact.install.length > 0 && written.has(artifact.id));
	if (staged.length > 0) {
		out.push('', 'Staged, not yet in place; to put them there:');
		for (const artifact of staged) out.push(`  ${artifact.install!.join(' && ')}`);
	}
	if (result.journal) out.push('', `Undo with: regauth undo   (journal: ${result.journal})`);
	return out.join('\n');
}
