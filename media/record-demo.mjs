// The animated demo: one real run of the built CLI in a 120×36 pty, walked with keys at a
// person's pace (the pauses are real waits in the run, so the viewer has time to read each
// screen), recorded as an asciicast. --no-verify because quay.io cannot be reached from where
// the media are made; the token is a fixed fake.
import {KEYS, pause, startSession} from './pty-session.mjs';

export const DEMO_SIZE = {columns: 120, rows: 36};
export const DEMO_USER = 'myorg+deploy';
export const DEMO_TOKEN = 'S3cr3t-d3m0-t0ken';

/** Long enough to read a screen in the animation, short enough to keep it under a minute. */
const READ = 1500;
const GLANCE = 700;

/**
 * @param {{cli: string, machine: {project: string, env: Record<string, string>}}} options
 * @returns {Promise<Array<[number, string]>>} the output with real timestamps
 */
export async function recordDemo({cli, machine}) {
	const run = startSession(process.execPath, [cli, '--no-verify'], {cwd: machine.project, env: machine.env, ...DEMO_SIZE});
	try {
		// The first screen: what regauth found here, and the registry question.
		await run.waitFor(/Which registry\?/);
		await run.waitFor(/Docker config\s+\S/);
		await pause(READ);
		await run.press(KEYS.down);
		await run.waitFor(/❯ Quay\.io/);
		await pause(GLANCE);
		await run.press(KEYS.enter);

		await run.waitFor(/Credentials for quay\.io/);
		await pause(GLANCE);
		await run.type(DEMO_USER);
		await run.waitFor(/Username\s+myorg\+deploy/);
		await run.press(KEYS.enter);
		await run.type(DEMO_TOKEN);
		await run.waitFor(new RegExp(`${DEMO_TOKEN.length} characters typed`));
		await pause(READ);
		await run.press(KEYS.enter); // → Email, left empty
		await pause(GLANCE);
		await run.press(KEYS.enter); // Enter on the last field leaves the step

		await run.waitFor(/Continue with 1 registry/);
		await pause(READ);
		await run.press(KEYS.enter);

		await run.waitFor(/What should regauth configure\?/);
		await pause(GLANCE);
		await run.press(KEYS.down);
		await pause(GLANCE / 2);
		await run.press(KEYS.space);
		await run.waitFor(/◉ Kubernetes/);
		await pause(GLANCE);
		await run.press(KEYS.enter);

		// The OS keychain is the first choice; choosing it checks the (private) keyring there and then.
		await run.waitFor(/Where should the password be kept\?/);
		// The highlight starts on a store known to work; on a loaded machine the private keyring's
		// check can still be running when the step opens, so the demo picks the OS keychain itself.
		await run.waitFor(/OS keychain \(regauth\)(?! \(checking)/);
		await pause(READ);
		await run.press(KEYS.home);
		await run.waitFor(/❯ OS keychain \(regauth\)/);
		await pause(GLANCE);
		await run.press(KEYS.enter);

		await run.waitFor(/› Namespaces/);
		await pause(GLANCE);
		await run.type('web, jobs');
		await run.waitFor(/› Namespaces\s+web, jobs/);
		await pause(GLANCE);
		// The remaining options keep their defaults: one key goes to the review.
		await run.press(KEYS.ctrlR);
		await run.waitFor(/step \d+ of \d+ · Review/);
		await run.settle();
		await pause(READ * 2);

		// Into the preview: it followed the options to the first Secret; → shows the second one.
		// Never `r`: the secret stays masked.
		await run.press(KEYS.ctrlP);
		await run.waitFor(/› Secret regcred in web/);
		await pause(READ);
		await run.press(KEYS.right);
		await run.waitFor(/› Secret regcred in jobs/);
		await pause(READ * 2);
		await run.press(KEYS.ctrlP);
		await pause(GLANCE);
		await run.press(KEYS.enter); // Write the files

		await run.waitFor(/Press Enter to finish/);
		await run.settle();
		await pause(READ * 2.5);
		await run.press(KEYS.enter); // the summary and the headless command stay in the terminal
		const {exitCode} = await run.exit;
		await pause(READ);
		if (exitCode !== 0) throw new Error(`the demo run exited ${exitCode}; last screen:\n${run.screen()}`);
		return run.output;
	} finally {
		run.kill();
	}
}
