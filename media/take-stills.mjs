// The still pictures: one real run of the built CLI in a wide pty (140×40, so the preview sits
// beside the form with room to read it), stopped at two screens and drawn from the headless
// xterm's cells: the credentials step with the live preview (issue 4's screenshot) and the
// review with its preview. The run is killed after the review; nothing is written.

import {KEYS, startSession} from './pty-session.mjs';
import {DEMO_TOKEN, DEMO_USER} from './record-demo.mjs';
import {screenToSvg} from './screen-to-svg.mjs';

export const STILL_SIZE = {columns: 140, rows: 40};

/**
 * @param {{cli: string, machine: {project: string, env: Record<string, string>}}} options
 * @returns {Promise<{wizard: string, review: string}>} SVG documents
 */
export async function takeStills({cli, machine}) {
	const run = startSession(process.execPath, [cli, '--no-verify'], {cwd: machine.project, env: machine.env, ...STILL_SIZE});
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
		await run.press(KEYS.enter); // the OS keychain
		await run.waitFor(/› Namespaces/);
		await run.type('web, jobs', 20);
		await run.waitFor(/› Namespaces\s+web, jobs/);
		for (let presses = 0; presses < 12 && !/step \d+ of \d+ · Review/.test(run.screen()); presses++) await run.press(KEYS.enter, 200);
		await run.waitFor(/step \d+ of \d+ · Review/);
		await run.settle();
		const review = screenToSvg(run.terminal, {title: 'regauth — review, with the preview of every file'});
		return {wizard, review};
	} finally {
		run.kill();
	}
}
