// plan() as the wizard's live preview runs it: once per keystroke, with docker, podman,
// kubernetes (3 namespaces), butane, mesos and rkt chosen. Times each target's planner and the
// whole plan(), with the password changing on every call (typing the password: nothing can be
// reused) and with the same answers (typing in any other field). ~/.docker/config.json already
// holds 8 logins.
//
//   node bench/plan.mjs                      this tree's source/
//   node bench/plan.mjs --baseline main      also a git ref's source/, interleaved round by round
//   node bench/plan.mjs --cpu-prof           one profile of this tree (node's --cpu-prof file)
//   node bench/plan.mjs --plain-v8           without the wizard's V8 flags (see below)
// Settings: BENCH_ROUNDS (default 15), BENCH_CALLS per round (default 40).
// The wizard runs with --optimize-for-size --no-opt --semi-space-growth-factor=1 (source/cli.tsx
// WIZARD_V8_FLAGS: memory over peak speed), which makes plan() ~4× slower than default V8; the
// bench re-runs itself with those flags unless --plain-v8.
// Each source tree is bundled with esbuild into a temporary directory, as scripts/build.mjs
// bundles dist/ (same code, same optimiser); figures, never assertions.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {Session} from 'node:inspector/promises';
import {loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {median, quantile} from './lib/stats.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const baseline = baselineAt === -1 ? undefined : args[baselineAt + 1];
const profile = args.includes('--cpu-prof');
const WIZARD_V8_FLAGS = ['--optimize-for-size', '--no-opt', '--semi-space-growth-factor=1'];
if (!args.includes('--plain-v8') && !process.execArgv.includes('--no-opt')) {
	const child = spawnSync(process.execPath, [...WIZARD_V8_FLAGS, ...process.execArgv, new URL(import.meta.url).pathname, ...args], {stdio: 'inherit'});
	process.exit(child.status ?? 1);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 40);
const SIX = ['docker', 'podman', 'kubernetes', 'butane', 'mesos', 'rkt'];

const ENTRY = `
export {defaultAnswers, resolveAnswers} from './source/answers.js';
export {emptyEnvironment} from './source/environment.js';
export {plan} from './source/plan.js';
export {TARGETS} from './source/targets/index.js';
`;

async function load(dir, label) {
	const out = join(scratch, `${label}.mjs`);
	await build({
		stdin: {contents: ENTRY, resolveDir: dir, loader: 'ts', sourcefile: 'bench-entry.ts'},
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		mainFields: ['module', 'main'],
		minifySyntax: true,
		define: {'process.env.NODE_ENV': '"production"'},
		outfile: out,
		nodePaths: [join(root, 'node_modules')],
		// As scripts/build.mjs: native and CommonJS-only packages stay outside the bundle.
		external: ['keytar', 'react-devtools-core'],
		banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
		logLevel: 'error',
	});
	return {label, module: await import(pathToFileURL(out).href)};
}

function answersFor(m, password) {
	const answers = m.defaultAnswers();
	answers.targets = [...SIX];
	answers.keychain = {kind: 'file'};
	answers.credentials = [{registry: 'quay.io', username: 'team+deploy', password, email: ''}];
	answers.kubernetes.namespaces = ['web', 'jobs', 'staging'];
	return answers;
}

const env = m => m.emptyEnvironment({home: '/home/dev', cwd: '/work/project', helpers: [], files: {}});

/** One round: CALLS plans, the password changing (or not) each call; per-target and total ms. */
function round(m, machine, changing, counter) {
	const perTarget = Object.fromEntries(SIX.map(id => [id, []]));
	const total = [];
	const targets = m.TARGETS.filter(target => SIX.includes(target.id));
	for (let call = 0; call < CALLS; call++) {
		const password = changing ? `s3cr3t-${counter.next++}-${'x'.repeat(30)}` : 's3cr3t-fixed-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
		const answers = answersFor(m, password);
		const ctx = {answers, credentials: m.resolveAnswers(answers).credentials, env: machine};
		for (const target of targets) {
			const started = performance.now();
			const output = target.plan(ctx);
			perTarget[target.id].push(performance.now() - started);
			if (output.artifacts.length === 0) throw new Error(`${target.id} planned nothing`);
		}
		const started = performance.now();
		const result = m.plan(answersFor(m, `${password}!`), machine);
		total.push(performance.now() - started);
		if (result.artifacts.length === 0) throw new Error('plan() planned nothing');
	}
	return {perTarget, total};
}

const scratch = mkdtempSync(join(tmpdir(), 'regauth-bench-plan-'));
try {
	const trees = [await load(root, 'this')];
	if (baseline) {
		const dir = join(scratch, 'baseline');
		execFileSync('mkdir', ['-p', dir]);
		execFileSync('sh', ['-c', `git -C "$1" archive "$2" source | tar -x -C "$3"`, 'sh', root, baseline, dir]);
		trees.unshift(await load(dir, baseline));
	}
	const counter = {next: 0};
	if (profile) {
		const m = trees.at(-1).module;
		const machine = env(m);
		for (let warm = 0; warm < 3; warm++) round(m, machine, true, counter);
		const session = new Session();
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', {interval: 100});
		await session.post('Profiler.start');
		for (let r = 0; r < ROUNDS; r++) round(m, machine, true, counter);
		const {profile: cpu} = await session.post('Profiler.stop');
		const file = join(process.cwd(), `plan-${Date.now()}.cpuprofile`);
		(await import('node:fs')).writeFileSync(file, JSON.stringify(cpu));
		console.log(`profile written: ${file}`);
	} else {
		const load1 = loadavg()[0];
		console.log(
			`plan(): ${SIX.join(', ')} (kubernetes: 3 namespaces), 1 registry · ${ROUNDS} rounds × ${CALLS} calls, trees interleaved · V8 flags: ${process.execArgv.join(' ') || 'none'} · load ${loadavg()
				.map(value => value.toFixed(1))
				.join(' ')}`,
		);
		const samples = new Map(trees.map(tree => [tree.label, {changing: {perTarget: {}, total: []}, same: {perTarget: {}, total: []}}]));
		for (const tree of trees) {
			const machine = env(tree.module);
			round(tree.module, machine, true, counter); // warm-up: first calls compile
			round(tree.module, machine, false, counter);
		}
		for (let r = 0; r < ROUNDS; r++) {
			const order = r % 2 === 0 ? trees : [...trees].reverse();
			for (const tree of order) {
				const machine = env(tree.module);
				for (const mode of ['changing', 'same']) {
					const result = round(tree.module, machine, mode === 'changing', counter);
					const into = samples.get(tree.label)[mode];
					into.total.push(...result.total);
					for (const id of SIX) {
						into.perTarget[id] ??= [];
						into.perTarget[id].push(...result.perTarget[id]);
					}
				}
			}
		}
		const f = value => value.toFixed(2).padStart(6);
		for (const mode of ['changing', 'same']) {
			console.log(`\n  ${mode === 'changing' ? 'password changes every call' : 'same answers every call'} (ms, median / p95):`);
			console.log(`  ${'tree'.padEnd(10)} ${[...SIX, 'plan() all six'].map(id => id.padStart(15)).join('')}`);
			for (const tree of trees) {
				const into = samples.get(tree.label)[mode];
				const cells = [...SIX.map(id => into.perTarget[id]), into.total].map(values => `${f(median(values))}/${f(quantile(values, 0.95))}`.padStart(15));
				console.log(`  ${tree.label.padEnd(10)} ${cells.join('')}`);
			}
		}
		console.log(`\n  load average at start ${load1.toFixed(1)}, at end ${loadavg()[0].toFixed(1)}`);
	}
} finally {
	rmSync(scratch, {recursive: true, force: true});
}
