// Which signals regauth exec passes on to its child, and the exit status of a signal death.
// docs/ci.md §2.
import {constants} from 'node:os';

/** Caught and forwarded while the child runs; each also ends a run that has no child yet. */
export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'] as const;
export type ForwardedSignal = (typeof FORWARDED_SIGNALS)[number];

/** The shell's convention for a process killed by a signal: 128 + its number. */
export function signalExitCode(signal: NodeJS.Signals): number {
	return 128 + (constants.signals[signal] ?? 0);
}

/**
 * A terminal sends Ctrl+C (SIGINT) and Ctrl+\ (SIGQUIT) to the whole foreground process group,
 * the child included: passing them on would deliver them twice, and many programs take a second
 * Ctrl+C as "stop now, skip the clean shutdown". sudo relays the same way (sudo(8), "Signal
 * handling"). Without a terminal (CI, a supervisor, `kill`) every signal is forwarded.
 */
export function shouldForward(signal: ForwardedSignal, onTerminal: boolean): boolean {
	if (!onTerminal) return true;
	return signal !== 'SIGINT' && signal !== 'SIGQUIT';
}
