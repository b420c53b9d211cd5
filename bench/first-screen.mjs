// Time to first screen: the built CLI spawned in a 120×40 and an 80×24 pseudo-terminal, timed
// from spawn to the moment the screen shows it (the bytes' arrival, once xterm has drawn them).
//   first frame drawn by Ink  with the frame cache off (what the very first start costs)
//   first frame (cached)      the registry question, from the cached first frame
//   a key typed at once       Down sent the moment the question shows, until the ❯ moves:
//                             when Ink has taken over and answers keys
//   machine read              its findings (the probes that run after the first frame)
// Baseline: `node -e 0` spawned the same way, to exit, interleaved with the measured runs.
// Reference (120×40): a minimal Ink app with one select (bench/fixtures/minimal-ink.tsx),
// bundled with esbuild like dist/, to its first frame, as is and with dist/'s dependency patches.
// Everything runs in a clean environment (bench/lib/pty.mjs tempHome: no NODE_* variables).
import {loadavg} from 'node:os';
import {dependencyPatches} from '../scripts/dependency-patches.mjs';
import {buildMinimalInk} from './lib/minimal-ink.mjs';
import {cliPath, runs} from './lib/options.mjs';
import {spawnPty, tempHome} from './lib/pty.mjs';
import {median, summary} from './lib/stats.mjs';

async function nodeBaseline(env, size) {
	const run = spawnPty(process.execPath, ['-e', '0'], env, size);
	const {at} = await run.exit;
	run.dispose();
	return at - run.start;
}

async function reference(file, env, size) {
	const run = spawnPty(process.execPath, [file], env, size);
	const shown = await run.waitFor('Which registry?');
	run.kill();
	await run.exit;
	run.dispose();
	return shown - run.start;
}

const highlighted = screen => screen.split('\n').find(row => row.includes('❯')) ?? '';

/** Spawn → the first frame; with `answered`, also → the first key's effect (Down moves the ❯). */
async function wizard(env, size, {answered = false, read = false} = {}) {
	const run = spawnPty(process.execPath, [cliPath(), '--no-verify'], env, size);
	try {
		const first = await run.waitFor('Which registry?');
		const result = {first: first - run.start};
		if (answered) {
			// Typed as soon as the question shows: Ink must have taken over to move the ❯.
			const before = highlighted(run.screen());
			run.write('\u001B[B');
			result.answered = (await run.waitFor(screen => highlighted(screen) !== '' && highlighted(screen) !== before)) - run.start;
		}
		if (read) result.read = (await run.waitFor(/Docker config\s+\S/)) - first;
		return result;
	} finally {
		run.kill();
		await run.exit;
		run.dispose();
	}
}

async function measure(size, env, refs, count) {
	const samples = {node: [], reference: [], patched: [], cold: [], first: [], answered: [], read: []};
	const noCache = {...env, REGAUTH_NO_CACHE: '1'};
	// The first start writes the cached first frame (source/startup/first-frame.ts); the
	// measured starts after it are a user's second and later starts.
	await wizard(env, size);
	// Interleaved, so a busy moment on the machine hits every case alike.
	for (let index = 0; index < count; index++) {
		samples.node.push(await nodeBaseline(env, size));
		if (refs) {
			samples.reference.push(await reference(refs.plain.file, env, size));
			samples.patched.push(await reference(refs.patched.file, env, size));
		}
		samples.cold.push((await wizard(noCache, size)).first);
		const warm = await wizard(env, size, {answered: true});
		samples.first.push(warm.first);
		samples.answered.push(warm.answered);
		samples.read.push((await wizard(env, size, {read: true})).read);
	}
	const base = median(samples.node);
	const ratio = values => `${(median(values) / base).toFixed(2)}× node`;
	console.log(
		`time to first screen, ${size.columns}×${size.rows} pty, clean environment (${count} runs each, interleaved; load before ${loadavg()[0].toFixed(1)})`,
	);
	console.log(`  node -e 0 (baseline)                  ${summary(samples.node)}`);
	if (refs) {
		console.log(`  minimal Ink app, bundled              ${summary(samples.reference)}  ${ratio(samples.reference)}`);
		console.log(`    … with dist/'s patches              ${summary(samples.patched)}  ${ratio(samples.patched)}`);
	}
	console.log(`  wizard, first frame drawn by Ink      ${summary(samples.cold)}  ${ratio(samples.cold)}  (REGAUTH_NO_CACHE=1, or the first start)`);
	console.log(`  wizard, first frame (cached frame)    ${summary(samples.first)}  ${ratio(samples.first)}  (goal ≤ 3.0×, stretch ≤ 2×)`);
	console.log(`  … a key typed at once is answered     ${summary(samples.answered)}  ${ratio(samples.answered)}`);
	console.log(`  machine read after first frame        ${summary(samples.read)}`);
}

const refs = process.env.BENCH_NO_REFERENCE ? undefined : {plain: await buildMinimalInk([]), patched: await buildMinimalInk([dependencyPatches])};
try {
	for (const size of [
		{columns: 120, rows: 40},
		{columns: 80, rows: 24},
	]) {
		const home = tempHome();
		try {
			await measure(size, home.env, size.columns === 120 ? refs : undefined, runs());
		} finally {
			home.remove();
		}
	}
} finally {
	refs?.plain.remove();
	refs?.patched.remove();
}
