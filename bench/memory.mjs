// Peak memory: the wizard's peak resident set (VmHWM) through a whole run in a 120×40 pty: 5
// registries, every target but rkt, every planned file browsed in the preview (diff on and off),
// plain config.json, review, write the files, finish. Goal ≤ 80 MiB.
// rkt is left out because as root its file goes to the real /etc/rkt/auth.d; everything else is
// written under a throwaway HOME. Helpers the wizard runs are separate processes, not counted.
import {readFileSync} from 'node:fs';
import {spawnPty, tempHome} from './lib/pty.mjs';
import {summary} from './lib/stats.mjs';
import {addRegistries, chooseTargets, KEY, select, settle, TARGET_LABELS, waitFrame} from './lib/wizard.mjs';
import {cliPath, runs} from './lib/options.mjs';

function memory(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
	return {peak: field('VmHWM'), now: field('VmRSS')};
}

async function fullRun() {
	const home = tempHome();
	const run = spawnPty(process.execPath, [...(process.env.INLOG ? ['--import', '/work/wt-perf/.scratch/inlog.mjs'] : []), cliPath(), '--no-verify'], {...home.env, ...(process.env.INLOG ? {INLOG: process.env.INLOG} : {})});
	try {
		await waitFrame(run, /Docker config\s+\S/);
		const start = memory(run.pid);
		await addRegistries(run, 5);
		await chooseTargets(run, TARGET_LABELS.filter(label => label !== 'rkt'));
		run.write(KEY.enter);
		await waitFrame(run, 'Where should the password be kept?');
		await settle();
		await select(run, /❯ Plain config\.json/, KEY.up);
		run.write(KEY.enter);
		await waitFrame(run, 'base64 is not encryption');
		await settle();
		run.write(KEY.enter);
		await waitFrame(run, '› Namespaces');
		await settle();
		// Browse every planned file in the preview, as a diff and as the whole file.
		run.write(KEY.tab);
		await waitFrame(run, '←/→ file');
		await settle();
		const total = Number(/‹ \d+\/(\d+) ›/.exec(run.screen())?.[1] ?? 0);
		for (const diff of [true, false]) {
			for (let file = 1; file <= total; file++) {
				const position = (file % total) + 1;
				run.write('\u001B[C');
				await waitFrame(run, `‹ ${position}/${total} ›`);
				await settle();
			}
			if (diff) {
				run.write('d');
				await settle();
			}
		}
		run.write(KEY.tab);
		await waitFrame(run, 'Tab preview');
		await settle();
		for (let presses = 0; presses < 20 && !run.screen().includes('Next time, headless'); presses++) {
			run.write(KEY.enter);
			await new Promise(resolve => setTimeout(resolve, 60));
		}
		await waitFrame(run, 'Next time, headless');
		await settle();
		run.write(KEY.enter); // "Write the files"
		await run.waitFor('Press Enter to finish', 30_000);
		await settle();
		const end = memory(run.pid);
		run.write(KEY.enter);
		const {code} = await run.exit;
		if (code !== 0) throw new Error(`the wizard exited ${code}:\n${run.screen()}`);
		return {start, end, files: total};
	} finally {
		run.kill();
		run.dispose();
		home.remove();
	}
}

const count = Math.max(1, Math.round(runs(3) / 5) || 3);
const peaks = [];
const starts = [];
let files = 0;
for (let index = 0; index < count; index++) {
	const result = await fullRun();
	peaks.push(result.end.peak);
	starts.push(result.start.peak);
	files = result.files;
}
console.log(`memory: peak RSS (VmHWM) of the wizard process, ${count} full run(s): 5 registries, 5 targets (${files} files previewed), write, finish`);
console.log(`  after the first screen and the machine read: ${summary(starts, 'MiB')}`);
console.log(`  peak through the whole run:                  ${summary(peaks, 'MiB')}  (goal ≤ 80 MiB: ${Math.max(...peaks) <= 80 ? 'met' : 'NOT met'})`);
