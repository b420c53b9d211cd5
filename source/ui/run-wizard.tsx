// Placeholder until the wizard lands (issue 4): the interactive path explains the headless one.
import type {Invocation} from '../cli/args.js';

export async function runWizard(_invocation: Invocation): Promise<number> {
	process.stderr.write('regauth: the interactive wizard is not built yet; use the headless flags (regauth --help).\n');
	return 2;
}
