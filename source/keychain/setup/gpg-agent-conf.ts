// The lines regauth needs in gpg-agent.conf for docker-credential-pass to work without a desktop
// (pure). docker runs the helper with no terminal, so gpg-agent can never show a pinentry to it:
// the helper decrypts only while the agent caches the passphrase. regauth fills that cache itself
// through loopback pinentry (the passphrase on a pipe), and the cache TTLs say for how long one
// unlock lasts. docs/keychains.md §1.3 has the trade-off.

/** One unlock lasts a working day: long enough for a day of pulls, gone by the next morning. */
export const CACHE_TTL_SECONDS = 8 * 60 * 60;

export interface AgentConfChange {
	text: string;
	changed: boolean;
	notes: string[];
	/** The file forbids what regauth needs; nothing may be written. */
	blocked?: string;
}

interface Setting {
	name: string;
	value?: string;
}

const WANTED: Setting[] = [
	{name: 'allow-loopback-pinentry'},
	{name: 'default-cache-ttl', value: String(CACHE_TTL_SECONDS)},
	{name: 'max-cache-ttl', value: String(CACHE_TTL_SECONDS)},
];

const HEADER = [
	'# Added by `regauth keychain setup --store pass`. docker-credential-pass runs gpg without a',
	'# terminal, so it can decrypt only while gpg-agent caches the passphrase: regauth unlocks the',
	'# key through loopback pinentry, and these TTLs say how long one unlock lasts (seconds).',
];

/** gpg-agent.conf lines: `name [value]`, comments and blanks ignored (gpg-agent(1) "OPTIONS"). */
function settings(text: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const [name, ...rest] = line.split(/\s+/);
		found.set(name!, rest.join(' '));
	}
	return found;
}

export function mergeAgentConf(existing: string | undefined): AgentConfChange {
	const text = existing ?? '';
	const present = settings(text);
	const notes: string[] = [];
	if (present.has('no-allow-loopback-pinentry')) {
		return {
			text,
			changed: false,
			notes,
			blocked:
				'gpg-agent.conf has no-allow-loopback-pinentry: regauth can then not unlock the key without a pinentry on a terminal. Remove that line (or use --store secretservice), then run regauth keychain setup again.',
		};
	}
	const missing: string[] = [];
	for (const setting of WANTED) {
		const current = present.get(setting.name);
		if (current === undefined) {
			missing.push(setting.value === undefined ? setting.name : `${setting.name} ${setting.value}`);
		} else if (setting.value !== undefined && current !== setting.value) {
			notes.push(`gpg-agent.conf already sets ${setting.name} ${current}; regauth keeps your value (it would set ${setting.value}).`);
		}
	}
	if (missing.length === 0) return {text, changed: false, notes};
	const separator = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
	return {text: `${text}${separator}${[...HEADER, ...missing].join('\n')}\n`, changed: true, notes};
}
