// Fake programs placed first on PATH that record how regauth called them: argv, environment
// and stdin. Used to prove a secret never travels on a command line or in the environment.
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export interface Call {
	program: string;
	argv: string[];
	env: Record<string, string>;
	stdin: string;
}

/** Creates `names` in `dir/bin`; each records its call and prints `stdout` (by program name). */
export function recordingPrograms(dir: string, names: string[], stdout: Record<string, string> = {}): {bin: string; calls: () => Call[]} {
	const bin = join(dir, 'bin');
	const log = join(dir, 'calls.jsonl');
	mkdirSync(bin, {recursive: true});
	for (const name of names) {
		const script = `#!${process.execPath}
const fs = require('node:fs');
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({program: ${JSON.stringify(name)}, argv: process.argv.slice(2), env: process.env, stdin}) + '\\n');
process.stdout.write(${JSON.stringify(stdout[name] ?? '')});
`;
		writeFileSync(join(bin, name), script);
		chmodSync(join(bin, name), 0o755);
	}
	return {
		bin,
		calls: () =>
			existsSync(log)
				? readFileSync(log, 'utf8')
						.trim()
						.split('\n')
						.filter(Boolean)
						.map(line => JSON.parse(line) as Call)
				: [],
	};
}
