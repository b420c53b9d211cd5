// The still pictures: one real run of the built CLI in a wide pty (140×40, so the preview sits
// beside the form with room to read it), stopped at two screens and drawn from the headless
// xterm's cells: the credentials step with the live preview (issue 4's screenshot) and the
// review with its preview. The run is killed after the review; nothing is written.

import {KEYS, startSession} from './pty-session.mjs';
import {DEMO_TOKEN, DEMO_USER} from './record-demo.mjs';
import {screenToSvg} from './screen-to-svg.mjs';

export const STILL_SIZE = {columns: 140, rows: 40};
export const SMALL_SIZE = {columns: 80, rows: 24};

/**
 * @param {{cli: string, machine: {project: string, env: Record<string, string>}}} options
 * @returns {Promise<Record<string, string>>} SVG documents by name
 */
export async function takeStills({cli, machine}) {
	const wide = await walk({cli, machine, size: STILL_SIZE});
	// 80×24, many terminals' default: the form has the screen, the preview is one line.
	const small = await walk({cli, machine, size: SMALL_SIZE});
	return {wizard: wide.wizard, review: wide.review, 'review-80x24': small.review};
}

/** The credentials step, then the review, at one size. */
async function walk({cli, machine, size}) {
	const run = startSession(process.execPath, [cli, '--no-verify'], {cwd: machine.project, env: machine.env, ...size});
	try {
		await run.waitFor(/Which registry\?/);
		await run.waitFor(/Docker config\s+\S/);
		await run.press(KEYS.down);
		await run.waitFor(/❯ Quay\.io/);
		await run.press(KEYS.enter);
		await run.waitFor(/Credentials for quay\.io/);
		await run.type(DEMO_USER, 20);
		await run.press(KEYS.enter);
		await run.type(DEMO_TOKEN, 20);
		await run.waitFor(new RegExp(`${DEMO_TOKEN.length} characters typed`));
		await run.settle();
		const wizard = screenToSvg(run.terminal, {title: 'regauth — credentials, with the live preview'});

		await run.press([KEYS.enter, KEYS.enter]); // Email left empty; Enter on the last field leaves
		await run.waitFor(/Continue with 1 registry/);
		await run.press(KEYS.enter);
		await run.waitFor(/What should regauth configure\?/);
		await run.press([KEYS.down, KEYS.space]);
		await run.waitFor(/◉ Kubernetes/);
		await run.press(KEYS.enter);
		await run.waitFor(/Where should the password be kept\?/);
		// The OS keychain (the private keyring works), once its check is in: not whatever was highlighted
		// while the check still ran (a loaded machine), so every still shows the same plan.
		await run.waitFor(/OS keychain \(regauth\)(?! \(checking)/);
		await run.press(KEYS.home);
		await run.waitFor(/❯ OS keychain \(regauth\)/);
		await run.press(KEYS.enter);
		await run.waitFor(/› Namespaces/);
		await run.type('web, jobs', 20);
		await run.waitFor(/› Namespaces\s+web, jobs/);
		await run.press(KEYS.ctrlR); // the other options keep their defaults
		await run.waitFor(/step \d+ of \d+ · Review/);
		await run.settle();
		const review = screenToSvg(run.terminal, {title: `regauth — review${size === SMALL_SIZE ? ' at 80×24' : ', with the preview of every file'}`});
		return {wizard, review};
	} finally {
		run.kill();
	}
}
