// Every `docs/<file>.md §N.M` that a comment, test or doc cites must exist: the file in docs/ and a
// heading numbered N.M in it. Renumbering a section without updating its citations fails here.
// Pure and fast: reads the repository's text files, runs nothing.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const SCANNED = ['source', 'test', 'scripts', 'bench', 'media', '.ci', 'docs', 'README.md'];
const TEXT = /\.(?:ts|tsx|mts|mjs|js|cjs|md|sh|yml|yaml|json)$|^run$/;
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures', 'dist']);

export interface Citation {
	doc: string;
	/** Section numbers cited right after the file name; empty when only the file is cited. */
	sections: string[];
	/** Where the citation was found, as "path:line". */
	at: string;
}

/** Drops comment leaders at line starts so a citation list wrapped over comment lines reads as one line. */
function unwrap(text: string): string {
	return text.replace(/\n[ \t]*(?:\/\/|\*|#)?[ \t]*/g, ' ');
}

/** Whether `index` lies inside a `code span` of its line (an odd number of backticks before it). */
function insideCodeSpan(text: string, index: number): boolean {
	const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
	return (line.match(/`/g)?.length ?? 0) % 2 === 1;
}

const SECTION_LIST = /^(?:\s*(?:,|;|and|or)?\s*§\s?\d+(?:\.\d+)*\.?(?:\s*\([^()]*\))?)+/;

/** The `docs/X.md [§N[, §M…]]` citations in one file's text; in docs/X.md itself a bare §N cites X. */
export function citationsIn(text: string, path: string): Citation[] {
	const citations: Citation[] = [];
	const lineAt = (index: number) => text.slice(0, index).split('\n').length;
	const own = /^docs\/([a-z0-9-]+)\.md$/.exec(path)?.[1];
	let masked = text;
	// Not a continuation of another path (an upstream repository's `…/docs/x.md`); in docs/ itself,
	// upstream files are named in code spans, and regauth's documents are cited outside them.
	for (const match of text.matchAll(/(?<![\w./-])docs\/([a-z0-9-]+)\.md/g)) {
		if (own && insideCodeSpan(text, match.index)) continue;
		const start = match.index + match[0].length;
		const list = SECTION_LIST.exec(unwrap(text.slice(start, start + 400)))?.[0] ?? '';
		const sections = [...list.replace(/\([^()]*\)/g, '').matchAll(/§\s?(\d+(?:\.\d+)*)/g)].map(m => m[1]!);
		citations.push({doc: match[1]!, sections, at: `${path}:${lineAt(match.index)}`});
		if (own) {
			// Mask the cross-reference so its § numbers are not read as this file's own.
			const covered = SECTION_LIST.exec(text.slice(start, start + 400))?.[0].length ?? 0;
			masked = masked.slice(0, match.index) + ' '.repeat(match[0].length + covered) + masked.slice(start + covered);
		}
	}
	if (own) {
		for (const match of masked.matchAll(/§(\d+(?:\.\d+)*)/g)) {
			citations.push({doc: own, sections: [match[1]!], at: `${path}:${lineAt(match.index)}`});
		}
	}
	return citations;
}

/** The section numbers a markdown document defines: headings such as `## 3.` or `### 3.2 Title`. */
export function sectionsOf(markdown: string): Set<string> {
	const sections = new Set<string>();
	for (const match of markdown.matchAll(/^#{1,6}[ \t]+(\d+(?:\.\d+)*)\.?[ \t]/gm)) sections.add(match[1]!);
	return sections;
}

function filesUnder(path: string): string[] {
	const full = join(ROOT, path);
	let stats: ReturnType<typeof statSync>;
	try {
		stats = statSync(full);
	} catch {
		return [];
	}
	if (!stats.isDirectory()) return TEXT.test(path.split('/').pop()!) ? [path] : [];
	return readdirSync(full).flatMap(name => (SKIPPED_DIRS.has(name) ? [] : filesUnder(join(path, name))));
}

function allCitations(): Citation[] {
	return SCANNED.flatMap(filesUnder)
		.filter(path => join(ROOT, path) !== SELF)
		.flatMap(path => citationsIn(readFileSync(join(ROOT, path), 'utf8'), relative(ROOT, join(ROOT, path))));
}

test('a wrapped citation list yields every section; parenthesised remarks are skipped', () => {
	const text = '// see docs/a-b.md §1.2 (decoding), §1.5 (helpers and\n// the file they shadow), §8.1.\n// and docs/c.md, then §9';
	assert.deepEqual(
		citationsIn(text, 'source/x.ts').map(({doc, sections}) => ({doc, sections})),
		[
			{doc: 'a-b', sections: ['1.2', '1.5', '8.1']},
			{doc: 'c', sections: []},
		],
	);
});

test('inside docs/X.md a bare § cites X, and a cross-reference is not counted twice', () => {
	const text = '## 1. One\n\nsee §1 and docs/other.md §4.2, then §1.\n';
	assert.deepEqual(
		citationsIn(text, 'docs/own.md').map(({doc, sections}) => `${doc} ${sections.join(',')}`),
		['other 4.2', 'own 1', 'own 1'],
	);
});

test('upstream paths are not citations: inside another path, or in a code span of a doc', () => {
	const text = 'see `docker/cli docs/deprecated.md` and marathon docs/docs/x.md; but docs/real.md §2\n';
	assert.deepEqual(
		citationsIn(text, 'docs/own.md').map(({doc, sections}) => `${doc} ${sections.join(',')}`),
		['real 2'],
	);
	assert.deepEqual(
		citationsIn('// (`docs/formats.md §3.2`)', 'source/x.ts').map(({doc}) => doc),
		['formats'],
	);
});

test('headings define section numbers with or without a trailing dot', () => {
	assert.deepEqual([...sectionsOf('# Title\n## 1. Docker\n### 1.2 Schema\n## 10 Not verified\ntext §3\n')], ['1', '1.2', '10']);
});

test('every docs/ citation in the repository names an existing file and section', () => {
	const citations = allCitations();
	assert.ok(citations.length > 50, `only ${citations.length} citations found: is the scan broken?`);
	const sections = new Map<string, Set<string> | undefined>();
	const problems: string[] = [];
	for (const {doc, sections: cited, at} of citations) {
		if (!sections.has(doc)) {
			let text: string | undefined;
			try {
				text = readFileSync(join(ROOT, 'docs', `${doc}.md`), 'utf8');
			} catch {
				text = undefined;
			}
			sections.set(doc, text === undefined ? undefined : sectionsOf(text));
		}
		const known = sections.get(doc);
		if (!known) problems.push(`${at}: docs/${doc}.md does not exist`);
		else for (const section of cited) if (!known.has(section)) problems.push(`${at}: docs/${doc}.md has no §${section}`);
	}
	assert.deepEqual(problems, []);
});

test('nothing in the repository points outside it for its facts', () => {
	const outside = SCANNED.flatMap(filesUnder)
		.filter(path => join(ROOT, path) !== SELF)
		.filter(path => /\.\.\/shared|\/work\/shared|shared\/reference/.test(readFileSync(join(ROOT, path), 'utf8')));
	assert.deepEqual(outside, []);
});
