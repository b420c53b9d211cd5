// Bundles the two executables with esbuild. One bundle starts far faster than Node resolving
// hundreds of ESM files (measured in bench/); code splitting keeps what the first screen does
// not need (execa, keytar, the apply shell) in chunks that load on demand.

import {chmod, rm} from 'node:fs/promises';
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

await Promise.all([
	build({...common, entryPoints: {cli: 'source/cli.tsx'}, splitting: true, chunkNames: 'chunks/[name]-[hash]'}),
	// docker runs the helper on every pull: one file of its own, sharing no chunk with the CLI.
	build({...common, entryPoints: {'docker-credential-regauth': 'source/keychain/helper-main.ts'}}),
	// The GitHub Action (action.yml): main and post, each one self-contained file.
	build({...common, entryPoints: {'action/main': 'source/action/main.ts', 'action/post': 'source/action/post.ts'}}),
]);

for (const name of ['cli.js', 'docker-credential-regauth.js']) await chmod(outdir + name, 0o755);
