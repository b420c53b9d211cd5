// Masking secrets in a large config.json: maskJsonSecrets on 10k, 20k and 40k registries, and a
// headless apply (`-t docker --no-verify --yes`, the built dist/) merging one login into a
// 10,000-entry config. Goal: masking linear in entries, ≤ 100 ms for 10k. Before the fix the
// apply took 13.6 s at 10k and over 120 s at 40k (quadratic string rebuilding).
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {maskJsonSecrets} from '../source/formats/json-text.js';
import {median} from './lib/stats.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);

function config(entries: number): string {
	const auths = Object.fromEntries(
		Array.from({length: entries}, (_, index) => [`r${index}.example.com`, {auth: Buffer.from(`u${index}:p${index}`).toString('base64')}]),
	);
	return `${JSON.stringify({auths}, null, '\t')}\n`;
}

console.log('mask-scale: maskJsonSecrets on a config.json with N registries (median of runs)');
let perEntry: number[] = [];
maskJsonSecrets(config(2_000)); // warm up: figures for steady code, not for the first compile
for (const entries of [10_000, 20_000, 40_000]) {
	const text = config(entries);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		maskJsonSecrets(text);
		times.push(performance.now() - started);
	}
	const ms = median(times);
	perEntry = [...perEntry, (ms * 1000) / entries];
	console.log(
		`  ${String(entries).padStart(6)} entries (${(text.length / 1024).toFixed(0)} KiB): ${ms.toFixed(1)} ms, ${((ms * 1000) / entries).toFixed(2)} µs/entry`,
	);
}
console.log(`  growth per entry 10k→40k: ×${(perEntry[2]! / perEntry[0]!).toFixed(2)} (1.0 = linear)`);

const dist = resolve(process.env.BENCH_DIST ?? 'dist');
const dir = mkdtempSync(join(tmpdir(), 'regauth-bench-mask-'));
try {
	const home = join(dir, 'home');
	mkdirSync(join(home, '.docker'), {recursive: true});
	const times: number[] = [];
	for (let run = 0; run < Math.min(runs, 3); run++) {
		writeFileSync(join(home, '.docker', 'config.json'), config(10_000), {mode: 0o600});
		const started = performance.now();
		const result = spawnSync(
			process.execPath,
			[join(dist, 'cli.js'), '-r', 'new.example.com', '-u', 'u', '--password-stdin', '-t', 'docker', '--no-verify', '--yes'],
			{
				input: 'pw',
				env: {PATH: process.env.PATH, HOME: home, XDG_STATE_HOME: join(dir, 'state')},
			},
		);
		times.push(performance.now() - started);
		if (result.status !== 0) throw new Error(`apply failed: ${result.stderr}`);
	}
	console.log(`  headless apply into a 10,000-entry config.json: ${median(times).toFixed(0)} ms (whole process)`);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
