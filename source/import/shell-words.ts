// Splitting a saved command line (`docker login -u="org+bot" -p="TOKEN" quay.io`) into words
// the way a POSIX shell would, without running one: quotes and backslashes are resolved,
// nothing is expanded. A word that a shell WOULD expand ($VAR, `cmd`) is marked, so the
// importer can say the secret is not in the file rather than take "$TOKEN" as the token.

export interface Word {
	text: string;
	/** Contains an unquoted or double-quoted `$` or backquote a shell would expand. */
	expands: boolean;
	/** An operator (; & | && || newline) between commands, not an argument. */
	operator?: boolean;
}

export type Split = {ok: true; words: Word[]} | {ok: false; message: string};

export function shellWords(line: string): Split {
	const words: Word[] = [];
	let text = '';
	let expands = false;
	let inWord = false;
	const end = () => {
		if (inWord) words.push({text, expands});
		text = '';
		expands = false;
		inWord = false;
	};
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (char === '\\') {
			const next = line[i + 1];
			i++;
			if (next === undefined) break;
			if (next === '\n') continue; // line continuation
			text += next;
			inWord = true;
			continue;
		}
		if (char === "'") {
			const close = line.indexOf("'", i + 1);
			if (close === -1) return {ok: false, message: 'a single quote is not closed'};
			text += line.slice(i + 1, close);
			inWord = true;
			i = close;
			continue;
		}
		if (char === '"') {
			let j = i + 1;
			for (; j < line.length && line[j] !== '"'; j++) {
				const c = line[j]!;
				if (c === '\\' && j + 1 < line.length && '$`"\\\n'.includes(line[j + 1]!)) {
					if (line[j + 1] !== '\n') text += line[j + 1];
					j++;
				} else {
					if ((c === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(line[j + 1] ?? '')) || c === '`') expands = true;
					text += c;
				}
			}
			if (j >= line.length) return {ok: false, message: 'a double quote is not closed'};
			inWord = true;
			i = j;
			continue;
		}
		if (char === '#' && !inWord) {
			const newline = line.indexOf('\n', i);
			if (newline === -1) break;
			i = newline - 1;
			continue;
		}
		if (char === ' ' || char === '\t' || char === '\r') {
			end();
			continue;
		}
		if (char === '\n' || char === ';' || char === '&' || char === '|') {
			end();
			let op = char;
			if ((char === '&' || char === '|') && line[i + 1] === char) op += line[++i];
			words.push({text: op, expands: false, operator: true});
			continue;
		}
		if ((char === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(line[i + 1] ?? '')) || char === '`') expands = true;
		text += char;
		inWord = true;
	}
	end();
	return {ok: true, words};
}
