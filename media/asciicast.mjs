// Writes a recorded run as an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/):
// a JSON header line, then one [seconds, "o", data] line per chunk of output. svg-term-cli
// reads this format.
import {writeFileSync} from 'node:fs';

/**
 * Timestamps are the real ones, with two edits so the animation is pleasant to watch and the
 * same length on every run: the wait before the first frame (node starting) is dropped, and
 * any quiet stretch longer than `maxGapSeconds` (a slow machine, the keychain answering) is
 * shortened to it. Chunks closer together than `mergeSeconds` are merged into one frame: Ink
 * writes a frame as several chunks, and each chunk would otherwise become an SVG frame of its
 * own, half-drawn. An empty event `holdSeconds` after the last one keeps the final screen up
 * before the animation loops (svg-term shows the last frame for no time otherwise).
 *
 * @param {Array<[number, string]>} output
 * @param {{maxGapSeconds: number, mergeSeconds: number, holdSeconds: number}} options
 */
export function compressTimeline(output, {maxGapSeconds, mergeSeconds, holdSeconds}) {
	/** @type {Array<[number, string]>} */
	const events = [];
	let previousReal;
	let clock = 0;
	for (const [real, data] of output) {
		if (previousReal !== undefined) clock += Math.min(real - previousReal, maxGapSeconds);
		previousReal = real;
		const last = events.at(-1);
		if (last && clock - last[0] < mergeSeconds) last[1] += data;
		else events.push([Number(clock.toFixed(3)), data]);
	}
	events.push([Number((clock + holdSeconds).toFixed(3)), '']);
	return events;
}

/**
 * @param {string} path
 * @param {{columns: number, rows: number, title: string, env: Record<string, string>}} header
 * @param {Array<[number, string]>} events
 */
export function writeAsciicast(path, {columns, rows, title, env}, events) {
	const head = {version: 2, width: columns, height: rows, title, env: {TERM: env.TERM, SHELL: '/bin/sh'}};
	const lines = [JSON.stringify(head), ...events.map(([time, data]) => JSON.stringify([time, 'o', data]))];
	writeFileSync(path, `${lines.join('\n')}\n`);
}
