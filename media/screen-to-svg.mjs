// Draws what a headless xterm shows (its cell buffer: characters, colours, bold, dim, inverse)
// as a small SVG in a window frame. Text is emitted in runs of cells that share a style, each
// stretched to its exact column width, so alignment does not depend on the reader's font. The
// rounded box Ink draws around the preview is drawn as lines rather than glyphs: box-drawing
// glyphs are shorter than a line of text in most fonts and leave gaps between rows.
import {paletteColor, rgbColor, THEME} from './terminal-theme.mjs';

const PADDING = 16;
const TITLE_BAR = 36;

/** Which arms of a cell a box-drawing character has, and whether its corner is rounded. */
const BOX = {
	'─': {left: true, right: true},
	'│': {up: true, down: true},
	'╭': {down: true, right: true, round: true},
	'╮': {down: true, left: true, round: true},
	'╰': {up: true, right: true, round: true},
	'╯': {up: true, left: true, round: true},
	'┌': {down: true, right: true},
	'┐': {down: true, left: true},
	'└': {up: true, right: true},
	'┘': {up: true, left: true},
};

const escapeXml = text => text.replace(/[&<>"]/g, char => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[char]);
const round = value => Number(value.toFixed(2));

function cellColors(cell) {
	let fg = cell.isFgDefault() ? THEME.foreground : cell.isFgRGB() ? rgbColor(cell.getFgColor()) : paletteColor(cell.getFgColor());
	let bg = cell.isBgDefault() ? undefined : cell.isBgRGB() ? rgbColor(cell.getBgColor()) : paletteColor(cell.getBgColor());
	if (cell.isInverse()) [fg, bg] = [bg ?? THEME.background, fg];
	return {fg, bg};
}

function boxPath(x, y, arms) {
	const {cellWidth: w, cellHeight: h} = THEME;
	const cx = round(x + w / 2);
	const cy = round(y + h / 2);
	if (arms.round) {
		// A quarter circle from the vertical arm's end to the horizontal arm's end.
		const vy = arms.up ? y : y + h;
		const hx = arms.left ? x : x + w;
		const r = w / 2;
		const sy = round(cy + (arms.up ? -r : r));
		const sx = round(cx + (arms.left ? -r : r));
		return `M${cx} ${round(vy)}V${sy}Q${cx} ${cy} ${sx} ${cy}H${round(hx)}`;
	}
	let path = '';
	if (arms.left || arms.right) path += `M${round(arms.left ? x : cx)} ${cy}H${round(arms.right ? x + w : cx)}`;
	if (arms.up || arms.down) path += `M${cx} ${round(arms.up ? y : cy)}V${round(arms.down ? y + h : cy)}`;
	return path;
}

/**
 * @param {import('@xterm/headless').Terminal} terminal
 * @param {{title?: string}} [options]
 * @returns {string} an SVG document
 */
export function screenToSvg(terminal, {title = ''} = {}) {
	const {cellWidth, cellHeight, fontSize} = THEME;
	const buffer = terminal.buffer.active;
	// Trailing empty rows are left out: Ink keeps its frame a row short of the terminal.
	let rows = terminal.rows;
	while (rows > 1 && (buffer.getLine(buffer.viewportY + rows - 1)?.translateToString(true) ?? '') === '') rows--;
	const width = round(terminal.cols * cellWidth + PADDING * 2);
	const height = round(rows * cellHeight + PADDING * 2 + TITLE_BAR);
	const originX = PADDING;
	const originY = PADDING + TITLE_BAR;
	const backgrounds = [];
	const texts = [];
	/** @type {Map<string, string>} box-drawing paths by colour */
	const boxes = new Map();
	const cell = buffer.getNullCell();

	for (let row = 0; row < rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		if (!line) continue;
		const top = originY + row * cellHeight;
		const baseline = round(top + cellHeight / 2 + fontSize * 0.35);
		let run;
		const flush = () => {
			if (!run) return;
			const text = run.text.replace(/\s+$/, '');
			if (text.trim() !== '') {
				const columns = run.columns - (run.text.length - text.length);
				const style = [
					run.bold ? ' font-weight="bold"' : '',
					run.italic ? ' font-style="italic"' : '',
					run.underline ? ' text-decoration="underline"' : '',
					run.dim ? ' opacity="0.6"' : '',
				].join('');
				texts.push(
					`<text x="${round(originX + run.start * cellWidth)}" y="${baseline}" fill="${run.fg}"${style} textLength="${round(columns * cellWidth)}" lengthAdjust="spacingAndGlyphs">${escapeXml(text)}</text>`,
				);
			}
			run = undefined;
		};
		for (let column = 0; column < terminal.cols; column++) {
			line.getCell(column, cell);
			const cellWidthInColumns = cell.getWidth();
			if (cellWidthInColumns === 0) continue; // the second half of a wide character
			const chars = cell.getChars() || ' ';
			const {fg, bg} = cellColors(cell);
			const x = originX + column * cellWidth;
			if (bg)
				backgrounds.push(`<rect x="${round(x)}" y="${round(top)}" width="${round(cellWidthInColumns * cellWidth)}" height="${cellHeight}" fill="${bg}"/>`);
			const arms = BOX[chars];
			if (arms) {
				flush();
				boxes.set(fg, (boxes.get(fg) ?? '') + boxPath(x, top, arms));
				continue;
			}
			const style = {fg, bold: Boolean(cell.isBold()), dim: Boolean(cell.isDim()), italic: Boolean(cell.isItalic()), underline: Boolean(cell.isUnderline())};
			const same =
				run && run.fg === style.fg && run.bold === style.bold && run.dim === style.dim && run.italic === style.italic && run.underline === style.underline;
			// A blank cell's colour does not show: it continues any run (fewer, longer runs keep the
			// file small) and starts none.
			if (chars === ' ' && !bg) {
				if (!run) continue;
			} else if (!same) {
				flush();
				run = {...style, start: column, text: '', columns: 0};
			}
			run.text += chars;
			run.columns += cellWidthInColumns;
		}
		flush();
	}

	const dots = ['#ff5f58', '#ffbd2e', '#18c132']
		.map((color, index) => `<circle cx="${PADDING + 6 + index * 20}" cy="${TITLE_BAR / 2 + 2}" r="6" fill="${color}"/>`)
		.join('');
	const heading = title ? `<text x="${round(width / 2)}" y="${TITLE_BAR / 2 + 7}" text-anchor="middle" fill="${THEME.ansi[8]}">${escapeXml(title)}</text>` : '';
	const lines = [...boxes].map(([color, d]) => `<path d="${d}" stroke="${color}" fill="none" stroke-width="1.2"/>`).join('');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(THEME.fontFamily)}" font-size="${fontSize}" xml:space="preserve">`,
		`<rect width="${width}" height="${height}" rx="6" fill="${THEME.background}"/>`,
		dots,
		heading,
		...backgrounds,
		lines,
		...texts,
		'</svg>',
		'',
	].join('\n');
}
