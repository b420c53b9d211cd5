// Shared settings: which build to measure and how many runs. `node bench/run.mjs --dist DIR`
// measures another build (e.g. a copy of dist/ from before a change) in the same conditions.

import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const DEFAULT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export const distDir = () => process.env.BENCH_DIST || DEFAULT_DIST;
/** The package's bin (dist/cli.cjs, which loads dist/cli.js); a build from before it had only cli.js. */
export const cliPath = () => (existsSync(join(distDir(), 'cli.cjs')) ? join(distDir(), 'cli.cjs') : join(distDir(), 'cli.js'));
export const helperPath = () => join(distDir(), 'docker-credential-regauth.cjs');
/** Runs per measured case (BENCH_RUNS), default `fallback`. */
export const runs = (fallback = 15) => Number(process.env.BENCH_RUNS || fallback);
export const keystrokes = () => Number(process.env.BENCH_KEYS || 200);
/** Extra node flags for the measured CLI (BENCH_NODE_ARGS, space-separated), for experiments. */
export const nodeArgs = () => (process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : []);
