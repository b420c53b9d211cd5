// A login's panel on the first screen (Enter on a login in the registry list): what regauth knows
// of it, then check, rotate or log out — each said before it is done, then its result. Keys are
// logins-keys.ts; the words logins-view.ts.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {LoginStatus} from '../../status/report.js';
import {ChoiceList} from '../components/choice-list.js';
import {LABEL_WIDTH, TextField} from '../components/text-field.js';
import {linesOf, wrapText} from '../components/window.js';
import type {LoginsState} from '../logins-state.js';
import {panelChoices, panelLines} from '../logins-view.js';
import type {StepProps} from './step-props.js';

const BUSY: Record<string, string> = {
	secret: 'Checking the new secret with the registry, then planning…',
	menu: 'Reading what logging out removes…',
	rotate: 'Replacing the secret everywhere…',
	logout: 'Logging out…',
};

const HEADINGS: Record<LoginsState['phase']['kind'], string> = {
	menu: 'Enter chooses · Esc back to the list',
	secret: 'New password or token · Tab: when it expires · Enter checks it · Esc cancels',
	rotate: 'Nothing is written until you confirm · Esc cancels',
	logout: 'Nothing is removed until you confirm · Esc cancels',
	done: 'Enter or Esc goes back',
	problem: 'Nothing was changed · Enter or Esc goes back',
};

const EXPIRES_HINT = '2027-01-31, or 90d / 12h from now; empty if unknown';

const secretHint = (panel: LoginsState, login: LoginStatus) =>
	`${[...panel.secret].length} characters typed; it replaces the secret of ${login.user || 'this login'}`;

export interface PanelLayout {
	/** The panel's text, wrapped, and the window of it shown. */
	lines: string[];
	room: number;
	/** How far the text can scroll. */
	max: number;
}

/** Lines the panel's text may use at `height`, and how far it scrolls (the key map needs `max`). */
export function panelLayout(state: LoginsState, login: LoginStatus, width: number, height: number, self: string, busy: boolean): PanelLayout {
	// Indented lines (a list under its heading) stay indented when they wrap.
	const lines = panelLines(state, login, new Date(), self).flatMap(line =>
		line.startsWith('  ')
			? wrapText(line.slice(2), width - 2)
					.split('\n')
					.map(part => `  ${part}`)
			: wrapText(line, width).split('\n'),
	);
	const items = panelChoices(state, login, self);
	const selected = items[Math.min(state.field, items.length - 1)];
	const menu = items.length + (selected?.hint ? linesOf(selected.hint, width - 4) : 0);
	// The two fields, each a line and its hint, then the problem.
	const hints = linesOf(secretHint(state, login), Math.max(10, width - LABEL_WIDTH)) + linesOf(EXPIRES_HINT, Math.max(10, width - LABEL_WIDTH));
	const field = state.phase.kind === 'secret' ? 2 + hints + (state.phase.problem ? linesOf(`✗ ${state.phase.problem}`, width) : 0) : 0;
	// Title, keys line, a blank line above the menu, the spinner.
	const room = Math.max(3, height - 3 - menu - field - (busy ? 1 : 0));
	return {lines, room, max: Math.max(0, lines.length - (room - 2))};
}

export function LoginPanel({state, login, width, height, self}: Pick<StepProps, 'state' | 'width' | 'height' | 'self'> & {login: LoginStatus}) {
	const panel = state.logins;
	const busy = state.busy === 'login';
	const {lines, room} = panelLayout(panel, login, width, height, self, busy);
	// The text scrolls (PgUp/PgDn) with a marker for what is hidden above and below.
	const fits = lines.length <= room;
	const inner = fits ? room : Math.max(1, room - 2);
	const start = fits ? 0 : Math.min(panel.scroll, Math.max(0, lines.length - inner));
	const shown = lines.slice(start, start + inner);
	const below = lines.length - start - shown.length;
	const items = panelChoices(panel, login, self);
	const phase = panel.phase;
	return (
		<Box flexDirection="column" width={width}>
			<Text bold wrap="truncate-end">
				{login.registry} — {login.user || '(user unknown)'}
			</Text>
			<Text dimColor wrap="truncate-end">
				{HEADINGS[phase.kind]}
			</Text>
			{!fits && start > 0 ? <Text dimColor> ↑ {start} more (PgUp)</Text> : null}
			{shown.map((line, index) => (
				<Text
					// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, redrawn whole
					key={index}
					color={line.startsWith('✗') ? 'red' : line.startsWith('✓') ? 'green' : line.startsWith('⚠') || line.startsWith('!') ? 'yellow' : undefined}
				>
					{line === '' ? ' ' : line}
				</Text>
			))}
			{!fits && below > 0 ? <Text dimColor> ↓ {below} more (PgDn)</Text> : null}
			{phase.kind === 'secret' ? (
				<Box flexDirection="column">
					<TextField
						label="New secret"
						value={panel.secret}
						cursor={panel.cursor}
						focus={!busy && panel.typing === 'secret'}
						mask="•"
						hint={secretHint(panel, login)}
						width={width}
					/>
					<TextField
						label="Expires (optional)"
						value={panel.expires}
						cursor={panel.expiresCursor}
						focus={!busy && panel.typing === 'expires'}
						placeholder="unknown"
						hint={EXPIRES_HINT}
						width={width}
					/>
					{phase.problem ? <Text color="red">{wrapText(`✗ ${phase.problem}`, width)}</Text> : null}
				</Box>
			) : null}
			{busy ? (
				<Text>
					<Spinner type="dots" /> {BUSY[phase.kind] ?? 'Working…'}
				</Text>
			) : null}
			{items.length > 0 ? (
				<Box marginTop={1}>
					<ChoiceList items={items} index={panel.field} width={width} />
				</Box>
			) : null}
		</Box>
	);
}
