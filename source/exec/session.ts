// One `regauth exec` run's hold on its private directory: created with the signal handlers
// already in place, removed on every way out — the child's exit, an error, a signal before the
// child started (exit 128+N at once) or while it runs (passed on; regauth exits when the child
// does), and process exit as the last resort. Only SIGKILL escapes: stale.ts covers that.
import type {ChildProcess} from 'node:child_process';
import {createPrivateDir, EXEC_PREFIX, type PrivateDir, removePrivateDir} from './private-dir.js';
import {runChild} from './run-child.js';
import {FORWARDED_SIGNALS, type ForwardedSignal, shouldForward, signalExitCode} from './signals.js';

export interface SessionOptions {
	base: string;
	/** A terminal is attached: it delivers Ctrl+C to the child itself (signals.ts). */
	onTerminal: boolean;
	onError: (message: string) => void;
}

export class ExecSession {
	readonly dir: PrivateDir;
	private child: ChildProcess | undefined;
	private closed = false;
	private readonly handlers = new Map<ForwardedSignal, () => void>();
	private readonly onExit = () => this.close();

	constructor(private readonly options: SessionOptions) {
		// Handlers first: a signal between mkdtemp and the child must not leave the directory.
		for (const signal of FORWARDED_SIGNALS) {
			const handler = () => this.signal(signal);
			this.handlers.set(signal, handler);
			process.on(signal, handler);
		}
		process.on('exit', this.onExit);
		try {
			this.dir = createPrivateDir(options.base, EXEC_PREFIX);
		} catch (error) {
			this.close();
			throw error;
		}
	}

	private signal(signal: ForwardedSignal): void {
		const child = this.child;
		if (child && child.exitCode === null && child.signalCode === null) {
			if (shouldForward(signal, this.options.onTerminal)) child.kill(signal);
			return;
		}
		// No child yet (writing the login) or it is gone: nothing to wait for.
		this.close();
		process.exit(signalExitCode(signal));
	}

	/** Run the command; resolves with the shell's exit status for it. */
	run(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
		const run = runChild(command, env, this.options.onError);
		this.child = run.child;
		return run.status;
	}

	/** Remove the directory and the handlers; safe to call more than once, and synchronous. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		for (const [signal, handler] of this.handlers) process.removeListener(signal, handler);
		process.removeListener('exit', this.onExit);
		if (this.dir) removePrivateDir(this.dir.path);
	}
}
