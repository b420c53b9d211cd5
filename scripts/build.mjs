// Bundles the two executables with esbuild. One bundle starts far faster than Node resolving
// hundreds of ESM files (measured in bench/); code splitting keeps what the first screen does
// not need (execa, keytar, the apply shell) in chunks that load on demand.

import {chmod, rm, writeFile} from 'node:fs/promises';
import {build} from 'esbuild';
import {dependencyPatches} from './dependency-patches.mjs';

const outdir = new URL('../dist/', import.meta.url).pathname;
await rm(outdir, {recursive: true, force: true});

const common = {
	outdir,
	bundle: true,
	format: 'esm',
	platform: 'node',
	// jsonc-parser's main build is UMD with requires esbuild cannot follow; its ESM build is fine.
	mainFields: ['module', 'main'],
	target: 'node20',
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	// keytar is a native addon, optional at install time; react-devtools-core is only
	// imported by ink when DEV=true and is not installed.
	external: ['keytar', 'react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [dependencyPatches],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __regauthCreateRequire} from 'node:module';\nconst require = __regauthCreateRequire(import.meta.url);",
	},
};

// The credential helper is CommonJS (.cjs): docker runs it on every pull, and a CommonJS entry
// answers `get` in ~1.2× a bare `node -e 0` where the same code as an ES module took ~2.1×
// (bench/helper.mjs; docs/performance.md §3). keytar-store.ts reads
// import.meta.url, which CommonJS provides as this file's URL.
const helper = {
	...common,
	format: 'cjs',
	entryPoints: {'docker-credential-regauth': 'source/keychain/helper-main.ts'},
	outExtension: {'.js': '.cjs'},
	define: {...common.define, 'import.meta.url': '__regauthImportMetaUrl'},
	banner: {js: "#!/usr/bin/env node\nconst __regauthImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
};

// The bin: CommonJS starts sooner than an ES module, and the cached first frame needs nothing
// else (source/startup/front-door.ts); it then loads dist/cli.js.
const frontDoor = {
	...common,
	format: 'cjs',
	entryPoints: {cli: 'source/startup/front-door.ts'},
	outExtension: {'.js': '.cjs'},
	banner: {js: '#!/usr/bin/env node'},
};

await Promise.all([
	build({...common, entryPoints: {cli: 'source/cli.tsx'}, splitting: true, chunkNames: 'chunks/[name]-[hash]'}),
	build(frontDoor),
	// docker runs the helper on every pull: one file of its own, sharing no chunk with the CLI.
	build(helper),
	// The GitHub Action (action.yml): main and post, each one self-contained file.
	build({...common, entryPoints: {'action/main': 'source/action/main.ts', 'action/post': 'source/action/post.ts'}}),
]);
// Launchers that regauth 0.1 wrote (~/.local/bin/docker-credential-regauth) run this path.
await writeFile(
	`${outdir}docker-credential-regauth.js`,
	"#!/usr/bin/env node\n// The helper moved to docker-credential-regauth.cjs (faster to start); launchers written before run this.\nimport {createRequire} from 'node:module';\n\ncreateRequire(import.meta.url)('./docker-credential-regauth.cjs');\n",
);

for (const name of ['cli.cjs', 'cli.js', 'docker-credential-regauth.cjs', 'docker-credential-regauth.js']) await chmod(outdir + name, 0o755);
