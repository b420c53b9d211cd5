// Costs in dependencies, measured with bench/ and removed at bundle time (an esbuild plugin for
// scripts/build.mjs). Each patch keeps the library's results exactly (test/scripts/). If an
// upgrade changes a patched file so that a patch no longer matches, the build fails naming the
// file and the missing text: a silently unpatched bundle would be slower and nobody would know.
// Re-measure (npm run bench) and update the patch, or remove it.
import {readFile} from 'node:fs/promises';

/** The cheap test the string-width patches run before the costly RGI emoji one (test/scripts/). */
export const MAY_BE_EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Presentation}]|\uFE0F|\u20E3/u;
const MAY_BE_EMOJI_SOURCE = `const regauthMayBeEmoji = ${MAY_BE_EMOJI};\n`;
const PATCHES = [
	{
		// yoga-layout (Ink's layout engine) loads its WebAssembly from a base64 data: URL through
		// fetch() whenever fetch exists; on Node 20 the first touch of fetch loads undici. ~35 ms.
		// Decode the same bytes with Buffer instead.
		file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		edits: [
			['"function"!=typeof fetch', '!0'],
			['var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c', 'var d=Buffer.from(a.slice(37),"base64")'],
		],
	},
	{
		// string-width 8 tests every non-ASCII grapheme against /^\p{RGI_Emoji}$/v, whose first use
		// compiles for ~18 ms (one "·" on screen is enough). Every RGI emoji holds a code point that
		// is Extended_Pictographic or Emoji_Presentation, or U+FE0F / U+20E3 (checked over every code
		// point): test that cheap class first.
		file: /[\\/]string-width[\\/]index\.js$/,
		when: 'rgiEmojiRegex.test(segment)',
		prepend: MAY_BE_EMOJI_SOURCE,
		edits: [['rgiEmojiRegex.test(segment)', '(regauthMayBeEmoji.test(segment) && rgiEmojiRegex.test(segment))']],
	},
	{
		// string-width 7 (under wrap-ansi) does the same with emoji-regex's 14 kB pattern.
		file: /[\\/]string-width[\\/]index\.js$/,
		when: 'emojiRegex().test(character)',
		prepend: MAY_BE_EMOJI_SOURCE,
		edits: [['emojiRegex().test(character)', '(regauthMayBeEmoji.test(character) && emojiRegex().test(character))']],
	},
	{
		// Ink draws every frame from scratch: each line of text is re-tokenized into styled cells,
		// re-clipped, and each of the 40 rows re-serialized cell by cell, even when nothing in it
		// changed: about 60% of the CPU a keystroke cost (bench/keystroke.mjs). Keep the per-text
		// caches and clipped slices across frames (bounded), share one blank cell, and reuse a
		// row's text when it holds exactly the cells of the previous frame. Cells are never mutated.
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		prepend: `let regauthCaches;
const REGAUTH_BLANK = {type: 'char', value: ' ', fullWidth: false, styles: []};
const regauthRows = [];
function regauthRow(line, y) {
	const cells = line.filter(item => item !== undefined);
	const previous = regauthRows[y];
	if (previous && previous.cells.length === cells.length && previous.cells.every((cell, index) => cell === cells[index])) return previous.text;
	const text = styledCharsToString(cells).trimEnd();
	regauthRows[y] = {cells, text};
	return text;
}
const regauthBounded = map => {
	if (map.size >= 4096) map.clear();
	return map;
};
const regauthSlices = new Map();
function regauthSlice(line, from, to) {
	const key = from + ':' + to + ':' + line;
	let cached = regauthSlices.get(key);
	if (cached === undefined) {
		cached = sliceAnsi(line, from, to);
		regauthBounded(regauthSlices).set(key, cached);
	}
	return cached;
}
`,
		edits: [
			['caches = new OutputCaches();', 'caches = (regauthCaches ??= new OutputCaches());'],
			['this.styledChars.set(line, cached);', 'regauthBounded(this.styledChars).set(line, cached);'],
			['this.widths.set(text, cached);', 'regauthBounded(this.widths).set(text, cached);'],
			['this.blockWidths.set(text, cached);', 'regauthBounded(this.blockWidths).set(text, cached);'],
			['return sliceAnsi(line, from, to);', 'return regauthSlice(line, from, to);'],
			[
				`row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
				'row.push(REGAUTH_BLANK);',
			],
			[
				`.map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
				'.map(regauthRow)',
			],
		],
	},
	{
		// Ink lays out each text with measureText (cached per text), then, drawing the same text,
		// measures it again with widestLine, uncached: string-width over every line of every text
		// node on every frame, ~90% of string-width's time per keystroke at 200×60
		// (docs/performance.md §7). Ask measureText, whose width is that same widestLine(text).
		file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
		edits: [
			["import widestLine from 'widest-line';", "import measureText from './measure-text.js';"],
			['const currentWidth = widestLine(text);', 'const currentWidth = measureText(text).width;'],
		],
	},
	{
		// …and measureText's cache kept every text ever laid out (each keystroke adds the new field
		// and preview texts): bounded like the output caches above.
		file: /[\\/]ink[\\/]build[\\/]measure-text\.js$/,
		edits: [['cache.set(text, dimensions);', 'if (cache.size >= 4096) cache.clear();\n    cache.set(text, dimensions);']],
	},
	{
		// A fix, not a cost: the wizard renders incrementally (source/ui/run-wizard.tsx: a key rewrites
		// the rows it changed, not the whole screen, which is what a terminal over SSH carries), and
		// Ink 6.8's incremental log-update moves up one row too few when the last frame ended in a
		// newline, as every frame shorter than the terminal does, so each update landed a row low.
		// Ink 7.0 fixed it the same way (vadimdemedes/ink#910, commit c32da0b); Ink 7 needs Node 22.
		file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
		edits: [['buffer.push(ansiEscapes.cursorUp(previousVisible - 1));', 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));']],
	},
];

/** Applies every patch meant for `path` to `contents`; returns the patched text, or the reason none fits. */
export function applyPatches(path, contents) {
	const patches = PATCHES.filter(patch => patch.file.test(path));
	if (patches.length === 0) return {contents};
	const applicable = patches.filter(patch => !patch.when || contents.includes(patch.when));
	if (applicable.length === 0) return {error: `${path} changed: none of its patches applies (looked for "${patches.map(patch => patch.when).join('" or "')}")`};
	let patched = contents;
	for (const patch of applicable) {
		const missing = patch.edits.find(([from]) => !patched.includes(from));
		if (missing) return {error: `${path} changed: a patch no longer matches (no "${missing[0].slice(0, 60)}")`};
		for (const [from, to] of patch.edits) patched = patched.replaceAll(from, to);
		patched = (patch.prepend ?? '') + patched;
	}
	return {contents: patched};
}

export const dependencyPatches = {
	name: 'dependency-patches',
	setup(esbuild) {
		const filter = new RegExp(PATCHES.map(patch => `(?:${patch.file.source})`).join('|'));
		esbuild.onLoad({filter}, async ({path}) => {
			const result = applyPatches(path, await readFile(path, 'utf8'));
			if (result.error)
				return {errors: [{text: `${result.error}. Update or remove it in scripts/dependency-patches.mjs (and re-measure with npm run bench).`}]};
			return {contents: result.contents, loader: 'js'};
		});
	},
};
