// The registry's `WWW-Authenticate` answer to an anonymous GET /v2/ (RFC 7235): which scheme it
// wants and, for Bearer, where to get a token. A header may hold several challenges separated by
// commas, and their parameters are comma-separated too, so a plain split cannot tell them apart.

export interface Challenge {
	/** Lower case: 'basic', 'bearer'… */
	scheme: string;
	/** Parameter names lower case; quoted values unescaped. */
	params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;

export function parseChallenges(header: string): Challenge[] {
	const challenges: Challenge[] = [];
	let pos = 0;
	const skipSpace = () => {
		while (pos < header.length && (header[pos] === ' ' || header[pos] === '\t')) pos++;
	};
	while (pos < header.length) {
		skipSpace();
		if (header[pos] === ',') {
			pos++;
			continue;
		}
		TOKEN.lastIndex = pos;
		const word = TOKEN.exec(header)?.[0];
		if (!word) {
			pos++; // not a token: skip the character rather than give up on the rest
			continue;
		}
		pos += word.length;
		skipSpace();
		const current = challenges.at(-1);
		// `name=value` continues the current challenge; a bare word starts a new one. A token68
		// credential (`Negotiate abc==`) is kept whole under the empty name.
		if (current && header[pos] === '=' && !/^=*\s*(,|$)/.test(header.slice(pos))) {
			pos++;
			skipSpace();
			current.params[word.toLowerCase()] = readValue();
			continue;
		}
		if (current && header[pos] === '=' && Object.keys(current.params).length === 0) {
			const padding = /^=*/.exec(header.slice(pos))![0];
			current.params[''] = word + padding;
			pos += padding.length;
			continue;
		}
		challenges.push({scheme: word.toLowerCase(), params: {}});
	}
	return challenges;

	function readValue(): string {
		if (header[pos] !== '"') {
			TOKEN.lastIndex = pos;
			const value = TOKEN.exec(header)?.[0] ?? '';
			pos += value.length;
			return value;
		}
		let value = '';
		for (pos++; pos < header.length; pos++) {
			const char = header[pos]!;
			if (char === '\\' && pos + 1 < header.length) value += header[++pos];
			else if (char === '"') {
				pos++;
				break;
			} else value += char;
		}
		return value;
	}
}

/** The challenge regauth answers: Bearer when offered (it is what docker prefers), else Basic. */
export function pickChallenge(challenges: readonly Challenge[]): Challenge | undefined {
	return challenges.find(challenge => challenge.scheme === 'bearer' && challenge.params.realm) ?? challenges.find(challenge => challenge.scheme === 'basic');
}
