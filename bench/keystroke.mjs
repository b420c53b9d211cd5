// Keystroke latency: 5 registries, all six targets chosen, the preview beside the form (120×40).
// One key at a time into the first registry's user name (every planned file changes with it):
// time from writing the key to the complete frame showing it. Goal p95 ≤ 16 ms (one 60 Hz frame).
import {spawnPty, tempHome} from './lib/pty.mjs';
import {quantile, summary} from './lib/stats.mjs';
import {addRegistries, chooseTargets, KEY, select, settle, waitFrame} from './lib/wizard.mjs';
import {cliPath, keystrokes, nodeArgs} from './lib/options.mjs';

const home = tempHome();
const run = spawnPty(process.execPath, [...nodeArgs(), cliPath(), '--no-verify'], {...home.env, ...(process.env.KEYPROBE ? {KEYPROBE: process.env.KEYPROBE} : {})});
try {
	await addRegistries(run, 5);
	await chooseTargets(run);
	run.write(KEY.escape);
	await waitFrame(run, 'Which registry?');
	await settle();
	await select(run, /❯ ✎ reg1\.example\.test/);
	run.write(KEY.enter);
	await waitFrame(run, /› Username\s+user1/);
	await settle();
	const preview = run.screen().match(/‹ \d+\/(\d+) ›/);
	// Leave the exact user that was "checked" (its check line would animate a spinner).
	run.write('x');
	await waitFrame(run, /› Username\s+user1x/);
	await settle();

	const samples = [];
	let value = 'user1x';
	const count = keystrokes();
	for (let index = 0; index < count; index++) {
		// Alternate a letter and Backspace so the field stays short and every key changes the plan.
		const key = index % 2 === 0 ? String.fromCharCode(97 + ((index / 2) % 26)) : KEY.backspace;
		const next = key === KEY.backspace ? value.slice(0, -1) : value + key;
		const pattern = new RegExp(`› Username\\s+${next}(\\s|$)`, 'm');
		const started = performance.now();
		run.write(key);
		const shown = await waitFrame(run, screen => pattern.test(screen));
		samples.push(shown - started);
		value = next;
		// A fast typist: ~30 keys a second, so each key is its own frame.
		await new Promise(resolve => setTimeout(resolve, 30));
	}
	console.log(`keystroke latency: key written → complete frame showing it; 5 registries, 6 targets, preview of ${preview?.[1] ?? '?'} files beside the form`);
	console.log(`  ${summary(samples)}`);
	const p95 = quantile(samples, 0.95);
	console.log(`  p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${quantile(samples, 0.99).toFixed(1)} ms; goal p95 ≤ 16 ms: ${p95 <= 16 ? 'met' : 'NOT met'}`);
} finally {
	// Ctrl+C quits cleanly (so a --cpu-prof run writes its profile); kill only if it hangs.
	run.write(KEY.ctrlC);
	await Promise.race([run.exit, new Promise(resolve => setTimeout(resolve, 3000))]);
	run.kill();
	run.dispose();
	home.remove();
}
