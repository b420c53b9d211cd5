// Regenerates every README picture from real runs of the built CLI (`npm run media` builds
// first). Each run gets a fresh fake HOME, project directory and private keyring at fixed
// paths under /tmp/regauth-demo, so the screens show the same sensible paths every time.
//
//   media/demo.svg     animated: a whole first run, recorded as an asciicast, drawn by svg-term
//   media/wizard.svg   still: the credentials step with the live preview (+ .png)
//   media/review.svg   still: the review with its preview (+ .png)
//   media/review-80x24.svg  still: the review at 80×24 (+ .png)
//
// Needs: dbus-x11 and gnome-keyring (the private keyring), librsvg2-bin (PNG). No network
// except the npm registry on first use, to install svg-term into media/node_modules.
import {execFileSync} from 'node:child_process';
import {existsSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {compressTimeline, writeAsciicast} from './asciicast.mjs';
import {DEMO_ROOT, freshMachine, installRegauth} from './demo-machine.mjs';
import {DEMO_SIZE, DEMO_TOKEN, DEMO_USER, recordDemo} from './record-demo.mjs';
import {requireProgram} from './require-program.mjs';
import {takeStills} from './take-stills.mjs';

const media = fileURLToPath(new URL('.', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const castPath = join(tmpdir(), 'regauth-demo.cast');
let machine;
const stopMachine = () => machine?.stop();

if (!existsSync(cli)) fail('dist/cli.js is missing: run `npm run media` (it builds first) or `node scripts/build.mjs`.');
try {
	requireProgram('rsvg-convert', 'librsvg2-bin', 'SVG to PNG');
} catch (error) {
	fail(error.message);
}

// svg-term renders with React 16 and relies on it being hoisted; installed next to regauth's
// React 19 it crashes ("Unknown element-like object type"). So it lives in its own small
// package, media/package.json, installed here from its lockfile on first use.
const svgTerm = join(media, 'node_modules', '.bin', 'svg-term');
if (!existsSync(svgTerm)) {
	console.log('installing svg-term-cli into media/node_modules (first run only)…');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {cwd: media, stdio: 'inherit'});
}

// The secret typed in the demo must never be drawn; neither must what a config file would hold.
const forbidden = [DEMO_TOKEN, Buffer.from(DEMO_TOKEN).toString('base64'), Buffer.from(`${DEMO_USER}:${DEMO_TOKEN}`).toString('base64')];
function assertNoSecret(label, text) {
	const found = forbidden.find(secret => text.includes(secret));
	if (found) fail(`${label} contains the demo secret (${found === DEMO_TOKEN ? 'as typed' : 'base64'}): the UI drew it on screen. Not writing it.`);
}

process.on('SIGINT', () => {
	stopMachine();
	process.exit(130);
});

try {
	console.log('recording the demo (about 35 s, keys at a person’s pace)…');
	machine = freshMachine();
	const output = await recordDemo({cli: installRegauth(machine, cli), machine});
	stopMachine();
	// Waits over 3 s (a slow start, the keychain answering) are cut to 3 s; Ink's chunks of
	// one frame are merged; the Done screen stays 4 s before the loop restarts.
	const events = compressTimeline(output, {maxGapSeconds: 3, mergeSeconds: 0.03, holdSeconds: 4});
	assertNoSecret('the demo recording', events.map(([, data]) => data).join(''));
	writeAsciicast(castPath, {...DEMO_SIZE, title: 'regauth', env: machine.env}, events);
	// --no-cursor: Ink hides the terminal cursor and draws its own in the text fields.
	execFileSync(svgTerm, ['--in', castPath, '--out', join(media, 'demo.svg'), '--window', '--no-cursor'], {stdio: 'inherit'});

	console.log('taking the stills…');
	machine = freshMachine();
	const stills = await takeStills({cli: installRegauth(machine, cli), machine});
	stopMachine();
	for (const [name, svg] of Object.entries(stills)) {
		assertNoSecret(`media/${name}.svg`, svg);
		const svgPath = join(media, `${name}.svg`);
		writeFileSync(svgPath, svg);
		execFileSync('rsvg-convert', ['--format', 'png', '--output', join(media, `${name}.png`), svgPath]);
	}
} catch (error) {
	// A screen that never came (the UI changed) or a missing program: the message says which.
	fail(error.message);
} finally {
	stopMachine();
	rmSync(DEMO_ROOT, {recursive: true, force: true});
}

for (const name of ['demo.svg', 'wizard.svg', 'wizard.png', 'review.svg', 'review.png', 'review-80x24.svg', 'review-80x24.png']) {
	console.log(`media/${name}  ${(statSync(join(media, name)).size / 1024).toFixed(0)} KiB`);
}
console.log(`(the recording: ${castPath}; play it with asciinema play)`);

function fail(message) {
	console.error(`media: ${message}`);
	stopMachine();
	process.exit(1);
}
