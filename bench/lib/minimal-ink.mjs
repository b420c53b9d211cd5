// The reference point for the wizard's start and memory: a minimal Ink app with one select
// (bench/fixtures/minimal-ink.tsx), bundled with esbuild the way scripts/build.mjs bundles dist/.
// What it costs is what Ink, React and yoga cost on this node, whatever the app does.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';

/** Builds it into a throwaway directory, with the given esbuild plugins (e.g. dist/'s dependency patches). */
export async function buildMinimalInk(plugins) {
	const outdir = mkdtempSync(join(tmpdir(), 'regauth-bench-ink-'));
	await build({
		plugins,
		entryPoints: {minimal: new URL('../fixtures/minimal-ink.tsx', import.meta.url).pathname},
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
