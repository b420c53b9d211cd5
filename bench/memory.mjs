// Peak memory: the wizard's peak resident set (VmHWM) through a whole run in a 120×40 pty: 5
// registries, every target but rkt, every planned file browsed in the preview (diff on and off),
// plain config.json, review, write the files, finish. Goal ≤ 64 MiB.
// rkt is left out because as root its file goes to the real /etc/rkt/auth.d; everything else is
// written under a throwaway HOME. Helpers the wizard runs are separate processes, not counted.
// Reference (BENCH_NO_REFERENCE=1 skips it): the same figure for node alone, idle, and for a
// minimal Ink app with one select (bench/lib/minimal-ink.mjs) moved 20 times: what Ink, React and
// yoga cost before the wizard adds anything.
import {readFileSync} from 'node:fs';
import {dependencyPatches} from '../scripts/dependency-patches.mjs';
import {buildMinimalInk} from './lib/minimal-ink.mjs';
import {cliPath, nodeArgs} from './lib/options.mjs';
import {spawnPty, tempHome} from './lib/pty.mjs';
import {median} from './lib/stats.mjs';
import {addRegistries, chooseTargets, KEY, select, settle, TARGET_LABELS, waitFrame} from './lib/wizard.mjs';

const focusedField = run =>
	run
		.screen()
		.split('\n')
		.find(line => line.startsWith(' › ')) ?? '';

function memory(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
	return {peak: field('VmHWM'), now: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile')};
}

async function fullRun() {
	const home = tempHome();
	const run = spawnPty(process.execPath, [...nodeArgs(), cliPath(), '--no-verify'], home.env);
	try {
		await waitFrame(run, /Docker config\s+\S/);
		const stages = [['first screen, machine read', memory(run.pid)]];
		await addRegistries(run, 5);
		stages.push(['5 registries typed', memory(run.pid)]);
		await chooseTargets(
			run,
			TARGET_LABELS.filter(label => label !== 'rkt'),
		);
		stages.push(['targets chosen', memory(run.pid)]);
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
		run.write(KEY.preview);
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
		stages.push(['every file previewed', memory(run.pid)]);
		run.write(KEY.preview);
		await waitFrame(run, 'Ctrl+P preview');
		await settle();
		// One Enter per field, each after its frame: keys queued faster than the wizard redraws can
		// reach the previous step's handler (see the report on issue 8).
		for (let presses = 0; presses < 20 && !run.screen().includes('❯ Write the files'); presses++) {
			const before = focusedField(run);
			run.write(KEY.enter);
			await waitFrame(run, screen => screen.includes('❯ Write the files') || focusedField(run) !== before);
			await settle();
		}
		await waitFrame(run, '❯ Write the files');
		await settle();
		run.write(KEY.enter); // "Write the files"
		await run.waitFor('Press Enter to finish', 30_000);
		await settle();
		stages.push(['files written', memory(run.pid)]);
		run.write(KEY.enter);
		const {code} = await run.exit;
		if (code !== 0) throw new Error(`the wizard exited ${code}:\n${run.screen()}`);
		return {stages, files: total};
	} finally {
		run.kill();
		run.dispose();
		home.remove();
	}
}

// As source/cli.tsx sets them before Ink loads (here on the command line, to the same effect).
const WIZARD_V8_FLAGS = ['--optimize-for-size', '--no-opt', '--semi-space-growth-factor=1'];

/** Peak RSS of node idle (`args` empty) or of the minimal Ink app after 20 moves of its select. */
async function referenceRun(args, file) {
	const home = tempHome();
	const run = spawnPty(process.execPath, file ? [...args, file] : ['-e', 'setTimeout(() => {}, 60_000)'], home.env);
	try {
		if (file) {
			await run.waitFor('Quay');
			await settle();
			for (let move = 0; move < 20; move++) {
				const [from, to] = move % 2 === 0 ? ['❯ Docker Hub', '❯ Quay'] : ['❯ Quay', '❯ Docker Hub'];
				if (!run.screen().includes(from)) throw new Error(`the minimal Ink app does not show ${from}:\n${run.screen()}`);
				run.write(move % 2 === 0 ? KEY.down : KEY.up);
				await run.waitFor(to);
				await settle();
			}
		}
		await settle();
		return memory(run.pid);
	} finally {
		run.kill();
		run.dispose();
		home.remove();
	}
}

async function references(count) {
	const ink = await buildMinimalInk([dependencyPatches]);
	try {
		const cases = [
			['node alone, idle', () => referenceRun([])],
			['minimal Ink app (one select)', () => referenceRun([], ink.file)],
			["… with the wizard's V8 flags", () => referenceRun(WIZARD_V8_FLAGS, ink.file)],
		];
		const peaks = cases.map(() => []);
		for (let index = 0; index < count; index++) for (const [at, [, measure]] of cases.entries()) peaks[at].push((await measure()).peak);
		return cases.map(([label], at) => [label, peaks[at]]);
	} finally {
		ink.remove();
	}
}

const count = Number(process.env.BENCH_MEMORY_RUNS || 3);
const results = [];
for (let index = 0; index < count; index++) results.push(await fullRun());
console.log(
	`memory: peak RSS (VmHWM) of the wizard process through ${count} full run(s): 5 registries, 5 targets (${results[0].files} files previewed), write, finish`,
);
const list = values => values.map(value => value.toFixed(1)).join(', ');
for (const [index, [label]] of results[0].stages.entries()) {
	const peaks = results.map(result => result.stages[index][1].peak);
	const now = results.map(result => result.stages[index][1].now);
	const anon = median(results.map(result => result.stages[index][1].anon));
	const file = median(results.map(result => result.stages[index][1].file));
	console.log(
		`  ${`${label}:`.padEnd(28)} peak so far ${median(peaks).toFixed(1)} MiB (runs: ${list(peaks)}), RSS then ${median(now).toFixed(1)} MiB (anonymous ${anon.toFixed(1)}, file-backed ${file.toFixed(1)})`,
	);
}
const peak = Math.max(...results.map(result => result.stages.at(-1)[1].peak));
console.log(`  highest peak ${peak.toFixed(1)} MiB (goal ≤ 64 MiB: ${peak <= 64 ? 'met' : 'NOT met'})`);
if (!process.env.BENCH_NO_REFERENCE) {
	console.log(`reference: peak RSS (VmHWM) of what the wizard is built on, ${count} run(s) each, interleaved`);
	for (const [label, peaks] of await references(count)) console.log(`  ${`${label}:`.padEnd(32)} ${median(peaks).toFixed(1)} MiB (runs: ${list(peaks)})`);
}
