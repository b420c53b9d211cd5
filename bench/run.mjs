// npm run bench [-- NAME… ] [-- --dist DIR]: runs the benchmarks one after another, each in its
// own process, against the built dist/ (or DIR: e.g. a copy of dist/ from before a change).
// Figures, not tests: nothing here fails on a slow result; see each file for what it measures.
// Settings: BENCH_RUNS (runs per case), BENCH_KEYS (keystrokes). Quiet machines give stable figures.
import {spawnSync} from 'node:child_process';
import {cpus} from 'node:os';
import {resolve} from 'node:path';

const BENCHES = {
	'first-screen': ['bench/first-screen.mjs'],
	keystroke: ['bench/keystroke.mjs'],
	'plan-scale': ['--import', 'tsx', 'bench/plan-scale.ts'],
	plan: ['bench/plan.mjs'],
	'mask-scale': ['--import', 'tsx', 'bench/mask-scale.ts'],
	helper: ['bench/helper.mjs'],
	memory: ['bench/memory.mjs'],
	exec: ['bench/exec.mjs'],
	'status-check': ['bench/status-check.mjs'],
};

const args = process.argv.slice(2);
const env = {...process.env};
const dist = args.indexOf('--dist');
if (dist !== -1) {
	env.BENCH_DIST = resolve(args[dist + 1] ?? '');
	args.splice(dist, 2);
}
const unknown = args.filter(name => !(name in BENCHES));
if (unknown.length > 0) {
	console.error(`bench: unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
	process.exit(2);
}
const chosen = args.length > 0 ? args : Object.keys(BENCHES);
const cpu = cpus();
console.log(`regauth benchmarks · node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} · ${env.BENCH_DIST ?? 'dist/'}`);
let failed = 0;
for (const name of chosen) {
	console.log('');
	const result = spawnSync(process.execPath, BENCHES[name], {stdio: 'inherit', env, cwd: new URL('..', import.meta.url).pathname});
	if (result.status !== 0) {
		failed++;
		console.log(`(${name} did not finish: exit ${result.status ?? result.signal})`);
	}
}
process.exitCode = failed > 0 ? 1 : 0;
