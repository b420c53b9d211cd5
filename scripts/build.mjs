// Bundles the two executables with esbuild. One bundle starts far faster than Node resolving
// hundreds of ESM files (measured in bench/); code splitting keeps what the first screen does
// not need (execa, keytar, the apply shell) in chunks that load on demand.
import {build} from 'esbuild';
import {chmod, rm} from 'node:fs/promises';

const outdir = new URL('../dist/', import.meta.url).pathname;
await rm(outdir, {recursive: true, force: true});

await build({
	entryPoints: {
		cli: 'source/cli.tsx',
		'docker-credential-regauth': 'source/keychain/helper-main.ts',
	},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	// jsonc-parser's main build is UMD with requires esbuild cannot follow; its ESM build is fine.
	mainFields: ['module', 'main'],
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	// keytar is a native addon, optional at install time; react-devtools-core is only
	// imported by ink when DEV=true and is not installed.
	external: ['keytar', 'react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __regauthCreateRequire} from 'node:module';\nconst require = __regauthCreateRequire(import.meta.url);",
	},
});

for (const name of ['cli.js', 'docker-credential-regauth.js']) await chmod(outdir + name, 0o755);
