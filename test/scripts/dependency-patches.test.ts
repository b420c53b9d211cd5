// The dependency patches of scripts/dependency-patches.mjs: each still matches the installed
// dependency, a changed dependency fails the build (never a silently unpatched bundle), and the
// string-width shortcut gives exactly the widths string-width itself gives.

import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import xterm from '@xterm/headless';
import {build} from 'esbuild';
import fc from 'fast-check';
import {applyPatches, dependencyPatches, MAY_BE_EMOJI} from '../../scripts/dependency-patches.mjs';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
const PATCHED = [
	'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
	'node_modules/string-width/index.js',
	'node_modules/wrap-ansi/node_modules/string-width/index.js',
	'node_modules/ink/build/output.js',
	'node_modules/ink/build/render-node-to-output.js',
	'node_modules/ink/build/measure-text.js',
	'node_modules/ink/build/log-update.js',
];

/** `entry` bundled with the patches into `dir`/patched.mjs, the way scripts/build.mjs bundles dist/. */
async function bundlePatched(entry: string, dir: string): Promise<void> {
	await build({
		entryPoints: [entry],
		outfile: join(dir, 'patched.mjs'),
		bundle: true,
		format: 'esm',
		platform: 'node',
		logLevel: 'silent',
		plugins: [dependencyPatches],
		// Some dependencies (cli-cursor, under log-update) require node built-ins.
		banner: {js: "import {createRequire} from 'node:module';\nconst require = createRequire(import.meta.url);"},
	});
}

test('every patch matches the installed dependency', () => {
	for (const file of PATCHED) {
		const path = join(root, file);
		const original = readFileSync(path, 'utf8');
		const result = applyPatches(path, original);
		assert.equal(result.error, undefined, file);
		assert.notEqual(result.contents, original, `${file} was not changed`);
	}
});

