// Preloaded into the measured wizard (node --import) by bench/keystroke.mjs: for each key read
// from the terminal, the time until Ink finishes writing the next frame (its synchronized-output
// end marker) and the CPU spent meanwhile, one line per key in FRAME_PROBE_FILE. This is the
// wizard's own cost, without the pseudo-terminal and the terminal emulator in between.
import {appendFileSync} from 'node:fs';

const file = process.env.FRAME_PROBE_FILE;
const SYNC_END = '\u001B[?2026l';
let pending;
const read = process.stdin.read.bind(process.stdin);
process.stdin.read = (...args) => {
	const chunk = read(...args);
	if (chunk !== null && pending === undefined) pending = {at: performance.now(), cpu: process.cpuUsage()};
	return chunk;
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const result = write(chunk, ...rest);
	if (pending !== undefined && String(chunk) === SYNC_END) {
		const cpu = process.cpuUsage(pending.cpu);
		appendFileSync(file, `${performance.now() - pending.at} ${(cpu.user + cpu.system) / 1000}\n`);
		pending = undefined;
	}
	return result;
};
