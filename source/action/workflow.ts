// The runner's side of a JavaScript action, as actions/toolkit's @actions/core does it
// (docs/ci.md §5): inputs arrive as INPUT_<NAME>, workflow commands go to stdout, and values for
// later steps (GITHUB_ENV) and for the post step (GITHUB_STATE) are appended to files in the
// name<<delimiter form. No dependency: @actions/core 3 is ESM-only and 2 pulls in an HTTP client.
import {randomUUID} from 'node:crypto';
import {appendFileSync} from 'node:fs';
import {EOL} from 'node:os';

/** `with: name: …` of the step; the runner upper-cases the name and turns spaces into _. */
export function input(name: string, env: NodeJS.ProcessEnv = process.env): string {
	return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Workflow-command data: the runner decodes %25, %0D and %0A. */
function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** From now on the runner replaces `value` with *** in every log line. */
export function addMask(value: string, write = (text: string) => process.stdout.write(text)): void {
	if (value !== '') write(`::add-mask::${escapeData(value)}${EOL}`);
}

export function error(message: string, write = (text: string) => process.stdout.write(text)): void {
	write(`::error::${escapeData(message)}${EOL}`);
}

export function warning(message: string, write = (text: string) => process.stdout.write(text)): void {
	write(`::warning::${escapeData(message)}${EOL}`);
}

/** Append name=value to the file the runner named in `variable` (GITHUB_ENV, GITHUB_STATE). */
export function appendFileCommand(variable: 'GITHUB_ENV' | 'GITHUB_STATE', name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
	const file = env[variable];
	if (!file) throw new Error(`${variable} is not set: this runs as a step of a GitHub Actions job (uses: …/regauth@…).`);
	const delimiter = `ghadelimiter_${randomUUID()}`;
	if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`${name}: the value contains the delimiter ${delimiter}`);
	appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
