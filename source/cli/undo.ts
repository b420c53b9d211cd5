// `regauth undo`: restore the files of the last apply and say what commands changed.

import {JournalError, type UndoResult, undoLastApply} from '../apply/undo.js';
import {stateDirOf} from '../probe.js';
import {EXIT, FailureError} from './errors.js';
import type {Io} from './headless.js';

const MARK = {restored: '✓', removed: '✓', unchanged: '=', refused: '✗'} as const;

export async function runUndo(io: Io, json: boolean): Promise<number> {
	let result: UndoResult;
	try {
		result = await undoLastApply(stateDirOf(process.env));
	} catch (error) {
		// A journal or backup regauth does not trust: nothing was touched; say why.
		if (error instanceof JournalError) throw new FailureError(error.message);
		throw error;
	}
	const refused = result.items.some(item => item.status === 'refused');
	if (json) {
		io.stdout(`${JSON.stringify(result, null, 2)}\n`);
	} else if (result.empty) {
		io.stdout('Nothing to undo: no apply has been recorded since the last undo.\n');
	} else {
		for (const item of result.items) io.stdout(`${MARK[item.status]} ${item.path} — ${item.detail}\n`);
		const reverts = result.commands.filter(command => command.revert);
		if (reverts.length > 0) {
			io.stdout('\nCommands are not undone by regauth. To revert them:\n');
			for (const command of reverts) io.stdout(`  ${command.revert}\n`);
		}
	}
	return refused ? EXIT.failed : EXIT.ok;
}
