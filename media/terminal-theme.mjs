// The colours and font of the still pictures. The 16 colours, text and background are
// svg-term's default theme (node_modules/svg-term/lib/default-theme.js), so the stills look like
// frames of the animated demo that svg-term draws.
export const THEME = {
	background: '#282d35',
	foreground: '#b9c0cb',
	ansi: [
		'#282d35',
		'#e88388',
		'#a8cc8c',
		'#dbab79',
		'#71bef2',
		'#d290e4',
		'#66c2cd',
		'#b9bfca',
		'#6f7783',
		'#e88388',
		'#a8cc8c',
		'#dbab79',
		'#73bef3',
		'#d290e3',
		'#66c2cd',
		'#ffffff',
	],
	// Fonts a reader's machine is likely to have, all monospace; the renderer stretches each run
	// to its exact column width, so a font with other metrics still keeps the columns aligned.
	fontFamily: `'DejaVu Sans Mono', Menlo, Monaco, Consolas, 'Liberation Mono', monospace`,
	fontSize: 14,
	/** Monospace fonts advance about 0.6 em per character. */
	cellWidth: 8.4,
	cellHeight: 18,
};

/** xterm's 256-colour palette: the theme's 16, a 6×6×6 cube, then 24 greys. */
export function paletteColor(index) {
	if (index < 16) return THEME.ansi[index];
	if (index < 232) {
		const levels = [0, 95, 135, 175, 215, 255];
		const n = index - 16;
		return hex(levels[Math.floor(n / 36)], levels[Math.floor(n / 6) % 6], levels[n % 6]);
	}
	const grey = 8 + (index - 232) * 10;
	return hex(grey, grey, grey);
}

export function rgbColor(value) {
	return hex((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

function hex(...channels) {
	return `#${channels.map(channel => channel.toString(16).padStart(2, '0')).join('')}`;
}
