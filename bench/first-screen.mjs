// Time to first screen: the built CLI spawned in a 120×40 pseudo-terminal, timed from spawn to
// the moment the screen shows it (the bytes' arrival, once xterm has drawn them).
//   first frame     the first screen, with the registry question ("Which registry?")
//   machine read    its findings (the probes that run after the first frame)
// Baseline: `node -e 0` spawned the same way, to exit. Reference: a minimal Ink app with one
// select (bench/fixtures/minimal-ink.tsx), bundled with esbuild like dist/, to its first frame:
// once as is (issue 8's reference point) and once with dist/'s dependency patches.
// Both run in a minimal environment (PATH, HOME, LANG, TERM) and, when the caller's environment
// sets NODE_* variables that slow every start (NODE_OPTIONS, NODE_EXTRA_CA_CERTS), in that too.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {dependencyPatches} from '../scripts/dependency-patches.mjs';
import {cliPath, runs} from './lib/options.mjs';
import {spawnPty, tempHome} from './lib/pty.mjs';
import {median, summary} from './lib/stats.mjs';

async function buildReference(plugins) {
	const outdir = mkdtempSync(join(tmpdir(), 'regauth-bench-ink-'));
	await build({
		plugins,
		entryPoints: {minimal: new URL('./fixtures/minimal-ink.tsx', import.meta.url).pathname},
		outdir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minifySyntax: true,
		external: ['react-devtools-core'],
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: "import {createRequire as __benchCreateRequire} from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	return {file: join(outdir, 'minimal.js'), remove: () => rmSync(outdir, {recursive: true, force: true})};
}

async function nodeBaseline(env) {
	const run = spawnPty(process.execPath, ['-e', '0'], env);
	const {at} = await run.exit;
	run.dispose();
	return at - run.start;
}

async function reference(file, env) {
	const run = spawnPty(process.execPath, [file], env);
	const shown = await run.waitFor('Which registry?');
	run.kill();
	await run.exit;
	run.dispose();
	return shown - run.start;
}

async function wizard(env) {
	const run = spawnPty(process.execPath, [cliPath(), '--no-verify'], env);
	try {
		const first = await run.waitFor('Which registry?');
		return {first: first - run.start};
	} finally {
		run.kill();
		await run.exit;
		run.dispose();
	}
}

async function machineRead(env) {
	const run = spawnPty(process.execPath, [cliPath(), '--no-verify'], env);
	try {
		const first = await run.waitFor('Which registry?');
		const read = await run.waitFor(/Docker config\s+\S/);
		return {first: first - run.start, read: read - run.start};
	} finally {
		run.kill();
		await run.exit;
		run.dispose();
	}
}

async function measure(label, env, refs, count) {
	const samples = {node: [], reference: [], patched: [], first: [], read: []};
	// Interleaved, so a busy moment on the machine hits every case alike.
	for (let index = 0; index < count; index++) {
		samples.node.push(await nodeBaseline(env));
		samples.reference.push(await reference(refs.plain.file, env));
		samples.patched.push(await reference(refs.patched.file, env));
		const result = await wizard(env);
		samples.first.push(result.first);
		const read = await machineRead(env);
		samples.read.push(read.read - read.first);
	}
	const base = median(samples.node);
	const ratio = values => `${(median(values) / base).toFixed(2)}× node`;
	console.log(`time to first screen, ${label} (120×40 pty, ${count} runs each, interleaved)`);
	console.log(`  node -e 0 (baseline)      ${summary(samples.node)}`);
	console.log(`  minimal Ink app, bundled  ${summary(samples.reference)}  ${ratio(samples.reference)}`);
	console.log(`    … with dist/'s patches  ${summary(samples.patched)}  ${ratio(samples.patched)}`);
	console.log(`  wizard: first frame, with the registry question ${summary(samples.first)}  ${ratio(samples.first)}  (goal ≤ 3.0×, stretch ≤ 2×)`);
	console.log(`  machine read after first frame: ${summary(samples.read)}`);
}

const refs = {plain: await buildReference([]), patched: await buildReference([dependencyPatches])};
const home = tempHome();
try {
	await measure('minimal environment', home.env, refs, runs());
	const slow = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'].filter(name => process.env[name]);
	if (slow.length > 0)
		await measure(`this shell's environment (${slow.join(', ')} set)`, {...process.env, HOME: home.dir, TERM: 'xterm-256color'}, refs, runs());
} finally {
	refs.plain.remove();
	refs.patched.remove();
	home.remove();
}