test('a dependency that no longer matches its patch fails the build, naming the file', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-patches-'));
	try {
		const output = join(dir, 'node_modules', 'ink', 'build', 'output.js');
		mkdirSync(join(output, '..'), {recursive: true});
		// An upgrade that renamed one of the patched statements.
		writeFileSync(
			output,
			readFileSync(join(root, 'node_modules/ink/build/output.js'), 'utf8').replace('return sliceAnsi(line, from, to);', 'return slice(line, from, to);'),
		);
		writeFileSync(join(dir, 'entry.js'), `import './node_modules/ink/build/output.js';\n`);
		await assert.rejects(
			build({
				entryPoints: [join(dir, 'entry.js')],
				bundle: true,
				write: false,
				format: 'esm',
				platform: 'node',
				logLevel: 'silent',
				plugins: [dependencyPatches],
			}),
			(error: Error) => /ink[\\/]build[\\/]output\.js changed: a patch no longer matches \(no "return sliceAnsi/.test(error.message),
		);
		// A string-width with neither of the two shapes the patches know.
		const width = join(dir, 'node_modules', 'string-width', 'index.js');
		mkdirSync(join(width, '..'), {recursive: true});
		writeFileSync(width, 'export default function stringWidth(text) { return text.length; }\n');
		writeFileSync(join(dir, 'entry.js'), `import './node_modules/string-width/index.js';\n`);
		await assert.rejects(
			build({
				entryPoints: [join(dir, 'entry.js')],
				bundle: true,
				write: false,
				format: 'esm',
				platform: 'node',
				logLevel: 'silent',
				plugins: [dependencyPatches],
			}),
			/string-width[\\/]index\.js changed: none of its patches applies/,
		);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

// The strings an RGI emoji is made of (Unicode TS #51 §1.4): single characters, presentation
// sequences (X FE0F), keycaps, flags (two regional indicators), modifier sequences, tag
// sequences and ZWJ sequences of those.
// (A literal /v regex needs an ES2024 target in tsc; Node 20 has the flag.)
const unicodeSets = 'v';
const RGI = new RegExp('^\\p{RGI_Emoji}$', unicodeSets);
const codePoints = function* (from: number, to: number) {
	for (let point = from; point <= to; point++) if (point < 0xd800 || point > 0xdfff) yield String.fromCodePoint(point);
};
const singles = [...codePoints(0, 0x3ffff), ...codePoints(0xe0000, 0xe01ef)];
const regional = [...codePoints(0x1f1e6, 0x1f1ff)];
const modifiers = [...codePoints(0x1f3fb, 0x1f3ff)];
const emojiSingles = singles.filter(text => RGI.test(text) || RGI.test(`${text}\uFE0F`));
const tags = [...codePoints(0xe0020, 0xe007e)];

function* emojiCandidates(): Generator<string> {
	yield* singles;
	for (const text of singles) yield `${text}\uFE0F`;
	for (const first of regional) for (const second of regional) yield first + second;
	for (const text of singles) for (const modifier of modifiers) yield text + modifier;
	for (const key of '0123456789#*') yield `${key}\uFE0F\u20E3`;
	for (const region of ['gbeng', 'gbsct', 'gbwls', 'usca'])
		yield `\u{1F3F4}${[...region].map(letter => String.fromCodePoint(0xe0000 + letter.charCodeAt(0))).join('')}\u{E007F}`;
}

test('the cheap emoji class holds for every RGI emoji (so skipping the costly test is exact)', () => {
	let emoji = 0;
	for (const text of emojiCandidates()) {
		if (!RGI.test(text)) continue;
		emoji++;
		assert.ok(MAY_BE_EMOJI.test(text), `RGI emoji ${JSON.stringify(text)} fails the cheap class`);
	}
	assert.ok(emoji > 2000, `only ${emoji} emoji found: the candidates are wrong`);
	// ZWJ sequences are joined from the parts above; random joins of emoji and other characters.
	const part = fc.oneof(
		fc.constantFrom(...emojiSingles),
		fc.constantFrom(...modifiers, ...tags, '\uFE0F', '\u20E3'),
		fc.nat(singles.length - 1).map(index => singles[index]!),
	);
	fc.assert(
		fc.property(fc.array(part, {minLength: 1, maxLength: 5}), parts => {
			const text = parts.join('\u200D');
			return !RGI.test(text) || MAY_BE_EMOJI.test(text);
		}),
		{numRuns: 20_000},
	);
});

test('patched string-width 8 and 7 give the widths the originals give', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-patches-'));
	try {
		const entry = join(dir, 'entry.js');
		const v8 = require.resolve('string-width');
		const v7 = join(root, 'node_modules/wrap-ansi/node_modules/string-width/index.js');
		writeFileSync(entry, `export {default as width8} from ${JSON.stringify(v8)};\nexport {default as width7} from ${JSON.stringify(v7)};\n`);
		await bundlePatched(entry, dir);
		const patched = (await import(pathToFileURL(join(dir, 'patched.mjs')).href)) as Record<'width8' | 'width7', (text: string) => number>;
		assert.ok(readFileSync(join(dir, 'patched.mjs'), 'utf8').includes('regauthMayBeEmoji.test('), 'the bundle is patched');
		const original8 = ((await import(pathToFileURL(v8).href)) as {default: (text: string) => number}).default;
		const original7 = ((await import(pathToFileURL(v7).href)) as {default: (text: string) => number}).default;
		const samples = [...singles.filter((_, index) => index % 7 === 0), ...emojiSingles, ...[...emojiCandidates()].filter(text => RGI.test(text))];
		samples.push('· Docker config ~/.docker/config.json', '👩‍👩‍👧‍👦 family', '🏳️‍🌈 flag', 'a\u0301 combining', '漢字 wide', '1️⃣ keycap');
		for (const text of samples) {
			assert.equal(patched.width8(text), original8(text), `string-width 8 of ${JSON.stringify(text)}`);
			assert.equal(patched.width7(text), original7(text), `string-width 7 of ${JSON.stringify(text)}`);
		}
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test("Ink draws with measureText's width, which is widest-line's, also past measureText's cache bound", async () => {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-patches-'));
	try {
		const entry = join(dir, 'entry.js');
		writeFileSync(
			entry,
			`export {default as measureText} from ${JSON.stringify(join(root, 'node_modules/ink/build/measure-text.js'))};\nexport {default as widestLine} from ${JSON.stringify(require.resolve('widest-line'))};\nexport {default as renderNodeToOutput} from ${JSON.stringify(join(root, 'node_modules/ink/build/render-node-to-output.js'))};\n`,
		);
		await bundlePatched(entry, dir);
		const bundled = readFileSync(join(dir, 'patched.mjs'), 'utf8');
		assert.match(bundled, /currentWidth = measure_text_default\(text\)\.width/, 'renderNodeToOutput measures through measureText');
		const patched = (await import(pathToFileURL(join(dir, 'patched.mjs')).href)) as {
			measureText: (text: string) => {width: number; height: number};
			widestLine: (text: string) => number;
		};
		const texts = ['', 'one line', 'two\nlines, the second longer', '\u001B[1mbold\u001B[22m ›', '漢字\n👩‍👩‍👧‍👦 family\n', 'x'.repeat(300)];
		for (let round = 0; round < 2; round++)
			for (const text of texts) assert.equal(patched.measureText(text).width, patched.widestLine(text), JSON.stringify(text));
		// More distinct texts than the bound: every answer stays right after the cache is cleared.
		for (let index = 0; index < 10_000; index++)
			assert.equal(patched.measureText(`row ${index}\n${'·'.repeat(index % 50)}`).width, Math.max(4 + String(index).length, index % 50));
		assert.equal(patched.measureText(texts[2]!).width, patched.widestLine(texts[2]!));
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test("Ink's incremental log-update, patched, leaves on screen exactly the last frame, whatever frames came before", async () => {
	const dir = mkdtempSync(join(tmpdir(), 'regauth-patches-'));
	try {
		const entry = join(dir, 'entry.js');
		writeFileSync(entry, `export {default as logUpdate} from ${JSON.stringify(join(root, 'node_modules/ink/build/log-update.js'))};\n`);
		await bundlePatched(entry, dir);
		const {logUpdate} = (await import(pathToFileURL(join(dir, 'patched.mjs')).href)) as {
			logUpdate: {create: (stream: {write: (text: string) => boolean}, options: {incremental: boolean}) => (text: string) => void};
		};
		// Frames as Ink writes them when they are shorter than the terminal: rows, then a newline.
		const frame = fc.array(fc.constantFrom('', 'a', 'b', '❯ Quay', '  Docker Hub', 'x'.repeat(12)), {minLength: 1, maxLength: 10});
		await fc.assert(
			fc.asyncProperty(fc.array(frame, {minLength: 1, maxLength: 6}), async frames => {
				// convertEol: a terminal's tty turns \n into \r\n (onlcr).
				const terminal = new xterm.Terminal({cols: 20, rows: 12, allowProposedApi: true, convertEol: true});
				let written = Promise.resolve();
				const render = logUpdate.create(
					{
						write: text => {
							written = written.then(() => new Promise<void>(done => terminal.write(text, done)));
							return true;
						},
					},
					{incremental: true},
				);
				for (const rows of frames) render(`${rows.join('\n')}\n`);
				await written;
				const last = frames.at(-1)!;
				const screen = Array.from({length: last.length}, (_, row) => terminal.buffer.active.getLine(row)?.translateToString(true) ?? '');
				terminal.dispose();
				assert.deepEqual(screen, last);
			}),
			{numRuns: 200},
		);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});
