// The package's bin (dist/cli.cjs). Node starts a CommonJS file sooner than an ES module (the
// ES module loader is not set up first), and the wizard's cached first frame needs only this file,
// first-frame.ts and find-profile.ts: so the frame is drawn from here, then the ES module bundle
// (dist/cli.js, which needs top-level await for yoga) is loaded and does everything else as if
// started itself, taking over the frame drawn (docs/performance.md §2).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {findProfile} from '../profile/find-profile.js';
import {keepEarlyFrame, showCachedFirstFrame} from './first-frame.js';

const main = join(__dirname, 'cli.js');
// Only a start that was the wizard before has a frame under its key (the build, the arguments, the
// terminal, the environment); a team profile found here is asked about first (cli.tsx), so not then.
if (process.stdin.isTTY && process.stdout.isTTY && !findProfile(process.cwd())) {
	const frame = showCachedFirstFrame(readFileSync(main, 'utf8'), process.argv.slice(2), process.env, process.stdout, () => process.stdin.setRawMode(true));
	if (frame.shown) keepEarlyFrame(frame);
}
import(pathToFileURL(main).href).catch((error: Error) => {
	// An install with dist/ half there: say so plainly (dist/cli.js prints every other error itself).
	process.stderr.write(`regauth: cannot load ${main} (${error.message}); reinstall regauth, or run npm run build in a checkout.\n`);
	process.exitCode = 1;
});
